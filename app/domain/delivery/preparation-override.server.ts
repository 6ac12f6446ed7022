// The training manager lets a course be published with its checklist incomplete, and can withdraw that.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";

import { done, inDelivery, refuse, type Actor, type PrepOutcome } from "./preparation-lock.server";

export async function overrideChecklist(actor: Actor, courseId: string, reason: string): Promise<PrepOutcome> {
  const why = reason.trim();
  if (!why) return refuse("preparation.reasonRequired", 400, "reason");
  return inDelivery(courseId, async (tx, delivery) => {
    if (delivery.state !== "PREPARING") return refuse("preparation.alreadyPublished", 409);
    if (delivery.overrideReason) return refuse("preparation.alreadyOverridden", 409);
    await tx.courseDelivery.update({
      where: { courseId },
      data: { overrideReason: why, overrideById: actor.id, overrideAt: now() },
    });
    await writeAudit(tx, {
      actor,
      action: "preparation.overridden",
      entityType: "Course",
      entityId: courseId,
      reason: why,
    });
    return done(courseId);
  });
}

export async function withdrawOverride(actor: Actor, courseId: string): Promise<PrepOutcome> {
  return inDelivery(courseId, async (tx, delivery) => {
    if (delivery.state !== "PREPARING") return refuse("preparation.alreadyPublished", 409);
    if (!delivery.overrideReason) return done(courseId);
    await tx.courseDelivery.update({
      where: { courseId },
      data: { overrideReason: null, overrideById: null, overrideAt: null },
    });
    await writeAudit(tx, {
      actor,
      action: "preparation.overrideWithdrawn",
      entityType: "Course",
      entityId: courseId,
      summary: { reason: delivery.overrideReason },
    });
    return done(courseId);
  });
}
