// Usage: DATABASE_URL=… npx tsx tools/create-admin.ts <employeeNo> <name>
import { bootstrapAdmin } from "../app/domain/people/bootstrap-admin.server";
import { disconnectDb } from "../app/utils/db.server";
import { DEFAULT_SETTINGS } from "../app/domain/settings/settings.schema";

const [employeeNo, name] = process.argv.slice(2);
if (!employeeNo || !name || !process.env.DATABASE_URL) {
  console.error("Usage: DATABASE_URL=… npx tsx tools/create-admin.ts <employeeNo> <name>");
  process.exit(2);
}
const { password } = await bootstrapAdmin({ employeeNo, name, companyName: DEFAULT_SETTINGS.companyName });
console.log(`Administrator ${employeeNo.toUpperCase()} created. One-time password (change it at first sign-in): ${password}`);
await disconnectDb();
