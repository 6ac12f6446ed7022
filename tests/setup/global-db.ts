/**
 * globalSetup of the `integration` project: one PostgreSQL server per run (TEST_DATABASE_URL or
 * embedded), one template database (a copy of the run's one migrated database, postgres.ts), whose
 * name and table list go to the workers.
 * The template also holds the demo company, seeded once (demo-fixture.ts).
 * Each worker then clones the template (see db-worker.ts).
 */
import type { TestProject } from "vitest/node";

import { buildDemoFixture } from "./demo-fixture";
import {
  acquirePostgres,
  dropDatabase,
  listTables,
  log,
  recreateMigratedDatabase,
  releasePostgres,
  withClient,
} from "./postgres";

export const TEMPLATE_DB = "traingate_template";
export const WORKER_DB_PREFIX = "traingate_w";

async function dropWorkerDatabases(adminUrl: string, server: Awaited<ReturnType<typeof acquirePostgres>>) {
  const names = await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^traingate_w[0-9]+$'`,
    );
    return rows.map((r) => r.datname);
  });
  for (const name of names) await dropDatabase(server, name);
}

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const server = await acquirePostgres();
  try {
    // Leftovers of an earlier run on a persistent server would otherwise be reused.
    await dropWorkerDatabases(server.adminUrl, server);
    // A copy of the run's one migrated database (postgres.ts), shared with the e2e setup.
    await recreateMigratedDatabase(server, TEMPLATE_DB);
    const templateUrl = server.urlFor(TEMPLATE_DB);
    const tables = await listTables(templateUrl);
    if (tables.length === 0) log("WARNING: the migrated template has no tables");
    // The instant the whole run pretends it is: TRAINGATE_TEST_NOW (see docs/testing.md) or now.
    // The one place a run reads the wall clock: it fixes the run's today for seeds and every worker.
    const at = process.env.TRAINGATE_TEST_NOW || new Date(Date.now()).toISOString();
    const fixture = await buildDemoFixture(templateUrl, tables, at);
    project.provide("demoFixtureAt", fixture.seededAt);
    project.provide("dbFixtureTables", fixture.filledTables);
    project.provide("dbAdminUrl", server.adminUrl);
    project.provide("dbTemplate", TEMPLATE_DB);
    project.provide("dbTables", tables);
    log(`integration database template ready (${tables.length} tables) in ${Date.now() - t0} ms`);
  } catch (error) {
    await releasePostgres();
    throw error;
  }

  return async () => {
    if (server.kind === "external") {
      // Leave an external server as we found it. (Embedded: the whole cluster goes away.)
      await dropWorkerDatabases(server.adminUrl, server).catch(() => {});
      await dropDatabase(server, TEMPLATE_DB).catch(() => {});
    }
    await releasePostgres();
  };
}
