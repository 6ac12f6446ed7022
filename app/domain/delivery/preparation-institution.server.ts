// External training: who at the institution, and the fee agreed with it (against the budgeted fee).
import { writeAudit } from "~/utils/audit.server";

import { done, inDelivery, refuse, type Actor, type PrepOutcome } from "./preparation-lock.server";
import { feeDifference } from "./preparation-rules";

export async function recordInstitution(
  actor: Actor,
  courseId: string,
  input: { institutionContact: string; agreedFeeFen: number | null },
): Promise<PrepOutcome> {
  return inDelivery(courseId, async (tx, delivery) => {
    if (delivery.course.lecturerKind !== "EXTERNAL") return refuse("preparation.notExternal", 400);
    // Once the fee is confirmed on the checklist it cannot silently go; take the tick back first.
    if (input.agreedFeeFen === null && delivery.agreedFeeFen !== null) {
      const confirmed = await tx.preparationItem.count({
        where: { courseId, key: "feeConfirmed", doneAt: { not: null } },
      });
      if (confirmed) return refuse("preparation.feeStillConfirmed", 400, "agreedFee");
    }
    await tx.courseDelivery.update({
      where: { courseId },
      data: { institutionContact: input.institutionContact, agreedFeeFen: input.agreedFeeFen },
    });
    await writeAudit(tx, {
      actor,
      action: "preparation.institution",
      entityType: "Course",
      entityId: courseId,
      summary: {
        from: { contact: delivery.institutionContact, agreedFeeFen: delivery.agreedFeeFen },
        to: { contact: input.institutionContact, agreedFeeFen: input.agreedFeeFen },
        budgetedFeeFen: delivery.course.externalFeeFen,
        differenceFen: feeDifference(input.agreedFeeFen, delivery.course.externalFeeFen),
      },
    });
    return done(courseId);
  });
}
