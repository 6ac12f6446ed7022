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

// Always called with the transaction of the change it records, so both land or neither does.
export async function writeAudit(tx: Tx, input: AuditInput) {
  await tx.auditEntry.create({ data: auditRow(input) });
}

/** The same entry from a plain-SQL transaction (app/utils/sql.server.ts). */
export async function writeAuditSql(client: SqlClient, input: AuditInput) {
  const row = auditRow(input);
  await sql(
    `INSERT INTO "AuditEntry" (at, "actorId", "actorEmployeeNo", action, "entityType", "entityId", summary, reason)
     VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [
      row.at,
      row.actorId,
      row.actorEmployeeNo,
      row.action,
      row.entityType,
      row.entityId,
      row.summary === undefined ? null : JSON.stringify(row.summary),
      row.reason,
    ],
    client,
  );
}
