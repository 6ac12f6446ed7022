import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { closeTodos } from "~/utils/todo.server";

import { LOCK_TODO_KIND } from "./account-lock.server";

export type UnlockOutcome = { ok: true } | { ok: false; error: string; status: 404 };

/**
 * An administrator lifts every lock on a person's account and clears its failure counts (for every
 * source), so the person can sign in at once; the to-do closes and the audit says who and why.
 * The caller has checked the permission (UNLOCK_PERMISSION).
 */
export async function unlockAccount(
  actor: NonNullable<AuditActor>,
  personId: string,
  reason?: string,
): Promise<UnlockOutcome> {
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { employeeNo: true } });
    if (!person) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    const { employeeNo } = person;
    const locked = await tx.loginAttemptCounter.findMany({
      where: { employeeNo, lockedUntil: { gt: now() } },
      select: { source: true },
    });
    await tx.loginAttemptCounter.deleteMany({ where: { employeeNo } });
    await closeTodos(tx, { sourceType: "Person", sourceId: personId, kind: LOCK_TODO_KIND });
    await writeAudit(tx, {
      actor,
      action: "auth.unlocked",
      entityType: "Person",
      entityId: personId,
      summary: { employeeNo, lockedFor: locked.map((c) => c.source) },
      reason,
    });
    return { ok: true as const };
  });
}
