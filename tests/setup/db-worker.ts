/**
 * setupFiles entry of the `integration` project; runs in each test worker before the test file.
 *
 * - gives the worker its own database `traingate_w<VITEST_POOL_ID>`, cloned from the migrated
 *   template, and points DATABASE_URL at it before any app code is imported
 *   (app/utils/db.server.ts reads DATABASE_URL lazily, on first query). global-db.ts drops every
 *   `traingate_w*` database when the run starts, so the first test file of each worker slot clones a
 *   fresh copy and later files in the same slot reuse it (saves ~250 ms per file; the TRUNCATE
 *   below empties it anyway). Set TEST_FRESH_DB_PER_FILE=1 to drop and clone for every file;
 * - before each test, puts back the tables a test changed: empty, or the demo company in a file that
 *   calls demoCompanyBeforeEachTest() (worker-db.ts);
 * - starts the app's clock at the demo fixture's instant (TRAINGATE_TEST_NOW);
 * - after the file, closes the app's Prisma pool and this file's own connection.
 */
import { afterAll, beforeEach, inject } from "vitest";

import { cloneDatabase, ident, urlWithDatabase, withClient } from "./postgres";

const adminUrl = inject("dbAdminUrl");
const template = inject("dbTemplate");
if (!adminUrl || !template) {
  throw new Error("db-worker.ts: no database was provided; is tests/setup/global-db.ts the project's globalSetup?");
}

const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "1";
const database = `traingate_w${workerId}`;

await withClient(adminUrl, async (admin) => {
  if (process.env.TEST_FRESH_DB_PER_FILE) {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  } else {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
  }
  await cloneDatabase(admin, template, database);
});

process.env.DATABASE_URL = urlWithDatabase(adminUrl, database);
// Small pool per worker: 2 workers × a few connections is plenty, and keeps the server light.
process.env.DATABASE_POOL_SIZE ??= "4";

// Every test file's clock starts at the instant the demo fixture was seeded (or TRAINGATE_TEST_NOW),
// so "today" in a test is the demo company's today, whatever the date and however long the run.
process.env.TRAINGATE_TEST_NOW = inject("demoFixtureAt");

const { resetDatabase, closeWorkerConnection, startTestFile } = await import("./worker-db");
startTestFile();
// One module graph serves several test files (isolate: false): each file's clock starts afresh.
(await import("~/utils/clock.server")).restartClock();

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  // Imported here, not at the top: app code must not load before DATABASE_URL is set.
  const { disconnectDb } = await import("~/utils/db.server");
  await disconnectDb();
  await closeWorkerConnection();
});
