// The pages a person waits on, on the bench company (npm run bench:data: 5,000 people, three years),
// served by the production build. BENCH_MODE=people (the default): 50 people at work at once, each opening
// the pages in turn with 1–5 s of reading between them, for BENCH_SECONDS (default 90); the targets are
// judged on this. BENCH_MODE=saturate: per page, 50 users asking back to back (how many pages/s the server
// can give). The figure is the time to the end of the HTML document; sessions are made directly in the
// database (the login's password hashing is not measured); the server's resident memory is sampled.
// Targets (issue: performance at scale): p95 < 200 ms and p99 < 500 ms for every page; RSS < 300 MB.
import { randomUUID } from "node:crypto";

import autocannon from "autocannon";

import { openBenchCluster } from "./data/cluster";
import type { Bench } from "./run";
import { cpuSeconds, startBenchServer } from "./support/bench-server";
import { rssMb } from "./support/page-client";
import { peopleAtWork, percentile as pct, saturate, type BenchPage, type PageFigures } from "./support/page-load";

const USERS = Number(process.env.BENCH_USERS ?? 50);
const MODE = process.env.BENCH_MODE === "saturate" ? "saturate" : "people";
const SECONDS = Number(process.env.BENCH_SECONDS ?? (MODE === "people" ? 90 : 10));
const WARMUP_S = MODE === "people" ? 10 : 2;
const THINK_MS = [1_000, 5_000] as const;
/** A page not answered within this counts as an error (a person has given up long before). */
const TIMEOUT_MS = 30_000;

type Page = BenchPage;

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
    { label: "people list, search 王", path: `/people?q=${encodeURIComponent("王")}`, as: "T0001" },
    { label: "a person's file", path: `/people/${person.id}`, as: "T0001" },
    { label: "a person's training file", path: `/training-files/${person.id}`, as: "T0001" },
    { label: "audit log", path: "/audit", as: "A0001" },
    { label: "case list of a department (head)", path: "/cases", as: "D0301" },
    // What the head waits on while typing in "assign to" (the page no longer carries the department's agents).
    {
      label: "agents suggested while assigning",
      path: `/cases/agents.json?q=${encodeURIComponent("王")}`,
      as: "D0301",
    },
    // Last: on the first run it held its 50 requests for minutes and the server's memory grew past 3 GB.
    { label: "certification board", path: "/certification", as: "T0001" },
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

