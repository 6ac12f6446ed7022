import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { createSession, deleteAllSessions } from "~/utils/session.server";
import { closeTodos } from "~/utils/todo.server";

import { hashPassword, verifyPassword } from "./password.server";

export type ChangePasswordOutcome =
  { ok: true; token: string } | { ok: false; field: "currentPassword" | "newPassword"; error: string };

/** A password change ends every session of the person on the server and starts a fresh one here. */
export async function changeOwnPassword(
  actor: NonNullable<AuditActor>,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordOutcome> {
  const person = await db.person.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, employeeNo: true },
  });
  if (!person.passwordHash || !(await verifyPassword(person.passwordHash, input.currentPassword))) {
    return { ok: false, field: "currentPassword", error: "auth.currentPasswordWrong" };
  }
  if (input.newPassword.toUpperCase().includes(person.employeeNo.toUpperCase())) {
    return { ok: false, field: "newPassword", error: "auth.passwordContainsEmployeeNo" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  const token = await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } });
    await deleteAllSessions(tx, actor.id);
    await closeTodos(tx, { sourceType: "Person", sourceId: actor.id, kind: "changePassword" });
    await writeAudit(tx, { actor, action: "auth.password_changed", entityType: "Person", entityId: actor.id });
    return createSession(tx, actor.id);
  });
  return { ok: true, token };
}
