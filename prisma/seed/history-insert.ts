// Many rows in one statement: Prisma's createMany binds every value as a parameter, which costs seconds
// for the few thousand quiz answers of the closed year inside the seed's one transaction; PostgreSQL
// reads the same rows from a single JSON parameter in milliseconds. Columns left out take their default.
import type { Tx } from "../../app/utils/db.server";

export async function insertRows(tx: Tx, table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = columns.map((c) => `"${c}"`).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    JSON.stringify(rows),
  );
}
