// Values handed from the globalSetup files (vitest main process) to the test workers via
// `project.provide()` / `inject()`.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** integration: URL of the server's maintenance database (used to create worker databases). */
    dbAdminUrl: string;
    /** integration: name of the migrated template database. */
    dbTemplate: string;
    /** integration: the app's tables (all but _prisma_migrations), emptied or put back before each test. */
    dbTables: string[];
    /** integration: the tables that have rows in the demo company. */
    dbFixtureTables: string[];
    /** integration: the instant the demo fixture was seeded at; every worker's clock starts there. */
    demoFixtureAt: string;
    /** e2e: the file global-e2e.ts writes `{ baseURL }` or `{ error }` to once the server is up ("" when skipped). */
    e2eReadyFile: string;
    /** e2e: Chromium executable. */
    chromiumPath: string;
    /** e2e: the port of the SMTP server the browser tests start (the app server's SMTP_URL points there). */
    e2eSmtpPort: number;
    /** e2e: non-empty when browser tests are not run (Chromium missing outside CI). */
    e2eSkipReason: string;
  }
}
