/**
 * The demo company as a test fixture, seeded ONCE per run instead of before every test.
 *
 * global-db.ts seeds the demo company into the migrated template (a child process runs the real
 * seed), copies every table into the schema `demo_fixture` (with the sequences' values) and empties
 * the public tables again. Worker databases are cloned from the template, so each carries the copy,
 * which tests/setup/worker-db.ts puts back in milliseconds instead of the seconds a full seed takes.
 */
import { changeTrackingSql } from "./change-tracking";
import { ident, log, ROOT, run, withClient } from "./postgres";

export const FIXTURE_SCHEMA = "demo_fixture";

/**
 * Seeds the template at `at` and stashes a copy; returns the instant the seed used and the tables that
 * have rows in the demo company.
 */
export async function buildDemoFixture(
  templateUrl: string,
  tables: string[],
  at: string,
): Promise<{ seededAt: string; filledTables: string[] }> {
  const t0 = Date.now();
  const { code, output } = await run(process.execPath, ["--import", "tsx", "tests/setup/seed-demo-fixture.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: templateUrl, NODE_ENV: "test", TRAINGATE_TEST_NOW: at, TRAINGATE_DEMO: "" },
  });
  const seededAt = /DEMO_FIXTURE_AT=(\S+)/.exec(output)?.[1];
  if (code !== 0 || !seededAt) throw new Error(`seeding the demo fixture failed (exit ${code}):\n${output}`);
  const filledTables = await withClient(templateUrl, async (c) => {
    await c.query(`DROP SCHEMA IF EXISTS ${FIXTURE_SCHEMA} CASCADE; CREATE SCHEMA ${FIXTURE_SCHEMA}`);
    for (const t of tables) await c.query(`CREATE TABLE ${FIXTURE_SCHEMA}.${ident(t)} AS TABLE public.${ident(t)}`);
    await c.query(
      `CREATE TABLE ${FIXTURE_SCHEMA}."_sequences" AS
         SELECT sequencename AS name, last_value FROM pg_sequences
         WHERE schemaname = 'public' AND last_value IS NOT NULL`,
    );
    const filled: string[] = [];
    for (const t of tables) {
      const { rowCount } = await c.query(`SELECT 1 FROM ${FIXTURE_SCHEMA}.${ident(t)} LIMIT 1`);
      if (rowCount) filled.push(t);
    }
    await c.query(`TRUNCATE TABLE ${tables.map((t) => `public.${ident(t)}`).join(", ")} RESTART IDENTITY CASCADE`);
    await c.query(changeTrackingSql(tables));
    return filled;
  });
  log(`demo fixture seeded at ${seededAt} and stashed in ${Date.now() - t0} ms`);
  return { seededAt, filledTables };
}
