// Restores a built-in backup (format.ts) into an empty database in ONE transaction: the schema from
// this build's migrations (those the backup names, no more), then every table's rows by COPY, then
// the sequences. A failure anywhere leaves the database as empty as it was.
import { once } from "node:events";
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";

import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import {
  END_OF_ROWS,
  MAGIC,
  parseRecord,
  quoteIdent,
  type BackupEnd,
  type BackupHeader,
  type SequenceValue,
  type TableHeader,
} from "./format";
import { localMigrations, migrationsToReplay } from "./migrations";

// The table `prisma migrate deploy` creates for itself, as it creates it, so that a server started
// on the restored database sees the backup's migrations as applied and applies only newer ones.
const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class BackupRefused extends Error {}

export async function restoreBuiltinBackup(url: string, file: string): Promise<BackupHeader & BackupEnd> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    try {
      const step = await lines.next();
      return step.done ? null : step.value;
    } catch (error) {
      // gunzip's complaint about a cut or damaged file arrives here.
      throw new BackupRefused(`the backup file is damaged or incomplete (${(error as Error).message}).`);
    }
  };

  if ((await next()) !== MAGIC) throw new BackupRefused("this file is not a TrainGate backup.");
  const headerLine = await next();
  const { word, value } = parseRecord(headerLine ?? "");
  if (word !== "HEADER") throw new BackupRefused("the backup has no header.");
  const header = value as BackupHeader;
  const plan = migrationsToReplay(header.migrations, localMigrations());
  if (!plan.ok) throw new BackupRefused(plan.problem);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let activeCopy: Writable | null = null;
  try {
    await client.query("BEGIN");
    await client.query(PRISMA_MIGRATIONS_TABLE);
    // The same SQL prisma migrate deploy would run; the _prisma_migrations rows come from the backup.
    for (const migration of plan.replay) await client.query(readFileSync(migration.file, "utf8"));
    const schema = quoteIdent(header.schema);
    const foreignKeys = await dropForeignKeys(client, header.schema);
    // Rows a migration inserted (e.g. a word list) are in the backup too, as the app left them.
    await emptyTables(client, header.schema);
    const tables: string[] = [];
    let rows = 0;
    let end: BackupEnd | null = null;

    for (let line = await next(); line !== null && !end; line = await next()) {
      const record = parseRecord(line);
      if (record.word === "TABLE") {
        const table = record.value as TableHeader;
        const qualified = `${schema}.${quoteIdent(table.name)}`;
        tables.push(qualified);
        // Loading is not a change: user triggers (e.g. an audit log's) stay quiet, as in pg_restore.
        await client.query(`ALTER TABLE ${qualified} DISABLE TRIGGER USER`);
        const copy = (activeCopy = client.query(
          copyFrom(`COPY ${qualified} (${table.columns.map(quoteIdent).join(", ")}) FROM STDIN`),
        ));
        // One watcher per table: a COPY the server refuses ends the wait for "drain" too.
        const done = finished(copy);
        done.catch(() => {});
        let row = await next();
        for (; row !== null && row !== END_OF_ROWS; row = await next()) {
          rows++;
          if (!copy.write(`${row}\n`)) await Promise.race([once(copy, "drain"), done]);
        }
        copy.end();
        await done;
        activeCopy = null;
        if (row === null) break;
      } else if (record.word === "SEQUENCES") {
        for (const s of record.value as SequenceValue[]) {
          await client.query("SELECT setval($1::regclass, $2::bigint, true)", [
            `${schema}.${quoteIdent(s.name)}`,
            s.value,
          ]);
        }
      } else if (record.word === "END") {
        end = record.value as BackupEnd;
      } else {
        throw new Error(`unexpected record ${record.word} in the backup.`);
      }
    }
    if (!end) throw new BackupRefused("the backup file ends early: was it copied completely?");
    if (end.rows !== rows || end.tables !== tables.length) {
      throw new BackupRefused(`the backup holds ${rows} rows in ${tables.length} tables, its end says otherwise.`);
    }
    for (const qualified of tables) await client.query(`ALTER TABLE ${qualified} ENABLE TRIGGER USER`);
    // Added back after the rows, as pg_restore does: every reference is checked once, here.
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return { ...header, ...end };
  } catch (error) {
    // A COPY under way holds the connection: abort it (CopyFail) so that the ROLLBACK can run.
    if (activeCopy) await finished(activeCopy.destroy(new Error("restore stopped"))).catch(() => {});
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    input.destroy();
    await client.end().catch(() => {});
  }
}

type ForeignKey = { table: string; name: string; def: string };

/** Drops the schema's foreign keys (to load tables in any order) and returns them to add back. */
async function dropForeignKeys(client: pg.Client, schema: string): Promise<ForeignKey[]> {
  const { rows } = await client.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND connamespace = $1::regnamespace
      ORDER BY conrelid::regclass::text, conname`,
    [quoteIdent(schema)],
  );
  for (const fk of rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  return rows;
}

async function emptyTables(client: pg.Client, schema: string) {
  const { rows } = await client.query<{ name: string }>(
    "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = $1",
    [schema],
  );
  if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")}`);
}
