import { hashPassword } from "~/domain/auth/password.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { notifyChange } from "~/utils/change-feed.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { addTodo } from "~/utils/todo.server";

export type SetAccessOutcome = { ok: true } | { ok: false; error: string; status: 400 | 404 };

const notFound = { ok: false as const, error: "errors.notFound", status: 404 as const };

/** An administrator sets a password: every session of the person ends, and they must change it at next login. */
export async function setPasswordByAdmin(
  actor: NonNullable<AuditActor>,
  personId: string,
  password: string,
  reason?: string,
): Promise<SetAccessOutcome> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { employeeNo: true } });
    if (!person) return notFound;
    await tx.person.update({ where: { id: personId }, data: { passwordHash, mustChangePassword: true } });
    await tx.session.deleteMany({ where: { personId } });
    await tx.loginAttemptCounter.deleteMany({ where: { employeeNo: person.employeeNo } });
    await addTodo(tx, {
      personId,
      kind: "changePassword",
      sourceType: "Person",
      sourceId: personId,
      href: "/password",
    });
    await writeAudit(tx, { actor, action: "person.password_set", entityType: "Person", entityId: personId, reason });
    return { ok: true as const };
  });
}

/** Disabling ends every session on the server at once; enabling lets the person sign in again. */
export async function setDisabled(
  actor: NonNullable<AuditActor>,
  personId: string,
  disabled: boolean,
  reason?: string,
): Promise<SetAccessOutcome> {
  if (disabled && personId === actor.id) return { ok: false, error: "people.cannotDisableSelf", status: 400 };
  return db.$transaction(async (tx) => {
    const updated = await tx.person.updateMany({
      where: { id: personId },
      data: { disabledAt: disabled ? now() : null },
    });
    if (updated.count === 0) return notFound;
    if (disabled) await tx.session.deleteMany({ where: { personId } });
    // The clearance API of every process refuses (or clears) the person at once.
    await notifyChange(tx, "clearance");
    await writeAudit(tx, {
      actor,
      action: disabled ? "person.disabled" : "person.enabled",
      entityType: "Person",
      entityId: personId,
      reason,
    });
    return { ok: true as const };
  });
}
