// The clearance API under load (docs/decisions/0009): GET /api/v1/clearance/{employeeNo} with a Bearer key, what
// the case system calls every time an agent opens a case. Production build served by server/main.ts
// (the API is a fast path before express and Remix), embedded PostgreSQL, 5,000 people and their
// attempts, autocannon with 20 connections on the same 2-core machine.
// Targets: ≥ 10,000 requests/s, p99 < 5 ms, no errors; a revoked key, a disabled person and a lapse
// after a rule change refused within 1 s; every call in the log.
import { availableParallelism } from "node:os";

import autocannon from "autocannon";
import pg from "pg";

import type { Bench } from "./run";
import { bareServerControl } from "./support/bare-control";
import { cpuSeconds, startBenchServer } from "./support/bench-server";
import { seedClearanceBench, type ClearanceBenchData } from "./support/clearance-bench-data";
import { autocannonExact, formatExact } from "./support/exact-latency";

const PEOPLE = 5_000;
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const SERVER_PROCESSES = Number(process.env.BENCH_SERVERS ?? 1);

/** Milliseconds from `change` until `refused` holds, polling every 5 ms. */
async function timeToRefusal(change: () => Promise<unknown>, refused: () => Promise<boolean>): Promise<number> {
  await change();
  const t0 = performance.now();
  while (performance.now() - t0 < 5_000) {
    if (await refused()) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 5));
  }
  return Number.POSITIVE_INFINITY;
}

