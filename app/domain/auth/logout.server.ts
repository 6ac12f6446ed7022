import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { deleteSessionByToken } from "~/utils/session.server";

export async function logout(token: string | null, actor: AuditActor) {
  await db.$transaction(async (tx) => {
    await deleteSessionByToken(tx, token);
    if (actor) await writeAudit(tx, { actor, action: "auth.logout", entityType: "Person", entityId: actor.id });
  });
}
