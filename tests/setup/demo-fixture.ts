/**
 * The demo company as a test fixture, seeded ONCE per run instead of before every test.
 *
 * global-db.ts seeds the demo company into the migrated template (a child process runs the real
 * seed), copies every table into the schema `demo_fixture` (with the sequences' values) and empties
 * the public tables again. Worker databases are cloned from the template, so each carries the copy;
 * `restoreDemoSql()` is the SQL that puts it back into the (freshly truncated) public tables, in a few
 * milliseconds instead of the seconds a full seed takes.
 */
import { ident, log, ROOT, run, withClient } from "./postgres";

export const FIXTURE_SCHEMA = "demo_fixture";

/** Seeds the template at `at` and stashes a copy; returns the instant the seed used. */
export async function buildDemoFixture(templateUrl: string, tables: string[], at: string): Promise<string> {
  const t0 = Date.now();
  const { code, output } = await run(process.execPath, ["--import", "tsx", "tests/setup/seed-demo-fixture.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: templateUrl, NODE_ENV: "test", TRAINGATE_TEST_NOW: at, TRAINGATE_DEMO: "" },
  });
  const seededAt = /DEMO_FIXTURE_AT=(\S+)/.exec(output)?.[1];
  if (code !== 0 || !seededAt) throw new Error(`seeding the demo fixture failed (exit ${code}):\n${output}`);
  await withClient(templateUrl, async (c) => {
    await c.query(`DROP SCHEMA IF EXISTS ${FIXTURE_SCHEMA} CASCADE; CREATE SCHEMA ${FIXTURE_SCHEMA}`);
    for (const t of tables) await c.query(`CREATE TABLE ${FIXTURE_SCHEMA}.${ident(t)} AS TABLE public.${ident(t)}`);
    await c.query(
      `CREATE TABLE ${FIXTURE_SCHEMA}."_sequences" AS
         SELECT sequencename AS name, last_value FROM pg_sequences
         WHERE schemaname = 'public' AND last_value IS NOT NULL`,
    );
    await c.query(`TRUNCATE TABLE ${tables.map((t) => `public.${ident(t)}`).join(", ")} RESTART IDENTITY CASCADE`);
  });
  log(`demo fixture seeded at ${seededAt} and stashed in ${Date.now() - t0} ms`);
  return seededAt;
}

/** Copies the stashed demo company back into the public tables, which must be empty. */
export function restoreDemoSql(tables: string[]): string {
  return [
    "BEGIN",
    // Foreign keys are checked by triggers; the copy is consistent, so skip them for speed and order.
    "SET LOCAL session_replication_role = replica",
    ...tables.map((t) => `INSERT INTO public.${ident(t)} SELECT * FROM ${FIXTURE_SCHEMA}.${ident(t)}`),
    `SELECT setval(format('public.%I', name), last_value) FROM ${FIXTURE_SCHEMA}."_sequences"`,
    "COMMIT",
  ].join(";\n");
}
