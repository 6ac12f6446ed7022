import { refusalKey, repeatWindowStart, type Refusal } from "./audit-repeats";
import { now } from "./clock.server";
import type { Tx } from "./db.server";
import { sql, type SqlClient } from "./sql.server";

export type AuditActor = { id: string; employeeNo: string } | null;

export type AuditInput = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown> | null;
  reason?: string | null;
};

function auditRow(input: AuditInput) {
  return {
    at: now(),
    actorId: input.actor?.id ?? null,
    actorEmployeeNo: input.actor?.employeeNo ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: (input.summary ?? undefined) as object | undefined,
    reason: input.reason ?? null,
  };
}

const AUDIT_COLUMNS = `at, "actorId", "actorEmployeeNo", action, "entityType", "entityId", summary, reason`;

/** The row's values in AUDIT_COLUMNS order, for the plain-SQL writers. */
function auditValues(row: ReturnType<typeof auditRow>) {
  return [
    row.at,
    row.actorId,
    row.actorEmployeeNo,
    row.action,
    row.entityType,
    row.entityId,
    row.summary === undefined ? null : JSON.stringify(row.summary),
    row.reason,
  ];
}

// Always called with the transaction of the change it records, so both land or neither does.
export async function writeAudit(tx: Tx, input: AuditInput) {
  await tx.auditEntry.create({ data: auditRow(input) });
}

/** The same entry from a plain-SQL transaction (app/utils/sql.server.ts). */
export async function writeAuditSql(client: SqlClient, input: AuditInput) {
  const { text, values } = auditInsertSql(input, 1);
  await sql(text, values, client);
}

/**
 * The entry as a data-modifying CTE body (`audit AS (…)`) of another statement, so a hot path writes the
 * change and its audit entry in one round trip: its parameters are `values` from `$first` on. `when`, an SQL
 * condition of the caller's statement, must hold for the entry to be written (a guarded change's guard).
 */
export function auditInsertSql(input: AuditInput, first: number, when?: string): { text: string; values: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  const row = `${p(0)}::timestamptz, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::jsonb, ${p(7)}`;
  return {
    text: `INSERT INTO "AuditEntry" (${AUDIT_COLUMNS}) ${when ? `SELECT ${row} WHERE ${when}` : `VALUES (${row})`}`,
    values: auditValues(auditRow(input)),
  };
}

/**
 * A refusal: audited once per key and window, its repeats counted (audit-repeats.ts). One statement:
 * the upsert of the counter takes the key's row lock only for its own duration, so parallel refusals
 * neither wait on each other long nor lose a count, and the audit row is inserted, never changed.
 */
export async function writeRefusalAudit(input: AuditInput, refusal: Refusal) {
  const row = auditRow(input);
  await sql(
    `WITH counted AS (
       INSERT INTO "AuditRepeat" (key, "windowStart") VALUES ($1, $2::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         repeats = CASE WHEN "AuditRepeat"."windowStart" = EXCLUDED."windowStart"
                        THEN "AuditRepeat".repeats + 1 ELSE 0 END,
         carried = CASE WHEN "AuditRepeat"."windowStart" = EXCLUDED."windowStart"
                        THEN "AuditRepeat".carried ELSE "AuditRepeat".repeats END,
         "windowStart" = EXCLUDED."windowStart"
       RETURNING repeats, carried)
     INSERT INTO "AuditEntry" (${AUDIT_COLUMNS})
     SELECT $3::timestamptz, $4, $5, $6, $7, $8,
            CASE WHEN carried > 0 THEN COALESCE($9::jsonb, '{}'::jsonb) || jsonb_build_object('repeats', carried)
                 ELSE $9::jsonb END,
            $10
     FROM counted WHERE repeats = 0`,
    [refusalKey(refusal), repeatWindowStart(row.at), ...auditValues(row)],
  );
}
