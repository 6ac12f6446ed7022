// Quiz attempts under load, over HTTP against the production build, with the load generator on the
// same machine. Each attempt is what the browser with JavaScript sends (ADR 0010; checked by logging
// Chromium's requests), 9 requests:
//   1. POST /api/quiz/attempts                {quizId, mode}   start (the quiz page)
//   2. GET  /__manifest?p=/quiz/attempts/<id>&version=…        Remix's route discovery for the new URL
//   3. GET  /api/quiz/attempts/<id>                            the attempt page's data (its clientLoader)
//   4. POST /api/quiz/attempts/<id>/answers ×5 {position, option} each answer saved the moment it is given
//   5. POST /api/quiz/attempts/<id>/submit                     hand in
// Opening the result page afterwards is not part of an attempt (the target counts start → submit).
// Targets (docs/decisions/0010): ≥ 110 complete attempts/s with 10 agents at once; 500 agents starting within 10 s
// all get their first question, none an error.
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";

import { attemptApi } from "../app/domain/quiz/attempt.schema";
import { sql } from "../app/utils/sql.server";

import { openBenchCluster } from "./data/cluster";
import type { Bench } from "./run";
import { bareServerControl } from "./support/bare-control";
import { cpuSeconds, startBenchServer } from "./support/bench-server";
import { requestJson } from "./support/json-client";
import { seedQuizBench } from "./support/quiz-bench-data";

const CONCURRENT_AGENTS = Number(process.env.BENCH_AGENTS ?? 10);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_S = 3;
const BURST_AGENTS = 500;
const BURST_WINDOW_S = 10;
const SERVER_PROCESSES = Number(process.env.BENCH_SERVERS ?? 1);
/** As the clearance bench measures its yardstick, so the two benches' figures compare. */
const YARDSTICK_CONNECTIONS = 20;
/**
 * BENCH_COMPANY=1: on the bench company (npm run bench:data; BENCH_DATABASE_URL or ./bench-data, as the
 * pages bench) instead of a fresh demo company, so the attempts meet its bank and 300,000-attempt history.
 */
const ON_BENCH_COMPANY = process.env.BENCH_COMPANY === "1";

type Question = { position: number; options: Array<{ id: string }>; stem: string };

const stepTimes: Record<string, number[]> = { start: [], discover: [], load: [], answer: [], submit: [] };
const REQUESTS_PER_ATTEMPT = 9;
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  stepTimes[step].push(performance.now() - t0);
  return result;
}

