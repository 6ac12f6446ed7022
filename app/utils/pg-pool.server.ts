import pg from "pg";

// Prisma stores DateTime as `timestamp(3)` (no zone) in UTC. pg would read such a value as the
// server's local time, which is 8 hours off on a machine set to Asia/Shanghai; read it as UTC.
// Sessions run in UTC too, so `$1::timestamptz` parameters land as the same UTC wall time.
const TIMESTAMP_WITHOUT_ZONE = 1114;
const utcTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_ZONE && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * Every pg pool of the app: UTC sessions and UTC timestamps whatever the machine's time zone.
 * `genericPlans`: each named prepared statement is planned once per connection and that plan reused
 * (PostgreSQL's `plan_cache_mode = force_generic_plan`). Only for a pool that sends nothing but named
 * statements whose generic plans were checked (db.server.ts, getAttemptPool): Prisma's unnamed statements
 * would lose the plans made for their values.
 */
export function createPgPool(
  connectionString: string,
  max: number,
  onError: (error: Error) => void,
  { genericPlans = false }: { genericPlans?: boolean } = {},
): pg.Pool {
  const options = `-c TimeZone=UTC${genericPlans ? " -c plan_cache_mode=force_generic_plan" : ""}`;
  const pool = new pg.Pool({ connectionString, max, options, types: utcTypes });
  // An idle connection dropped by the server must not take the process down; the next query reconnects.
  pool.on("error", onError);
  return pool;
}
