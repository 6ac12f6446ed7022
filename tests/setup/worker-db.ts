// The test worker's own connection to its database: emptying it before each test, and putting the
// demo company back when a test asks for it (tests/integration/support.ts → seedDemoCompany).
import pg from "pg";
import { inject } from "vitest";

import { restoreDemoSql } from "./demo-fixture";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tables = inject("dbTables");
const truncate = tables.length
  ? `TRUNCATE TABLE ${tables.map((t) => `public.${quote(t)}`).join(", ")} RESTART IDENTITY CASCADE`
  : "";
const restore = restoreDemoSql(tables);
let client: pg.Client | undefined;

async function connection(): Promise<pg.Client> {
  if (!client) {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("error", () => {});
    await client.connect();
  }
  return client;
}

export async function emptyDatabase() {
  if (truncate) await (await connection()).query(truncate);
}

/** The demo company, as seeded once for this run at `demoFixtureAt` (empties the tables first). */
export async function restoreDemoCompany() {
  const c = await connection();
  if (truncate) await c.query(truncate);
  await c.query(restore);
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
