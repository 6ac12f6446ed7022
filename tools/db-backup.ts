// Usage: npm run db:backup [-- <file or folder>] [--format=pg_dump|builtin]
// (DATABASE_URL, or the embedded PostgreSQL of ./data: the running one, or started for the backup)
// Writes a consistent backup of TrainGate's database: pg_dump's custom format when a pg_dump as new as
// the server is installed, else TrainGate's built-in format. See docs/operations.md, "Backups and restore".
import { chmodSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";

import { writeBuiltinBackup } from "./backup/builtin-dump";
import { openTarget } from "./backup/connection";
import { serverMajor, withClient } from "./backup/database-state";
import { appliedMigrations } from "./backup/migrations";
import { findTool, runTool } from "./backup/pg-tools";

const log = (line: string) => console.error(line);
const args = process.argv.slice(2);
const formatArg = args.find((a) => a.startsWith("--format="))?.slice("--format=".length) ?? "auto";
const positional = args.filter((a) => !a.startsWith("--"));
if (!["auto", "pg_dump", "builtin"].includes(formatArg) || positional.length > 1) {
  log("Usage: npm run db:backup [-- <file or folder>] [--format=pg_dump|builtin]");
  process.exit(2);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const target = await openTarget({ mayCreate: false, log });
  let partial: string | null = null;
  try {
    const facts = await withClient(target.url, async (client) => {
      const migrations = await appliedMigrations(client);
      const { rows } = await client.query<{ at: Date }>("SELECT now() AS at");
      return { major: await serverMajor(client), migrations, at: rows[0].at };
    });
    if (!facts.migrations) {
      log(`${target.label} has no _prisma_migrations table: it is not a TrainGate database. Nothing written.`);
      return 1;
    }

    const { tool: pgDump, explicit } = findTool("pg_dump");
    const pgDumpFits = pgDump !== null && pgDump.major >= facts.major;
    let format = formatArg;
    if (format === "auto") {
      if (explicit && !pgDumpFits) {
        log(`PG_DUMP=${explicit} is not a pg_dump ${facts.major} or newer, which the server needs. Nothing written.`);
        return 1;
      }
      format = pgDumpFits ? "pg_dump" : "builtin";
      if (!pgDumpFits) {
        const found = pgDump ? `the pg_dump found is version ${pgDump.major}` : "no pg_dump is installed";
        log(`The server is PostgreSQL ${facts.major} and ${found}: using TrainGate's built-in backup format.`);
      }
    } else if (format === "pg_dump" && !pgDumpFits) {
      log(`--format=pg_dump needs pg_dump ${facts.major} or newer (on PATH or as PG_DUMP). Nothing written.`);
      return 1;
    }

    const stamp = facts.at
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-");
    const name = `traingate-${stamp}.${format === "pg_dump" ? "dump" : "tgbackup.gz"}`;
    // A folder (the nightly timer's) gets a file named by the time of the backup.
    const given = positional[0];
    const file = !given ? name : existsSync(given) && statSync(given).isDirectory() ? path.join(given, name) : given;
    // Written beside the target and renamed at the end: a file under the final name is complete.
    partial = `${file}.partial`;
    const level = facts.migrations.at(-1)?.name ?? "none";
    if (format === "pg_dump") {
      await runTool(pgDump!, ["--format=custom", "--no-owner", `--file=${partial}`], target.url, log);
      chmodSync(partial, 0o600);
      renameSync(partial, file);
      console.log(
        `Backup written: ${file} (${megabytes(statSync(file).size)}, pg_dump ${pgDump!.major} custom format, ` +
          `${target.label}, migration ${level}).`,
      );
    } else {
      const result = await writeBuiltinBackup(target.url, partial);
      renameSync(partial, file);
      console.log(
        `Backup written: ${file} (${megabytes(statSync(file).size)}, TrainGate built-in format, ` +
          `${result.tables} tables, ${result.rows} rows, ${target.label}, migration ${level}, ` +
          `as of ${result.takenAt}).`,
      );
    }
    partial = null;
    return 0;
  } finally {
    if (partial) rmSync(partial, { force: true });
    await target.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // Messages of pg, pg_dump and the tool itself; none of them holds the password.
  log(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