const bench: Bench = async () => {
  let data: ClearanceBenchData = { employeeNos: [], certified: [], key: "", keyToRevoke: "", attempts: 0 };
  const server = await startBenchServer(async () => {
    data = await seedClearanceBench(PEOPLE);
  }, SERVER_PROCESSES);
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  try {
    const base = server.baseURLs[0];
    const get = (employeeNo: string, key = data.key) =>
      fetch(`${base}/api/v1/clearance/${employeeNo}`, { headers: { Authorization: `Bearer ${key}` } });
    // The server's first snapshot loads in the background; wait for it.
    for (let i = 0; i < 200 && (await get(data.certified[0])).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 50));
    const sample = await (await get(data.certified[0])).json();

    // Warm-up, then the measured run. Each request asks about a different person: each connection goes round its
    // own share of them (together, everyone). The requests are built once per connection, not once per request (a
    // setupRequest re-renders each one): the load generator shares the server's two cores, and its own CPU per
    // request is taken from the server's. A share, not everyone: autocannon builds a connection's requests while
    // the connections before it already wait for answers (~35 ms for 5,000), so with all of them for each of the
    // 20 the load generator itself held the run's first answers for ~850 ms (its "max").
    const paths = data.employeeNos.map((no) => `/api/v1/clearance/${no}`);
    const share = Math.ceil(paths.length / CONNECTIONS);
    const from = (start: number) => paths.slice(start, start + share).map((path) => ({ path }));
    let connection = 0;
    const options = {
      url: base,
      connections: CONNECTIONS,
      headers: { Authorization: `Bearer ${data.key}` },
      requests: [{ path: paths[0] }],
      setupClient: (client: { setRequests: (requests: Array<{ path: string }>) => void }) =>
        client.setRequests(from((connection++ % CONNECTIONS) * share)),
    };
    // The machine's speed of the moment, before and after the run (bare-control.ts): the API's figures are read
    // beside it.
    const controlBefore = await bareServerControl(CONNECTIONS);
    await autocannon({ ...options, duration: 3 });
    // Let the warm-up's calls reach the log first (it is written once a second).
    await new Promise((r) => setTimeout(r, 2_500));
    const logged0 = Number((await sql.query(`SELECT count(*) AS n FROM "ClearanceCall"`)).rows[0].n);
    const cpu0 = server.pids.reduce((s, pid) => s + cpuSeconds(pid), 0);
    const own0 = process.cpuUsage();
    const { result, exact } = await autocannonExact({ ...options, duration: DURATION_S });
    const serverCpu = (server.pids.reduce((s, pid) => s + cpuSeconds(pid), 0) - cpu0) / result.duration;
    const own = process.cpuUsage(own0);
    const generatorCpu = (own.user + own.system) / 1e6 / result.duration;
    const controlAfter = await bareServerControl(CONNECTIONS);
    await new Promise((r) => setTimeout(r, 2_500));
    const logged = Number((await sql.query(`SELECT count(*) AS n FROM "ClearanceCall"`)).rows[0].n) - logged0;

    // Changes reach the answers within a second.
    const person = data.certified[1];
    const revokedKeyMs = await timeToRefusal(
      () =>
        sql.query(
          `UPDATE "ApiKey" SET "revokedAt" = now(), "updatedAt" = now()
           WHERE "keyHash" = encode(sha256($1::bytea), 'hex')`,
          [data.keyToRevoke],
        ),
      async () => (await get(person, data.keyToRevoke)).status === 401,
    );
    const disabledMs = await timeToRefusal(
      () =>
        sql.query(`UPDATE "Person" SET "disabledAt" = now(), "updatedAt" = now() WHERE "employeeNo" = $1`, [person]),
      async () => (await (await get(person)).json()).cleared === false,
    );
    const lapsed = data.certified[2];
    const lapseMs = await timeToRefusal(
      () =>
        sql.query(`INSERT INTO "CallRuleVersion"
          (id, "ruleId", version, "titleZh", "titleEn", "textZh", "textEn", "redLine", "effectiveAt")
        SELECT 'bench-b3-v9', "ruleId", 9, "titleZh", "titleEn", "textZh", "textEn", "redLine",
               now() - interval '8 days'
        FROM "CallRuleVersion" WHERE "ruleId" = 'B3' AND version = 1`),
      async () => (await (await get(lapsed)).json()).cleared === false,
    );

    const rps = result.requests.average;
    const p99 = exact.p99;
    const failures = result.errors + result.timeouts + result.non2xx;
    return {
      name: "clearance API",
      lines: [
        `server: ${SERVER_PROCESSES} process(es) of the production build (server/main.ts), embedded PostgreSQL, ` +
          `autocannon in the bench process (${availableParallelism()} cores)`,
        `data: demo company + ${PEOPLE} people, ${data.attempts} quiz attempts; ` +
          `${data.certified.length} of the 5,000 certified`,
        `sample answer: ${JSON.stringify(sample).slice(0, 160)}…`,
        `load: ${CONNECTIONS} connections, ${DURATION_S} s after 3 s warm-up, a different person each request`,
        `  ${result.requests.total} requests = ${rps.toFixed(0)} requests/s ` +
          `(min ${result.requests.min}, max ${result.requests.max} per second); ${failures} errors/non-2xx ` +
          `(errors ${result.errors}, timeouts ${result.timeouts}, ` +
          `status ${JSON.stringify(result.statusCodeStats ?? {})})`,
        `  latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, ` +
          `p99.9 ${result.latency.p99_9} ms, max ${result.latency.max} ms (autocannon: whole ms, cut down)`,
        `  latency to 0.1 ms (each response's own time): ${formatExact(exact)}`,
        `  server CPU ${(serverCpu * 100).toFixed(0)}% of one core (${((serverCpu * 1e6) / rps).toFixed(0)} µs ` +
          `per request), load generator ${(generatorCpu * 100).toFixed(0)}% ` +
          `(${((generatorCpu * 1e6) / rps).toFixed(0)} µs per request); ` +
          `call log rows written ${logged} for ${result.requests.total} answers ` +
          `(+ up to ${CONNECTIONS} in flight at the end)`,
        `the machine's yardstick, a bare node:http server with the same answer (bare-control.ts): ` +
          `${controlBefore.requestsPerSecond.toFixed(0)} requests/s, p99 ${controlBefore.p99} ms before the run; ` +
          `${controlAfter.requestsPerSecond.toFixed(0)} requests/s, p99 ${controlAfter.p99} ms after it`,
        `refused within: revoked key ${revokedKeyMs.toFixed(0)} ms, disabled person ${disabledMs.toFixed(0)} ms, ` +
          `lapse after a rule change ${lapseMs.toFixed(0)} ms`,
      ],
      targets: [
        {
          label: `≥ 10,000 requests/s with ${CONNECTIONS} connections (measured ${rps.toFixed(0)})`,
          met: rps >= 10_000,
        },
        { label: `p99 < 5 ms (measured ${p99} ms)`, met: p99 < 5 },
        { label: `no errors (measured ${failures})`, met: failures === 0 },
        {
          label: "a revoked key, a disabled person and a rule-change lapse refused within 1 s",
          met: Math.max(revokedKeyMs, disabledMs, lapseMs) < 1_000,
        },
        {
          label: "every answered call is in the call log",
          met: logged >= result.requests.total && logged <= result.requests.total + CONNECTIONS,
        },
      ],
    };
  } finally {
    await sql.end();
    await server.stop();
  }
};

export default bench;
