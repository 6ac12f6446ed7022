// The built-in backup (format.ts): one REPEATABLE READ, READ ONLY transaction sees the database as
// of one instant, as pg_dump does; each table is streamed with COPY into one gzip'd file, so no table
// is ever held in memory.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

import {
  END_OF_ROWS,
  MAGIC,
  countRows,
  quoteIdent,
  recordLine,
  type BackupEnd,
  type BackupHeader,
  type SequenceValue,
} from "./format";
import { appliedMigrations } from "./migrations";

/** TrainGate's tables are all in `public`; pg-boss's queue (schema pgboss) is rebuilt at start. */
const SCHEMA = "public";

export async function writeBuiltinBackup(url: string, file: string): Promise<BackupHeader & BackupEnd> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out = new PassThrough();
  const written = pipeline(out, createGzip({ level: 6 }), createWriteStream(file, { mode: 0o600 }));
  // Surface a write failure (disk full) now rather than at the end.
  let failed: unknown = null;
  written.catch((error: unknown) => (failed = error));
  const put = async (text: string | Buffer) => {
    if (failed) throw failed;
    if (!out.write(text)) await Promise.race([once(out, "drain"), written]);
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const migrations = await appliedMigrations(client);
    if (!migrations) throw new Error("this database has no _prisma_migrations table: it is not TrainGate's.");
    const { rows: info } = await client.query<{ at: Date; version: string }>(
      "SELECT now() AS at, current_setting('server_version') AS version",
    );
    const header: BackupHeader = {
      takenAt: info[0].at.toISOString(),
      migration: migrations.at(-1)?.name ?? null,
      migrations,
      server: info[0].version,
      schema: SCHEMA,
    };
    await put(`${MAGIC}\n`);
    await put(recordLine("HEADER", header));

    const { rows: tables } = await client.query<{ name: string; partitioned: boolean }>(
      `SELECT c.relname AS name, c.relkind = 'p' AS partitioned
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname`,
      [SCHEMA],
    );
    let rows = 0;
    for (const table of tables) {
      const qualified = `${quoteIdent(SCHEMA)}.${quoteIdent(table.name)}`;
      const { rows: cols } = await client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute
          WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
          ORDER BY attnum`,
        [qualified],
      );
      const columns = cols.map((c) => c.name);
      await put(recordLine("TABLE", { name: table.name, columns }));
      const list = columns.map(quoteIdent).join(", ");
      // A partitioned table's rows are read through a query; COPY of the table itself refuses it.
      const source = table.partitioned ? `(SELECT ${list} FROM ${qualified})` : `${qualified} (${list})`;
      const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        rows += countRows(chunk);
        await put(chunk);
      }
      await put(`${END_OF_ROWS}\n`);
    }

    const { rows: sequences } = await client.query<SequenceValue>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences
        WHERE schemaname = $1 AND last_value IS NOT NULL ORDER BY sequencename`,
      [SCHEMA],
    );
    await put(recordLine("SEQUENCES", sequences));
    const end: BackupEnd = { tables: tables.length, rows };
    await put(recordLine("END", end));
    out.end();
    await written;
    await client.query("COMMIT");
    return { ...header, ...end };
  } catch (error) {
    out.destroy();
    await written.catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
