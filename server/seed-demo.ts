// The demo company (TRAINGATE_DEMO), seeded in a short-lived process of its own: server/main.ts forks this
// file and waits for its answer. The serving process then never loads the seed's modules and a second
// Prisma client of its own (they stayed in memory for the life of the server: docs/benchmarks.md, session 10).
import { disconnectDb } from "../app/utils/db.server";
import { loadEnv } from "../app/utils/env.server";
import { ensureDemoApiKey } from "../prisma/seed/cases";
import { seedDemoIfEmpty } from "../prisma/seed/demo";

/** What the forked seed answers over IPC. */
export type DemoSeedAnswer = { seeded: boolean; apiKey: string } | { error: string };

// The same notice server/main.ts keeps from whoever runs `npm start` (Prisma's concurrent queries of one
// transaction, queued correctly by pg 8); every other warning still shows.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).includes("client is already executing a query")) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

loadEnv();
let answer: DemoSeedAnswer;
try {
  // Demo data only into an empty database.
  const seeded = await seedDemoIfEmpty();
  answer = { seeded, apiKey: await ensureDemoApiKey() };
} catch (error) {
  answer = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
await disconnectDb().catch(() => {});
process.send?.(answer, () => process.exit("error" in answer ? 1 : 0));
