// Streams rows into a table with COPY FROM STDIN (pg-copy-streams): one statement per table, the rows
// produced lazily by a generator and written with back-pressure, so no table is ever held in memory.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { copyLine, type Cell } from "./random";

// Rows are appended to a string and written in chunks of ~16 kB: turning a longer string of many small
// pieces into bytes costs far more per byte (256 kB chunks made the writes 3-4 times slower).
const CHUNK = 16_384;

/** One COPY FROM STDIN in progress: rows go in one by one, written in chunks with back-pressure. */
export class CopyWriter {
  count = 0;
  private buffer = "";
  private readonly stream;
  private readonly done: Promise<void>;

  constructor(
    client: pg.Client,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
    this.done = new Promise<void>((resolve, reject) => {
      this.stream.on("finish", resolve);
      this.stream.on("error", reject);
    });
  }

  /** Adds a row; when the socket is full, returns a promise to wait for before the next. */
  push(row: readonly Cell[]): Promise<unknown> | null {
    if (row.length !== this.columns.length)
      throw new Error(`${this.table}: a row has ${row.length} cells for ${this.columns.length} columns`);
    return this.pushLine(copyLine(row));
  }

  /** Adds a row already in COPY text format (its cells escaped, ending in a newline). */
  pushLine(line: string): Promise<unknown> | null {
    this.buffer += line;
    this.count++;
    if (this.buffer.length <= CHUNK) return null;
    const ok = this.stream.write(this.buffer);
    this.buffer = "";
    // A failed COPY never drains: `done` rejects instead.
    return ok ? null : Promise.race([new Promise((r) => this.stream.once("drain", r)), this.done]);
  }

  async end(): Promise<number> {
    if (this.buffer) this.stream.write(this.buffer);
    this.buffer = "";
    this.stream.end();
    await this.done;
    return this.count;
  }
}

export async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  const writer = new CopyWriter(client, table, columns);
  for (const row of rows) {
    const full = writer.push(row);
    if (full) await full;
  }
  return writer.end();
}

/**
 * Runs `work` with the foreign keys of `table` dropped and adds them back afterwards: each is then
 * checked once, by one join over the whole table, instead of by a lookup for every row copied.
 */
export async function withForeignKeysDeferred<T>(client: pg.Client, table: string, work: () => Promise<T>): Promise<T> {
  const keys = (
    await client.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = format('%I', $1::text)::regclass AND contype = 'f'`,
      [table],
    )
  ).rows as Array<{ conname: string; def: string }>;
  for (const k of keys) await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${k.conname}"`);
  const result = await work();
  for (const k of keys) await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${k.conname}" ${k.def}`);
  return result;
}

/**
 * Runs `work` (the bulk COPY into `table`) with the table's secondary indexes dropped and rebuilds them
 * afterwards: one sorted build per index is several times faster than keeping each up to date row by row.
 * Indexes behind constraints (the primary key) stay.
 */
export async function withIndexesDeferred<T>(client: pg.Client, table: string, work: () => Promise<T>): Promise<T> {
  const indexes = (
    await client.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = $1
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [table],
    )
  ).rows as Array<{ indexname: string; indexdef: string }>;
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  const result = await work();
  await client.query("SET maintenance_work_mem = '256MB'");
  for (const index of indexes) await client.query(index.indexdef);
  return result;
}
