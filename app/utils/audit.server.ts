import type { Tx } from "./db.server";
import { now } from "./clock.server";

export type AuditActor = { id: string; employeeNo: string } | null;

export type AuditInput = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown> | null;
  reason?: string | null;
};

// Always called with the transaction of the change it records, so both land or neither does.
export async function writeAudit(tx: Tx, input: AuditInput) {
  await tx.auditEntry.create({
    data: {
      at: now(),
      actorId: input.actor?.id ?? null,
      actorEmployeeNo: input.actor?.employeeNo ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      summary: (input.summary ?? undefined) as object | undefined,
      reason: input.reason ?? null,
    },
  });
}
