// Run by global-db.ts in a child process (DATABASE_URL = the template, TRAINGATE_TEST_NOW = the
// fixture's instant): seeds the demo company once per test run, then prints the instant it used.
import { now } from "../../app/utils/clock.server";
import { disconnectDb } from "../../app/utils/db.server";
import { seedDemo } from "../../prisma/seed/demo";

const at = now();
await seedDemo(at);
await disconnectDb();
process.stdout.write(`DEMO_FIXTURE_AT=${at.toISOString()}\n`);
