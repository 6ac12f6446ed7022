// Statements of taking a quiz go to the attempt pool (db.server.ts, getAttemptPool; ADR 0031): named
// prepared statements with one generic plan per connection. Everything else uses the shared pool.
import type pg from "pg";

import { getAttemptPool } from "~/utils/db.server";
import { sql, sqlTransaction } from "~/utils/sql.server";

export const attemptSql = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  sql<T>(text, values, getAttemptPool());

export const attemptTransaction = <T>(work: (client: pg.PoolClient) => Promise<T>) =>
  sqlTransaction(work, getAttemptPool());
