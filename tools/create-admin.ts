// Usage: DATABASE_URL=… npx tsx tools/create-admin.ts <employeeNo> <name>
import { loadEnv } from "../app/utils/env.server";

const [employeeNo, name] = process.argv.slice(2);
if (!employeeNo || !name || !loadEnv().DATABASE_URL) {
  console.error("Usage: DATABASE_URL=… npx tsx tools/create-admin.ts <employeeNo> <name>");
  process.exit(2);
}
// Imported once the environment is known to be good (a bad variable is reported above, not as a stack trace).
const { bootstrapAdmin } = await import("../app/domain/people/bootstrap-admin.server");
const { disconnectDb } = await import("../app/utils/db.server");
const { DEFAULT_SETTINGS } = await import("../app/domain/settings/settings.schema");
const { password } = await bootstrapAdmin({ employeeNo, name, companyName: DEFAULT_SETTINGS.companyName });
console.log(
  `Administrator ${employeeNo.toUpperCase()} created. One-time password (change it at first sign-in): ${password}`,
);
await disconnectDb();
