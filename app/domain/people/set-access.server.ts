import { db } from "~/utils/db.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { hashPassword } from "~/domain/auth/password.server";
import { addTodo } from "~/utils/todo.server";

/** An administrator sets a password: every session of the person ends, and they must change it at next login. */
export async function setPasswordByAdmin(actor: NonNullable<AuditActor>, personId: string, password: string, reason?: string) {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const { employeeNo } = await tx.person.update({ where: { id: personId }, data: { passwordHash, mustChangePassword: true }, select: { employeeNo: true } });
    await tx.session.deleteMany({ where: { personId } });
    await tx.loginLock.deleteMany({ where: { employeeNo } });
    await addTodo(tx, { personId, kind: "changePassword", sourceType: "Person", sourceId: personId, href: "/password" });
    await writeAudit(tx, { actor, action: "person.password_set", entityType: "Person", entityId: personId, reason });
  });
}

/** Disabling ends every session on the server at once; enabling lets the person sign in again. */
export async function setDisabled(actor: NonNullable<AuditActor>, personId: string, disabled: boolean, reason?: string) {
  if (disabled && personId === actor.id) return { ok: false as const, error: "people.cannotDisableSelf" };
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: personId }, data: { disabledAt: disabled ? now() : null } });
    if (disabled) await tx.session.deleteMany({ where: { personId } });
    await writeAudit(tx, { actor, action: disabled ? "person.disabled" : "person.enabled", entityType: "Person", entityId: personId, reason });
  });
  return { ok: true as const };
}
