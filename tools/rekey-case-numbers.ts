// Usage: npm run cases:rekey [-- --batch=500]
// (with the server's CASE_DATA_KEYS, and DATABASE_URL or the embedded ./data)
// Re-encrypts every debtor ID and card number with the current key (the first of CASE_DATA_KEYS) while
// TrainGate keeps running; prints counts only. See docs/operations.md, "Rotating the case data key".
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import type { KeyCount } from "../app/domain/cases/rekey-case-numbers.server";
import { loadEnv, setDatabaseUrl } from "../app/utils/env.server";

// Without DATABASE_URL, the embedded PostgreSQL that `npm start` runs (it must be running).
const config = loadEnv();
if (!config.DATABASE_URL) {
  const dataDir = path.resolve(config.TRAINGATE_DATA_DIR);
  const passwordFile = path.join(dataDir, "pg-password");
  if (!existsSync(passwordFile)) {
    console.error("Set DATABASE_URL, or run this beside the ./data of a running TrainGate.");
    process.exit(2);
  }
  const password = readFileSync(passwordFile, "utf8").trim();
  setDatabaseUrl(
    `postgresql://traingate:${encodeURIComponent(password)}@localhost:${config.EMBEDDED_PG_PORT}/traingate`,
  );
}

const batchArg = process.argv.find((a) => a.startsWith("--batch="));
const batchSize = batchArg ? Number(batchArg.slice("--batch=".length)) : 500;
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error("--batch must be a whole number from 1 to 10000.");
  process.exit(2);
}
const show = (counts: KeyCount[]) =>
  counts.length ? counts.map((c) => `${c.keyId}: ${c.numbers}`).join(", ") : "none stored";

// Imported here so that a malformed CASE_DATA_KEYS is reported like any other stop.
const { disconnectDb } = await import("../app/utils/db.server");
try {
  const { countNumbersByKey, rekeyCaseNumbers } = await import("../app/domain/cases/rekey-case-numbers.server");
  console.log(`Numbers by key before: ${show(await countNumbersByKey())}`);
  const outcome = await rekeyCaseNumbers({
    batchSize,
    onBatch: ({ scanned, rekeyed }) => console.log(`  ${scanned} cases checked, ${rekeyed} re-encrypted`),
  });
  if (!outcome.ok) {
    console.error(
      `Nothing changed: stored numbers need key(s) ${outcome.missingKeyIds.join(", ")}, ` +
        `which CASE_DATA_KEYS does not hold. ` +
        `Add them after the current key and run again.`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `Done: ${outcome.scanned} cases checked, ${outcome.rekeyed} re-encrypted with key "${outcome.currentId}".`,
    );
    console.log(`Numbers by key now: ${show(outcome.after)}`);
    const others = outcome.after.filter((c) => c.keyId !== outcome.currentId);
    if (others.length === 0)
      console.log(`Every number uses "${outcome.currentId}"; the other keys may be removed from CASE_DATA_KEYS.`);
    else {
      console.error(
        `Some numbers still use other keys: a server with the old CASE_DATA_KEYS may still be writing. ` +
          `Restart every server with the new keys and run again.`,
      );
      process.exitCode = 1;
    }
  }
} catch (error) {
  // A message of the app's own (a missing key id, a bad configuration); never a number.
  console.error(`Re-encryption stopped: ${error instanceof Error ? error.message : String(error)}`);
  console.error("Batches already written stay written; run the command again to continue.");
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
