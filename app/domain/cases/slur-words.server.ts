// The training manager's list of words an action record may not contain (B6, REC2).
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

type Actor = { id: string; employeeNo: string };

export async function addSlurWord(actor: Actor, word: string): Promise<{ ok: true } | { ok: false; error: string }> {
  return db.$transaction(async (tx) => {
    const created = await tx.caseSlurWord.createMany({ data: [{ word, addedById: actor.id }], skipDuplicates: true });
    if (created.count === 0) return { ok: false as const, error: "cases.slurs.exists" };
    await writeAudit(tx, { actor, action: "caseSlur.added", entityType: "CaseSlurWord", entityId: word });
    return { ok: true as const };
  });
}

export async function removeSlurWord(actor: Actor, word: string) {
  await db.$transaction(async (tx) => {
    const removed = await tx.caseSlurWord.deleteMany({ where: { word } });
    if (removed.count)
      await writeAudit(tx, { actor, action: "caseSlur.removed", entityType: "CaseSlurWord", entityId: word });
  });
}
