// Telling administrators about a locked account, and what the person page shows of it.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { rolesWithAnyScope } from "~/utils/permissions";
import { addTodo } from "~/utils/todo.server";

/** Who may unlock an account (the people administrators): the same permission the unlock checks. */
export const UNLOCK_PERMISSION = "write:person" as const;
export const LOCK_TODO_KIND = "accountLocked";

/**
 * Audits a new lock and puts it on every active administrator's to-do list (one item per locked
 * person, reopened by the next lock). Called once per lock, by the failure that took it.
 */
export async function reportLock(
  tx: Tx,
  lock: { person: { id: string; name: string }; employeeNo: string; source: string | null; until: Date },
) {
  await writeAudit(tx, {
    actor: null,
    action: "auth.lockout",
    entityType: "Person",
    entityId: lock.person.id,
    summary: { employeeNo: lock.employeeNo, source: lock.source ?? "*", until: lock.until.toISOString() },
  });
  const admins = await tx.person.findMany({
    where: {
      disabledAt: null,
      status: { not: "LEFT" },
      roles: { some: { role: { in: rolesWithAnyScope(UNLOCK_PERMISSION) } } },
    },
    select: { id: true },
  });
  for (const admin of admins)
    await addTodo(tx, {
      personId: admin.id,
      kind: LOCK_TODO_KIND,
      sourceType: "Person",
      sourceId: lock.person.id,
      href: `/people/${lock.person.id}`,
      params: { name: lock.person.name, employeeNo: lock.employeeNo },
    });
}

/** Until when the account is locked for at least one source (or for everyone), or null. */
export async function accountLockedUntil(employeeNo: string): Promise<Date | null> {
  const locks = await db.loginAttemptCounter.aggregate({
    where: { employeeNo, lockedUntil: { gt: now() } },
    _max: { lockedUntil: true },
  });
  return locks._max.lockedUntil;
}