/** The clearance API on the bench company, as bench/clearance.bench.ts measures it: 20 connections, 10 s. */
async function clearance(base: string, pid: number): Promise<string[]> {
  const { db } = await import("../app/utils/db.server");
  const { now } = await import("../app/utils/clock.server");
  const { hashApiKey, keyPrefix } = await import("../app/domain/clearance/api-key-rules");
  const key = `tgk_bench_${randomUUID()}`;
  await db.apiKey.create({
    data: { name: "bench pages", prefix: keyPrefix(key), keyHash: hashApiKey(key), createdAt: now() },
  });
  const employeeNos = (
    await db.person.findMany({ where: { employeeNo: { startsWith: "B" } }, select: { employeeNo: true } })
  ).map((p) => p.employeeNo);
  const { disconnectDb } = await import("../app/utils/db.server");
  await disconnectDb();
  const headers = { Authorization: `Bearer ${key}` };
  for (let i = 0; i < 400; i++) {
    const res = await fetch(`${base}/api/v1/clearance/${employeeNos[0]}`, { headers });
    if (res.status === 200) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  let next = 0;
  const requests = [
    {
      setupRequest: (req: { path?: string }) => ({
        ...req,
        path: `/api/v1/clearance/${employeeNos[next++ % employeeNos.length]}`,
      }),
    },
  ];
  const options = { url: base, connections: 20, headers, requests };
  await autocannon({ ...options, duration: 3 });
  const cpu0 = cpuSeconds(pid);
  const result = await autocannon({ ...options, duration: 10 });
  const cpu = (cpuSeconds(pid) - cpu0) / result.duration;
  return [
    `clearance API (${employeeNos.length} people round robin, 20 connections, 10 s): ` +
      `${(result.requests.total / result.duration).toFixed(0)} requests/s, ` +
      `p50 ${result.latency.p50} / p99 ${result.latency.p99} / max ${result.latency.max} ms, ` +
      `${result.errors + result.non2xx} errors/non-2xx, server CPU ${(cpu * 100).toFixed(0)} %, ` +
      `RSS ${rssMb(pid).toFixed(0)} MB`,
  ];
}

const run: Bench = async () => {
  const database = await openBenchCluster();
  const server = await startBenchServer(async () => {}, 1, database);
  const lines: string[] = [];
  // Shown as they come too: a slow page makes the whole run long.
  const log = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const targets: Array<{ label: string; met: boolean }> = [];
  let peakRss = 0;
  const pid = server.pids[0];
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) || 0)), 250);
  try {
    log(`server RSS after start: ${rssMb(pid).toFixed(0)} MB`);
    // First, while nothing else runs: the pages below leave slow requests behind them.
    if (process.env.BENCH_CLEARANCE !== "0") for (const line of await clearance(server.baseURLs[0], pid)) log(line);
    // BENCH_PAGES=audit,cert measures only the pages whose label contains one of the words.
    const only = process.env.BENCH_PAGES?.split(",").filter(Boolean);
    const pages = (await pagesToMeasure()).filter((p) => !only || only.some((w) => p.label.includes(w)));
    const sessions = new Map<string, string[]>();
    for (const as of new Set(pages.map((p) => p.as))) sessions.set(as, await cookiesFor(as, USERS));
    const { disconnectDb } = await import("../app/utils/db.server");
    await disconnectDb();
    const judge = (label: string, l: number[], errorCount: number) => {
      const [p95, p99] = [pct(l, 95), pct(l, 99)];
      targets.push({ label: `${label}: p95 ${p95.toFixed(0)} ms < 200 ms`, met: p95 < 200 });
      targets.push({ label: `${label}: p99 ${p99.toFixed(0)} ms < 500 ms`, met: p99 < 500 });
      targets.push({ label: `${label}: no errors (${errorCount})`, met: errorCount === 0 && l.length > 0 });
    };
    const row = (page: Page, f: PageFigures, extra: string[]) => {
      const errorCount = [...f.errors.values()].reduce((x, y) => x + y, 0);
      const l = f.latencies;
      log(
        [
          `${page.label} (${page.path.replace(/\/(bk|cm)\w+/g, "/…")})`,
          ...[50, 95, 99].map((p) => pct(l, p).toFixed(0)),
          (l.at(-1) ?? Number.NaN).toFixed(0),
          errorCount,
          (f.bytes / 1024).toFixed(0),
          ...extra,
        ].join(" | "),
      );
      for (const [error, n] of f.errors) log(`  ${n} × ${error.slice(0, 160)}`);
      judge(page.label, l, errorCount);
    };
    if (MODE === "people") {
      log(
        `${USERS} people at once, each opening the ${pages.length} pages in turn with ${THINK_MS[0] / 1000}–` +
          `${THINK_MS[1] / 1000} s between pages, ${SECONDS} s after ${WARMUP_S} s warm-up`,
      );
      log("page | p50 | p95 | p99 | max ms | errors | HTML kB (gzip) | pages");
      const cpu0 = cpuSeconds(pid);
      const t0 = performance.now();
      const figures = await peopleAtWork({
        baseURL: server.baseURLs[0],
        pages,
        cookieFor: (page, user) => sessions.get(page.as)![user % USERS],
        users: USERS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_S,
        thinkMs: THINK_MS,
        timeoutMs: TIMEOUT_MS,
        seed: 2026,
      });
      const elapsed = (performance.now() - t0) / 1000;
      const cpu = (cpuSeconds(pid) - cpu0) / elapsed;
      let answered = 0;
      for (const page of pages) {
        const f = figures.get(page.label)!;
        answered += f.latencies.length;
        row(page, f, [String(f.latencies.length)]);
      }
      log(
        `all pages: ${(answered / SECONDS).toFixed(1)} pages/s, server CPU ${(cpu * 100).toFixed(0)} % of one core, ` +
          `~${((cpu * elapsed * 1000) / Math.max(1, answered)).toFixed(1)} ms CPU per page (warm-up included), ` +
          `RSS ${rssMb(pid).toFixed(0)} MB`,
      );
    } else {
      log(`${USERS} users at once per page, back to back, ${SECONDS} s each after ${WARMUP_S} s warm-up`);
      log("page | p50 | p95 | p99 | max ms | errors | HTML kB (gzip) | pages/s | CPU ms/page | server CPU | RSS MB");
      for (const page of pages) {
        const cpu0 = cpuSeconds(pid);
        const t0 = performance.now();
        const f = await saturate({
          baseURL: server.baseURLs[0],
          page,
          cookies: sessions.get(page.as)!,
          seconds: SECONDS,
          warmupSeconds: WARMUP_S,
          timeoutMs: TIMEOUT_MS,
        });
        const cpu = (cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000);
        row(page, f, [
          f.perSecond.toFixed(1),
          // Server CPU per answered page: the figure that does not depend on what else the machine runs.
          f.latencies.length ? ((cpu * (SECONDS + WARMUP_S) * 1000) / f.latencies.length).toFixed(1) : "–",
          `${(cpu * 100).toFixed(0)} %`,
          rssMb(pid).toFixed(0),
        ]);
      }
    }
    log(`server RSS peak: ${peakRss.toFixed(0)} MB`);
    targets.push({ label: `server RSS peak ${peakRss.toFixed(0)} MB < 300 MB`, met: peakRss < 300 });
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
  // The runner prints the lines again after the run; they were shown as they came.
  return { name: "pages", lines: lines.length ? ["(figures above)"] : [], targets };
};
export default run;
