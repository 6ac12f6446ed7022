// Plain SQL on the pool Prisma uses, for hot paths where Prisma's cost decides: per query (0.3–0.8 ms of CPU
// against ~0.1 ms) and round trips for the quiz attempts (docs/decisions/0010), per row for the certification
// recompute's read of every attempt (0037). Everywhere else, use Prisma.
// Timestamps: pass `$n::timestamptz` (a Date) and read back UTC Dates.
import { createHash } from "node:crypto";

import type pg from "pg";

import { getPool } from "./db.server";

export type SqlClient = Pick<pg.ClientBase, "query">;

// Every statement is prepared once per connection under a name derived from its text (the texts are
// constants), so PostgreSQL parses and analyses it once instead of on every call.
const names = new Map<string, string>();
function statementName(text: string) {
  let name = names.get(text);
  if (!name) names.set(text, (name = `tg_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`));
  return name;
}

export async function sql<T extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  client: SqlClient = getPool(),
): Promise<T[]> {
  return (await client.query<T>({ name: statementName(text), text, values })).rows;
}

/** As `sql`, each row an array of its columns in the statement's order: no object per row (large reads). */
export async function sqlRows<T extends unknown[]>(
  text: string,
  values: unknown[] = [],
  client: SqlClient = getPool(),
): Promise<T[]> {
  return (await client.query<T>({ name: statementName(text), text, values, rowMode: "array" })).rows;
}

/** Runs `work` in one transaction on one connection: COMMIT when it returns, ROLLBACK when it throws. */
export async function sqlTransaction<T>(
  work: (client: pg.PoolClient) => Promise<T>,
  pool: pg.Pool = getPool(),
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Postgres' unique-violation code: another request inserted the same key first. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23505";
