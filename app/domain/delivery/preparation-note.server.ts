// A note on a checklist line ("投影仪向行政部借用"); an empty note clears it.
import { writeAudit } from "~/utils/audit.server";

import { done, inDelivery, refuse, type Actor, type PrepOutcome } from "./preparation-lock.server";

export async function setItemNote(
  actor: Actor,
  courseId: string,
  itemId: string,
  note: string | null,
): Promise<PrepOutcome> {
  return inDelivery(courseId, async (tx) => {
    const item = await tx.preparationItem.findFirst({
      where: { id: itemId, courseId },
      select: { id: true, note: true },
    });
    if (!item) return refuse("errors.notFound", 404);
    if ((item.note ?? null) === note) return done(courseId);
    await tx.preparationItem.update({ where: { id: item.id }, data: { note } });
    await writeAudit(tx, {
      actor,
      action: "preparation.noted",
      entityType: "Course",
      entityId: courseId,
      summary: { item: item.id, from: item.note, to: note },
    });
    return done(courseId);
  });
}
