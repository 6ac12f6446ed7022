// The test worker's own connection to its database: putting it back before each test (empty, or the
// demo company when the file asks for it), and copying the demo company in when a test asks for it
// (tests/integration/support.ts → seedDemoCompany, demoCompanyBeforeEachTest).
//
// Only what changed is put back. The template carries a statement trigger on every table
// (tests/setup/change-tracking.ts) that notes the table's name in `test_support.changed` whenever a
// statement writes to it; rows written by a transaction that rolls back leave no note, and neither does
// the reset itself (it runs as a replica, which fires no ordinary trigger). A reset deletes the noted
// tables' rows and copies back the demo company's rows of those tables: a few milliseconds where emptying
// and copying all 60 tables took over a hundred.
import pg from "pg";
import { inject } from "vitest";

import { CHANGE_TABLE } from "./change-tracking";
import { FIXTURE_SCHEMA } from "./demo-fixture";

type Baseline = "empty" | "demo";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tables = inject("dbTables");
const fixtureTables = new Set(inject("dbFixtureTables"));
let client: pg.Client | undefined;
// What the tables hold apart from the noted changes; unknown when this process starts (an earlier test
// file may have used the same database).
let baseline: Baseline | "unknown" = "unknown";
let demoForEveryTest = false;

async function connection(): Promise<pg.Client> {
  if (!client) {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("error", () => {});
    await client.connect();
  }
  return client;
}

function resetSql(target: Baseline, changed: Iterable<string>): string {
  const clear = baseline === "unknown" ? tables : [...new Set([...changed, ...(target === baseline ? [] : tables)])];
  const fill = target === "demo" ? (baseline === "demo" ? clear : tables).filter((t) => fixtureTables.has(t)) : [];
  if (baseline === "unknown") {
    return [
      `TRUNCATE TABLE ${tables.map((t) => `public.${quote(t)}`).join(", ")} RESTART IDENTITY CASCADE`,
      ...restoreStatements(fill, target),
    ].join(";\n");
  }
  return restoreStatements(fill, target, clear).join(";\n");
}

function restoreStatements(fill: string[], target: Baseline, clear: string[] = []): string[] {
  return [
    "BEGIN",
    // Foreign keys and the audit log's append-only rule are triggers; a replica fires neither, and the
    // rows put back are the consistent copy.
    "SET LOCAL session_replication_role = replica",
    ...clear.map((t) => `DELETE FROM public.${quote(t)}`),
    ...fill.map((t) => `INSERT INTO public.${quote(t)} SELECT * FROM ${FIXTURE_SCHEMA}.${quote(t)}`),
    target === "demo"
      ? `SELECT setval(format('public.%I', name), last_value) FROM ${FIXTURE_SCHEMA}."_sequences"`
      : `SELECT setval(format('public.%I', sequencename), 1, false) FROM pg_sequences WHERE schemaname = 'public'`,
    `DELETE FROM ${CHANGE_TABLE}`,
    "COMMIT",
  ];
}

async function resetTo(target: Baseline) {
  const c = await connection();
  const changed =
    baseline === "unknown"
      ? []
      : (await c.query<{ name: string }>(`SELECT DISTINCT name FROM ${CHANGE_TABLE}`)).rows.map((r) => r.name);
  if (baseline === target && changed.length === 0) return;
  await c.query(resetSql(target, changed));
  baseline = target;
}

/** Before each test: the tables as the file wants them at the start of a test (empty by default). */
export async function resetDatabase() {
  await resetTo(demoForEveryTest ? "demo" : "empty");
}

export async function emptyDatabase() {
  await resetTo("empty");
}

/** The demo company, as seeded once for this run at `demoFixtureAt`, and nothing else. */
export async function restoreDemoCompany() {
  await resetTo("demo");
}

/** A test file starts with empty tables before each test, unless it says otherwise. */
export function startTestFile() {
  demoForEveryTest = false;
}

/** From now on in this test file, every test starts with the demo company instead of empty tables. */
export function startEveryTestWithDemo() {
  demoForEveryTest = true;
}

export async function closeWorkerConnection() {
  await client?.end().catch(() => {});
  client = undefined;
}

/** How many connections to this database are waiting for a lock (row, table or advisory) right now. */
export async function lockWaiters(): Promise<number> {
  const { rows } = await (
    await connection()
  ).query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
  );
  return rows[0].n;
}
