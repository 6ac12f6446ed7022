// Streams rows into a table with COPY FROM STDIN (pg-copy-streams): one statement per table, the rows
// produced lazily by a generator and written with back-pressure, so no table is ever held in memory.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { copyLine, type Cell } from "./random";

export async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let count = 0;
  let buffer = "";
  for (const row of rows) {
    if (row.length !== columns.length)
      throw new Error(`${table}: a row has ${row.length} cells for ${columns.length} columns`);
    buffer += copyLine(row);
    count++;
    // Write in chunks of ~256 kB: fewer calls, and wait when the socket is full.
    if (buffer.length > 262_144) {
      const ok = stream.write(buffer);
      buffer = "";
      if (!ok) await new Promise((r) => stream.once("drain", r));
    }
  }
  if (buffer) stream.write(buffer);
  stream.end();
  await done;
  return count;
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
