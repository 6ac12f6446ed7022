// Ticking a checklist line (or taking the tick back): who and when are kept on the line.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";

import { done, inDelivery, refuse, type Actor, type PrepOutcome } from "./preparation-lock.server";
import { tickBlocker } from "./preparation-rules";

export async function tickItem(actor: Actor, courseId: string, itemId: string, tick: boolean): Promise<PrepOutcome> {
  return inDelivery(courseId, async (tx, delivery) => {
    const item = await tx.preparationItem.findFirst({ where: { id: itemId, courseId } });
    if (!item) return refuse("errors.notFound", 404);
    // The same tick sent twice (two tabs, a double click) changes nothing the second time.
    if (Boolean(item.doneAt) === tick) return done(courseId);
    if (tick) {
      const blocked = tickBlocker(item.key, delivery);
      if (blocked) return refuse(blocked);
    }
    await tx.preparationItem.update({
      where: { id: item.id },
      data: tick
        ? { doneAt: now(), doneById: actor.id, doneByName: actor.name }
        : { doneAt: null, doneById: null, doneByName: null },
    });
    await writeAudit(tx, {
      actor,
      action: tick ? "preparation.ticked" : "preparation.unticked",
      entityType: "Course",
      entityId: courseId,
      summary: { item: item.id, key: item.key, label: item.label },
    });
    return done(courseId);
  });
}
