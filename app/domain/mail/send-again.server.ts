// The administrator sends a FAILED message again: it waits once more and the worker picks it up.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

type Outcome = { ok: true } | { ok: false; error: string; status: number };

export async function sendAgain(actor: NonNullable<AuditActor>, id: string, reason?: string): Promise<Outcome> {
  return db.$transaction(async (tx) => {
    const message = await tx.outboxMessage.findUnique({
      where: { id },
      select: { status: true, toAddress: true, subject: true },
    });
    if (!message) return { ok: false, error: "errors.notFound", status: 404 };
    // Conditional on FAILED: of two administrators clicking at once, one queues it, the other is told.
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", claimedAt: null },
    });
    if (count === 0) return { ok: false, error: "mail.errors.notFailed", status: 409 };
    await writeAudit(tx, {
      actor,
      action: "mail.sentAgain",
      entityType: "OutboxMessage",
      entityId: id,
      summary: { to: message.toAddress, subject: message.subject },
      reason,
    });
    return { ok: true };
  });
}