/** The build's version, as the page hands it to Remix's route discovery (the manifest file's name). */
async function manifestVersion(baseURL: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseURL}/quiz`, { headers: { Cookie: cookie } })).text();
  const version = /\/assets\/manifest-([0-9a-f]+)\.js/.exec(html)?.[1];
  if (!version) throw new Error("no manifest version in the /quiz page");
  return version;
}

function client(baseURL: string, cookie: string, quizId: string, version: string) {
  const headers = { Cookie: cookie, Origin: baseURL, Accept: "application/json" };
  const post = (url: string, body: unknown) => requestJson(baseURL + url, { method: "POST", headers, body });
  const expect = (ok: boolean, step: string, status: number) => {
    if (!ok) throw new Error(`${step}: HTTP ${status}`);
  };
  return {
    async start(): Promise<string> {
      const res = await post(attemptApi.start, { quizId, mode: "FULL" });
      expect((res.status === 201 || res.status === 200) && typeof res.body.attemptId === "string", "start", res.status);
      return res.body.attemptId as string;
    },
    async discover(attemptId: string) {
      const res = await requestJson(
        `${baseURL}/__manifest?${new URLSearchParams({ p: `/quiz/attempts/${attemptId}`, version })}`,
        { headers },
      );
      expect(res.status === 200, "discover", res.status);
    },
    async load(attemptId: string): Promise<Question[]> {
      const res = await requestJson(baseURL + attemptApi.attempt(attemptId), { headers });
      const questions = (res.body.questions ?? []) as Question[];
      expect(res.status === 200 && questions.length > 0, "load", res.status);
      return questions;
    },
    async answer(attemptId: string, q: Question) {
      const res = await post(attemptApi.answers(attemptId), { position: q.position, option: [q.options[0].id] });
      expect(res.status === 200 && res.body.ok === true, "answer", res.status);
    },
    async submit(attemptId: string) {
      const res = await post(attemptApi.submit(attemptId), {});
      expect(
        res.status === 200 && res.body.ok === true && String(res.body.resultUrl).endsWith("/result"),
        "submit",
        res.status,
      );
    },
  };
}

/**
 * Where the CPU of the counted window goes, per attempt: the server process(es), the PostgreSQL backends of the
 * bench's database (from /proc, when PostgreSQL runs on this machine: backends alive at the end of the window,
 * those opened during it counted whole) and this process, the load generator.
 */
type CpuSample = { server: number; postgres: Map<number, number>; generator: number };
async function postgresBackends(): Promise<Map<number, number>> {
  const rows = await sql<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const own = new Set(readdirSync("/proc"));
  return new Map(rows.filter((r) => own.has(String(r.pid))).map((r) => [r.pid, cpuSeconds(r.pid)]));
}
function cpuMeter(serverCpu: () => number) {
  const sample = async (): Promise<CpuSample> => ({
    server: serverCpu(),
    postgres: await postgresBackends(),
    generator: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  });
  return {
    sample,
    /** ms of CPU per attempt, by who spent it. */
    perAttempt(a: CpuSample, b: CpuSample, attempts: number) {
      let postgres = 0;
      for (const [pid, end] of b.postgres) postgres += end - (a.postgres.get(pid) ?? 0);
      const per = (seconds: number) => (seconds * 1000) / attempts;
      return {
        server: per(b.server - a.server),
        postgres: b.postgres.size ? per(postgres) : Number.NaN,
        generator: per(b.generator - a.generator),
      };
    },
  };
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function throughput(
  baseURLs: string[],
  quizId: string,
  cookies: string[],
  version: string,
  meter: ReturnType<typeof cpuMeter>,
) {
  let counting = false;
  let stop = false;
  let completed = 0;
  const errors: string[] = [];
  const latencies: number[] = [];
  const agent = async (cookie: string, i: number) => {
    const c = client(baseURLs[i % baseURLs.length], cookie, quizId, version);
    while (!stop) {
      const t0 = performance.now();
      try {
        const id = await timed("start", () => c.start());
        await timed("discover", () => c.discover(id));
        const questions = await timed("load", () => c.load(id));
        for (const q of questions) await timed("answer", () => c.answer(id, q));
        await timed("submit", () => c.submit(id));
        if (counting && !stop) {
          completed++;
          latencies.push(performance.now() - t0);
        }
      } catch (error) {
        if (counting) errors.push(String(error));
      }
    }
  };
  const running = cookies.slice(0, CONCURRENT_AGENTS).map(agent);
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  for (const list of Object.values(stepTimes)) list.length = 0;
  const cpuAtStart = await meter.sample();
  counting = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, DURATION_S * 1000));
  stop = true;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = meter.perAttempt(cpuAtStart, await meter.sample(), completed);
  await Promise.all(running);
  latencies.sort((a, b) => a - b);
  const steps = Object.entries(stepTimes).map(([step, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `${step} p50 ${ms(pct(sorted, 50))} p95 ${ms(pct(sorted, 95))}`;
  });
  return {
    steps,
    cpu,
    perSecond: completed / seconds,
    completed,
    seconds,
    errors,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
  };
}

async function burst(baseURLs: string[], quizId: string, cookies: string[], version: string) {
  const gap = (BURST_WINDOW_S * 1000) / BURST_AGENTS;
  const results: Array<{ ok: boolean; ms: number; error?: string }> = [];
  const t0 = performance.now();
  await Promise.all(
    cookies.slice(0, BURST_AGENTS).map(async (cookie, i) => {
      await new Promise((r) => setTimeout(r, i * gap));
      const c = client(baseURLs[i % baseURLs.length], cookie, quizId, version);
      const started = performance.now();
      try {
        const id = await c.start();
        await c.discover(id);
        const questions = await c.load(id);
        results.push({ ok: questions[0]?.stem.length > 0, ms: performance.now() - started });
      } catch (error) {
        results.push({ ok: false, ms: performance.now() - started, error: String(error) });
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    ok: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok),
    wall,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: times[times.length - 1],
  };
}

const bench: Bench = async () => {
  let agents = { quizId: "", cookies: [] as string[] };
  const server = ON_BENCH_COMPANY
    ? await startBenchServer(async () => {}, SERVER_PROCESSES, await openBenchCluster())
    : await startBenchServer(async () => {
        agents = await seedQuizBench(CONCURRENT_AGENTS + BURST_AGENTS);
      }, SERVER_PROCESSES);
  if (ON_BENCH_COMPANY) agents = await seedQuizBench(CONCURRENT_AGENTS + BURST_AGENTS, true);
  try {
    const cpu = () => server.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const cpu0 = cpu();
    const version = await manifestVersion(server.baseURLs[0], agents.cookies[0]);
    // The machine's speed of the moment (bare-control.ts), before and after: every process's CPU per attempt
    // rose and fell together between runs (sessions 18-21), so a figure is read beside it.
    const controlBefore = await bareServerControl(YARDSTICK_CONNECTIONS);
    const t = await throughput(server.baseURLs, agents.quizId, agents.cookies, version, cpuMeter(cpu));
    const serverCpu = (cpu() - cpu0) / (t.seconds + WARMUP_S);
    const controlAfter = await bareServerControl(YARDSTICK_CONNECTIONS);
    const b = await burst(server.baseURLs, agents.quizId, agents.cookies.slice(CONCURRENT_AGENTS), version);
    return {
      name: "quiz attempts",
      lines: [
        `server: ${SERVER_PROCESSES} process(es) of the production build (server/main.ts), ` +
          `${ON_BENCH_COMPANY ? "the bench company" : "embedded PostgreSQL, the demo company"}, ` +
          `load generator on the same machine (${availableParallelism()} cores)`,
        `throughput: ${CONCURRENT_AGENTS} agents, ${DURATION_S} s after ${WARMUP_S} s warm-up, ` +
          `${REQUESTS_PER_ATTEMPT} requests per attempt`,
        `  ${t.completed} attempts in ${t.seconds.toFixed(1)} s = ${t.perSecond.toFixed(1)} attempts/s ` +
          `(${(t.perSecond * REQUESTS_PER_ATTEMPT).toFixed(0)} requests/s), ${t.errors.length} errors`,
        `  attempt latency p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, p99 ${ms(t.p99)}; ` +
          `server CPU ${(serverCpu * 100).toFixed(0)}% of one core`,
        `  CPU per attempt: server ${ms(t.cpu.server)}, PostgreSQL ${ms(t.cpu.postgres)}, ` +
          `load generator ${ms(t.cpu.generator)}`,
        `  per request: ${t.steps.join("; ")}`,
        `the machine's yardstick, the clearance bench's bare node:http server (bare-control.ts, ` +
          `${YARDSTICK_CONNECTIONS} connections): ${controlBefore.requestsPerSecond.toFixed(0)} requests/s before ` +
          `the run, ${controlAfter.requestsPerSecond.toFixed(0)} after it`,
        ...t.errors.slice(0, 5).map((e) => `  error: ${e}`),
        `burst: ${BURST_AGENTS} agents start within ${BURST_WINDOW_S} s ` +
          `(one every ${(BURST_WINDOW_S * 1000) / BURST_AGENTS} ms), ` +
          `each start + route discovery + first load`,
        `  ${b.ok}/${BURST_AGENTS} got their first question, ${b.failed.length} errors, ` +
          `done in ${b.wall.toFixed(1)} s; ` +
          `start+load p50 ${ms(b.p50)}, p95 ${ms(b.p95)}, max ${ms(b.max)}`,
        ...b.failed.slice(0, 5).map((f) => `  error: ${f.error}`),
      ],
      targets: [
        {
          label: `≥ 110 complete attempts/s with ${CONCURRENT_AGENTS} agents (measured ${t.perSecond.toFixed(1)})`,
          met: t.perSecond >= 110 && t.errors.length === 0,
        },
        {
          label:
            `all ${BURST_AGENTS} agents starting within ${BURST_WINDOW_S} s get their first question, ` +
            `none an error`,
          met: b.ok === BURST_AGENTS,
        },
      ],
    };
  } finally {
    await server.stop();
  }
};

export default bench;
