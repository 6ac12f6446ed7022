// TrainGate's built-in backup format, for when no pg_dump new enough for the server is at hand (the
// embedded PostgreSQL ships none). One gzip'd text file:
//
//   TRAINGATE-BACKUP 1
//   HEADER {"takenAt":…,"migration":…,"migrations":[…],"server":…,"schema":"public"}
//   TABLE {"name":"Person","columns":["id",…]}
//   <the table's rows in COPY text format, one line each>
//   \.
//   … one TABLE block per table …
//   SEQUENCES [{"name":"AuditEntry_id_seq","value":"42"}]
//   END {"tables":95,"rows":12345}
//
// COPY's text format escapes backslashes, newlines and carriage returns, so a row is one line and
// no row is ever the line `\.`. The schema itself is not in the file: the restore rebuilds it from
// the migrations named in HEADER, which this build carries, then loads the rows.
import type { Migration } from "./migrations";

export const MAGIC = "TRAINGATE-BACKUP 1";
export const END_OF_ROWS = "\\.";

export type BackupHeader = {
  takenAt: string;
  migration: string | null;
  migrations: Migration[];
  server: string;
  schema: string;
};
export type TableHeader = { name: string; columns: string[] };
export type SequenceValue = { name: string; value: string };
export type BackupEnd = { tables: number; rows: number };

export const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
/** The first bytes of pg_dump's custom format. */
export const PG_DUMP_MAGIC = Buffer.from("PGDMP");

export type BackupKind = "builtin" | "pg_dump" | "unknown";

export function kindOf(firstBytes: Buffer): BackupKind {
  if (firstBytes.subarray(0, 5).equals(PG_DUMP_MAGIC)) return "pg_dump";
  if (firstBytes.subarray(0, 2).equals(GZIP_MAGIC)) return "builtin";
  return "unknown";
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A record line: `WORD {json}`. */
export function recordLine(word: string, value: unknown): string {
  return `${word} ${JSON.stringify(value)}\n`;
}

export function parseRecord(line: string): { word: string; value: unknown } {
  const space = line.indexOf(" ");
  if (space < 0) throw new Error(`unexpected line in the backup: ${line.slice(0, 40)}`);
  return { word: line.slice(0, space), value: JSON.parse(line.slice(space + 1)) };
}

/** Rows in a chunk of COPY text output: each row ends with a newline. */
export function countRows(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}
