// What attendees are told to bring (it goes into the notice).
import { writeAudit } from "~/utils/audit.server";

import { done, inDelivery, type Actor, type PrepOutcome } from "./preparation-lock.server";

export async function setBringItems(actor: Actor, courseId: string, bringItems: string): Promise<PrepOutcome> {
  return inDelivery(courseId, async (tx, delivery) => {
    if (delivery.bringItems === bringItems) return done(courseId);
    await tx.courseDelivery.update({ where: { courseId }, data: { bringItems } });
    await writeAudit(tx, {
      actor,
      action: "preparation.bringItems",
      entityType: "Course",
      entityId: courseId,
      summary: { from: delivery.bringItems, to: bringItems },
    });
    return done(courseId);
  });
}
