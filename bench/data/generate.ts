// npm run bench:data — the bench company: the demo company (so the demo logins and reference data exist)
// plus a 5,000-person, three-year history streamed in with COPY, into its own database: the embedded
// PostgreSQL under ./bench-data (recreated on every run) or BENCH_DATABASE_URL (which must be empty).
// Deterministic: BENCH_SEED (default 2026) and the anchor day (BENCH_ANCHOR, default today at 00:00 UTC)
// give the same rows; only the encrypted case numbers differ (every encryption draws a fresh IV).
import pg from "pg";

import { cpuSeconds } from "../support/bench-server";

import { addCases, addTodosAndAudit } from "./activity";
import { openBenchCluster, safeUrl } from "./cluster";
import { addCompany } from "./company";
import { actor, idMaker, type Ctx } from "./context";
import { addCourses } from "./courses";
import { addNeedsAndAnnualPlans, type PlanItems } from "./needs";
import { addQuestionBank, addQuizAttempts } from "./quiz-history";
import { rng } from "./random";
import { addRuleTally } from "./rule-rollup";

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
// Besides the wall time (meaningless on a shared machine), the CPU each step cost this process and the
// main connection's PostgreSQL backend (read from /proc when the database runs on this machine).
let backendPid: number | null = null;
const cpu = () => ({
  node: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  pg: backendPid === null ? Number.NaN : cpuSeconds(backendPid),
});
const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const c0 = cpu();
  const result = await work();
  const c1 = cpu();
  console.log(
    `${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  ` +
      `(CPU: generator ${(c1.node - c0.node).toFixed(1)} s, database ${(c1.pg - c0.pg).toFixed(1)} s)  ` +
      JSON.stringify(result ?? ""),
  );
  return result;
};

const database = await openBenchCluster();
try {
  const admin = new pg.Client({ connectionString: database.url.replace(/\/traingate(\?|$)/, "/postgres$1") });
  if (database.embedded) {
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS traingate WITH (FORCE)");
    await admin.query("CREATE DATABASE traingate");
    await admin.end();
  } else {
    const probe = new pg.Client({ connectionString: database.url });
    await probe.connect();
    const tables = Number(
      (await probe.query(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`)).rows[0].count,
    );
    await probe.end();
    if (tables > 0)
      throw new Error(`BENCH_DATABASE_URL (${safeUrl(database.url)}) is not empty: give an empty database.`);
  }
  console.log(`bench database: ${safeUrl(database.url)}`);
  const { setDatabaseUrl } = await import("../../app/utils/env.server");
  setDatabaseUrl(database.url);
  const { migrate } = await import("../../server/database");
  await step("migrations", () => migrate(database.url));

  const { now } = await import("../../app/utils/clock.server");
  const anchor = process.env.BENCH_ANCHOR ? new Date(process.env.BENCH_ANCHOR) : now();
  const at = new Date(Math.floor(anchor.getTime() / 86_400_000) * 86_400_000 + 2 * 3_600_000);
  const { seedDemo } = await import("../../prisma/seed/demo");
  await step("demo company (prisma/seed)", () => seedDemo(at));
  const { disconnectDb } = await import("../../app/utils/db.server");
  await disconnectDb();

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // A throwaway database: losing the last commits in a crash costs nothing, waiting for each flush does.
  await client.query("SET synchronous_commit = off");
  backendPid = Number((await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid);
  const seed = Number(process.env.BENCH_SEED ?? 2026);
  const r = rng(seed);
  const year = new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
  const company = await addCompany(client, at, r);
  console.log(
    `departments and people: ${company.units.length} departments and teams, ${company.people.length} people added`,
  );
  const ctx: Ctx = {
    client,
    url: database.url,
    seed,
    at,
    r,
    company,
    manager: await actor(client, "T0001"),
    leader: await actor(client, "L0001"),
    clerk: await actor(client, "T0002"),
    lecturers: [await actor(client, "T0001"), await actor(client, "T0003")],
    years: [year - 2, year - 1, year],
    id: idMaker(),
  };
  const quizId =
    (await client.query(`SELECT id FROM "Quiz" WHERE "grantsCertification" ORDER BY code LIMIT 1`)).rows[0]?.id ?? null;
  let planItems: PlanItems = new Map();
  await step("needs surveys and annual plans", async () => {
    const result = await addNeedsAndAnnualPlans(ctx);
    planItems = result.planItems;
    return { responses: result.responses, plannedYears: [...planItems.keys()] };
  });
  await step("monthly plans, courses, attendance", async () => (await addCourses(ctx, planItems, quizId)).counts);
  await step("question bank", () => addQuestionBank(ctx));
  await step("quiz attempts and their questions", () => addQuizAttempts(ctx));
  await step("rule tally", () => addRuleTally(ctx));
  await step("cases, actions, breaches", () => addCases(ctx));
  await step("to-dos and audit log", () => addTodosAndAudit(ctx));
  // The attempts' COPY fires the hand-in trigger once per attempt, all in one transaction, which cannot prune
  // its own row versions: each person's stored certification was rewritten ~60 times and the table spread to
  // one row per page (4,922 pages for 5,000 rows, 8 kB a row), which every board view and clearance check read.
  // In the app each hand-in is its own transaction and its update is HOT (fillfactor 50), so the table stays
  // near 240 pages (checked on the bench company: every row marked dirty and recomputed, 99 % HOT, 237 pages).
  // Rewritten here as a company that has lived its three years would have it.
  await step("stored certifications compacted", async () => {
    await client.query(`CLUSTER "CertificationState" USING "CertificationState_pkey"`);
    const pages = await client.query(`SELECT pg_relation_size('"CertificationState"') / 8192 AS pages`);
    return { certificationStatePages: Number(pages.rows[0].pages) };
  });
  await step("ANALYZE", async () => void (await client.query("ANALYZE")));
  const counts = await client.query(
    `SELECT relname AS table, n_live_tup AS rows FROM pg_stat_user_tables
     WHERE n_live_tup > 1000 ORDER BY n_live_tup DESC`,
  );
  for (const row of counts.rows) console.log(`  ${String(row.table).padEnd(26)} ${String(row.rows).padStart(9)}`);
  await client.end();
  console.log(`bench company ready in ${seconds()} s (anchor ${at.toISOString()}).`);
} finally {
  await database.stop();
}
