// Two ways of putting 50 users on the pages, both on kept-alive connections and timing each HTML document
// to its last byte:
// - `people`: 50 people at work at once, each opening a page, reading it for a while (think time, 1–5 s,
//   from a seeded sequence) and opening the next, every page of the list in turn. This is what "50
//   concurrent users" means for a person waiting on a page, and it is what the targets are judged on.
// - `saturate`: per page, 50 users asking for that one page again the moment they have it (closed loop, no
//   think time). It finds how many pages per second the server can give, not what a person waits.
import { rng } from "../data/random";

import { getPage } from "./page-client";

export type BenchPage = { label: string; path: string; as: string };
export type PageFigures = { latencies: number[]; errors: Map<string, number>; bytes: number };

const count = (errors: Map<string, number>, key: string) => errors.set(key, (errors.get(key) ?? 0) + 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed(baseURL: string, page: BenchPage, cookie: string, timeoutMs: number, into: PageFigures) {
  const t0 = performance.now();
  try {
    const res = await getPage(baseURL + page.path, cookie, timeoutMs);
    if (res.status !== 200) count(into.errors, `HTTP ${res.status}`);
    else into.latencies.push(performance.now() - t0);
    into.bytes = res.bytes;
  } catch (error) {
    count(into.errors, String(error));
  }
}

/**
 * `users` people for `seconds` (after `warmupSeconds`, not counted), each going round the pages from a page of
 * their own with think times between; `cookieFor(page, user)` is that user's session for the page's person.
 */
export async function peopleAtWork(options: {
  baseURL: string;
  pages: readonly BenchPage[];
  cookieFor: (page: BenchPage, user: number) => string;
  users: number;
  seconds: number;
  warmupSeconds: number;
  thinkMs: readonly [number, number];
  timeoutMs: number;
  seed: number;
}): Promise<Map<string, PageFigures>> {
  const figures = new Map(options.pages.map((p) => [p.label, { latencies: [], errors: new Map(), bytes: 0 }]));
  const scratch: PageFigures = { latencies: [], errors: new Map(), bytes: 0 };
  const random = rng(options.seed);
  const [minThink, maxThink] = options.thinkMs;
  let counting = false;
  let stop = false;
  const user = async (n: number) => {
    // Staggered arrivals: not everyone opens their first page in the same millisecond.
    await sleep(random.next() * maxThink);
    for (let i = n; !stop; i++) {
      const page = options.pages[i % options.pages.length];
      await timed(
        options.baseURL,
        page,
        options.cookieFor(page, n),
        options.timeoutMs,
        counting ? figures.get(page.label)! : scratch,
      );
      await sleep(minThink + random.next() * (maxThink - minThink));
    }
  };
  const running = Array.from({ length: options.users }, (_, n) => user(n));
  await sleep(options.warmupSeconds * 1000);
  counting = true;
  await sleep(options.seconds * 1000);
  stop = true;
  // Pages still under way when the window closes count, however late (the slowest ones matter most).
  await Promise.race([Promise.all(running), sleep(options.timeoutMs + maxThink + 1_000)]);
  for (const f of figures.values()) f.latencies.sort((a, b) => a - b);
  return figures;
}

/** `cookies.length` users asking for one page back to back for `seconds` after `warmupSeconds`. */
export async function saturate(options: {
  baseURL: string;
  page: BenchPage;
  cookies: readonly string[];
  seconds: number;
  warmupSeconds: number;
  timeoutMs: number;
}): Promise<PageFigures & { perSecond: number }> {
  const figures: PageFigures = { latencies: [], errors: new Map(), bytes: 0 };
  const scratch: PageFigures = { latencies: [], errors: new Map(), bytes: 0 };
  let counting = false;
  let stop = false;
  const user = async (cookie: string) => {
    while (!stop) await timed(options.baseURL, options.page, cookie, options.timeoutMs, counting ? figures : scratch);
  };
  const running = options.cookies.map(user);
  await sleep(options.warmupSeconds * 1000);
  counting = true;
  const t0 = performance.now();
  await sleep(options.seconds * 1000);
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.race([Promise.all(running), sleep(options.timeoutMs + 1_000)]);
  figures.latencies.sort((a, b) => a - b);
  return { ...figures, perSecond: figures.latencies.length / elapsed };
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;
