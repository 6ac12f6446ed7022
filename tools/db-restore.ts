// Usage: npm run db:restore -- <file>
// (into DATABASE_URL, or the embedded PostgreSQL of ./data: the running one, or started — and
// initialised when ./data is new — for the restore). Restores a backup of `npm run db:backup`, either
// format, into an EMPTY database; refuses any other. See docs/operations.md, "Backups and restore".
import { closeSync, existsSync, openSync, readSync } from "node:fs";

import { BackupRefused, restoreBuiltinBackup } from "./backup/builtin-restore";
import { openTarget } from "./backup/connection";
import { occupiedSchemas, withClient } from "./backup/database-state";
import { kindOf } from "./backup/format";
import { appliedMigrations } from "./backup/migrations";
import { findTool, runTool } from "./backup/pg-tools";

const log = (line: string) => console.error(line);
const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (positional.length !== 1) {
  log("Usage: npm run db:restore -- <file>");
  process.exit(2);
}
const file = positional[0];

function firstBytes(name: string): Buffer {
  const fd = openSync(name, "r");
  try {
    const buffer = Buffer.alloc(8);
    return buffer.subarray(0, readSync(fd, buffer, 0, 8, 0));
  } finally {
    closeSync(fd);
  }
}

async function main(): Promise<number> {
  if (!existsSync(file)) {
    log(`No such file: ${file}`);
    return 2;
  }
  const kind = kindOf(firstBytes(file));
  if (kind === "unknown") {
    log(`${file} is neither a pg_dump custom-format file nor a TrainGate built-in backup. Nothing restored.`);
    return 1;
  }
  const pgRestore = kind === "pg_dump" ? findTool("pg_restore").tool : null;
  if (kind === "pg_dump" && !pgRestore) {
    log(`${file} was written by pg_dump: install pg_restore (postgresql-client) or name it in PG_RESTORE.`);
    return 1;
  }

  const target = await openTarget({ mayCreate: true, log });
  try {
    const occupied = await withClient(target.url, occupiedSchemas);
    if (occupied.length > 0) {
      const what = occupied.map((o) => `${o.relations} in schema ${o.schema}`).join(", ");
      log(
        `The database ${target.label} is not empty (${what}): a backup is restored only into an empty ` +
          `database, never over data. Create a new database (docs/operations.md, "Restore") or, for the ` +
          `embedded PostgreSQL, stop TrainGate and move ./data aside. Nothing restored.`,
      );
      return 1;
    }
    if (pgRestore) {
      const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file];
      await runTool(pgRestore, args, target.url, log);
      const level = (await withClient(target.url, appliedMigrations))?.at(-1)?.name ?? "none";
      console.log(`Restored ${file} (pg_dump format) into ${target.label}, migration ${level}.`);
    } else {
      const result = await restoreBuiltinBackup(target.url, file);
      console.log(
        `Restored ${file} (TrainGate built-in format, taken ${result.takenAt}) into ${target.label}: ` +
          `${result.tables} tables, ${result.rows} rows, migration ${result.migration ?? "none"}.`,
      );
    }
    console.log("Start TrainGate of this version or a newer one: it applies any later migrations at start.");
    return 0;
  } finally {
    await target.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  log(error instanceof BackupRefused ? `Not restored: ${message}` : `Restore failed: ${message}`);
  log("The database was left as it was before (the restore runs in one transaction).");
  process.exitCode = 1;
}
