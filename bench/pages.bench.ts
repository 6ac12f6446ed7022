// The pages a person waits on, on the bench company (npm run bench:data: 5,000 people, three years),
// served by the production build: 50 signed-in users at once per page, each asking for the page again as
// soon as it has the last one (closed loop), for BENCH_SECONDS after a short warm-up. The figure is the
// time to the end of the HTML document. Sessions are made directly in the database (the login's password
// hashing is not measured). The server's resident memory is sampled throughout.
// Targets (issue: performance at scale): p95 < 200 ms and p99 < 500 ms for every page; RSS < 300 MB.
import { openBenchCluster } from "./data/cluster";
import type { Bench } from "./run";
import { cpuSeconds, startBenchServer } from "./support/bench-server";
import { getPage, rssMb } from "./support/page-client";

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 2;

type Page = { label: string; path: string; as: string };

async function pagesToMeasure(): Promise<Page[]> {
  const { db } = await import("../app/utils/db.server");
  const { now } = await import("../app/utils/clock.server");
  const year = new Date(now().getTime() + 8 * 3_600_000).getUTCFullYear();
  const plan = await db.annualPlan.findUniqueOrThrow({ where: { year }, select: { id: true } });
  // A held course of a bench department with a full roster, and an agent with three years of records.
  const course = await db.course.findFirstOrThrow({
    where: { id: { startsWith: "bkco" }, records: { some: {} } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const person = await db.person.findUniqueOrThrow({ where: { employeeNo: "B00002" }, select: { id: true } });
  return [
    { label: "home with to-do list (agent)", path: "/home", as: "B00002" },
    { label: "home with to-do list (manager)", path: "/home", as: "T0001" },
    { label: "annual plan", path: `/plans/${plan.id}`, as: "T0001" },
    { label: "a course", path: `/courses/${course.id}`, as: "T0001" },
    { label: "certification board", path: "/certification", as: "T0001" },
    { label: "people list, search 王", path: `/people?q=${encodeURIComponent("王")}`, as: "T0001" },
    { label: "a person's file", path: `/people/${person.id}`, as: "T0001" },
    { label: "a person's training file", path: `/training-files/${person.id}`, as: "T0001" },
    { label: "case list of a department (head)", path: "/cases", as: "D0301" },
    { label: "audit log", path: "/audit", as: "A0001" },
  ];
}

async function cookiesFor(employeeNo: string, count: number): Promise<string[]> {
  const { db } = await import("../app/utils/db.server");
  const { createSession, sessionCookieHeader } = await import("../app/utils/session.server");
  const person = await db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true } });
  const request = new Request("http://localhost/");
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const token = await db.$transaction((tx) => createSession(tx, person.id));
    cookies.push((await sessionCookieHeader(request, token)).split(";")[0]);
  }
  return cookies;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;

async function load(baseURL: string, page: Page, cookies: string[]) {
  let stop = false;
  let counting = false;
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let bytes = 0;
  const user = async (cookie: string) => {
    while (!stop) {
      const t0 = performance.now();
      try {
        const res = await getPage(baseURL + page.path, cookie);
        if (!counting) continue;
        if (res.status !== 200) errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1);
        else latencies.push(performance.now() - t0);
        bytes = res.bytes;
      } catch (error) {
        if (counting) errors.set(String(error), (errors.get(String(error)) ?? 0) + 1);
      }
    }
  };
  const running = cookies.map(user);
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  counting = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  counting = false;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(running);
  latencies.sort((a, b) => a - b);
  return { latencies, errors, bytes, perSecond: latencies.length / elapsed };
}

const run: Bench = async () => {
  const database = await openBenchCluster();
  const server = await startBenchServer(async () => {}, 1, database);
  const lines: string[] = [];
  const targets: Array<{ label: string; met: boolean }> = [];
  let peakRss = 0;
  const pid = server.pids[0];
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) || 0)), 250);
  try {
    lines.push(`server RSS after start: ${rssMb(pid).toFixed(0)} MB`);
    const pages = await pagesToMeasure();
    const sessions = new Map<string, string[]>();
    for (const as of new Set(pages.map((p) => p.as))) sessions.set(as, await cookiesFor(as, USERS));
    const { disconnectDb } = await import("../app/utils/db.server");
    await disconnectDb();
    lines.push(
      `${USERS} users at once per page, ${SECONDS} s each after ${WARMUP_S} s warm-up (times to the end of the HTML)`,
    );
    lines.push("page | req/s | p50 | p95 | p99 | max ms | errors | HTML kB | server CPU | RSS MB");
    for (const page of pages) {
      const cpu0 = cpuSeconds(pid);
      const t0 = performance.now();
      const { latencies: l, errors, bytes, perSecond } = await load(server.baseURLs[0], page, sessions.get(page.as)!);
      const cpu = (cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000);
      const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
      const [p50, p95, p99] = [pct(l, 50), pct(l, 95), pct(l, 99)];
      lines.push(
        `${page.label} (${page.path.replace(/\/bk\w+/g, "/…")}) | ${perSecond.toFixed(1)} | ${p50.toFixed(0)} | ${p95.toFixed(0)} | ${p99.toFixed(0)} | ${l.at(-1)?.toFixed(0)} | ${errorCount} | ${(bytes / 1024).toFixed(0)} | ${(cpu * 100).toFixed(0)} % | ${rssMb(pid).toFixed(0)}`,
      );
      for (const [error, n] of errors) lines.push(`  ${n} × ${error.slice(0, 160)}`);
      targets.push({ label: `${page.label}: p95 ${p95.toFixed(0)} ms < 200 ms`, met: p95 < 200 });
      targets.push({ label: `${page.label}: p99 ${p99.toFixed(0)} ms < 500 ms`, met: p99 < 500 });
      targets.push({ label: `${page.label}: no errors (${errorCount})`, met: errorCount === 0 && l.length > 0 });
    }
    lines.push(`server RSS peak: ${peakRss.toFixed(0)} MB`);
    targets.push({ label: `server RSS peak ${peakRss.toFixed(0)} MB < 300 MB`, met: peakRss < 300 });
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
  return { name: "pages", lines, targets };
};
export default run;
