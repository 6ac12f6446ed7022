// Calling off an approved course (step 009): whoever was sent an invite gets a cancelling one, the notice
// leaves their to-do list and a cancellation takes its place. Cannot be undone.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { closeTodos } from "~/utils/todo.server";
import type { Actor } from "~/workflow/approval.server";

import { LECTURER_TODO } from "./notice-data.server";
import { syncInvites, type InviteSync } from "./sync-invites.server";

export type CancelOutcome =
  { ok: true; sync: InviteSync } | { ok: false; error: string; field?: string; status: 400 | 404 | 409 };

export async function cancelCourse(
  actor: Actor,
  courseId: string,
  input: { reason: string; version?: number },
): Promise<CancelOutcome> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, error: "notices.errors.reasonRequired", field: "reason", status: 400 };
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: { approval: { select: { state: true } }, delivery: { select: { state: true, version: true } } },
    });
    if (!course) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    if (course.approval.state !== "APPROVED")
      return { ok: false as const, error: "notices.errors.notApproved", status: 409 as const };
    const { delivery } = course;
    if (delivery?.state === "CANCELLED")
      return { ok: false as const, error: "notices.errors.cancelled", status: 409 as const };
    if (input.version !== undefined && delivery && input.version !== delivery.version)
      return { ok: false as const, error: "errors.conflict", status: 409 as const };
    const data = { state: "CANCELLED" as const, cancelledAt: now(), cancelReason: reason };
    if (delivery) {
      const { count } = await tx.courseDelivery.updateMany({
        where: { courseId, state: delivery.state, version: delivery.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) return { ok: false as const, error: "errors.conflict", status: 409 as const };
    } else {
      // An approved course whose preparation never started is cancelled all the same.
      await tx.courseDelivery.create({ data: { courseId, ...data } });
    }
    const sync = await syncInvites(tx, courseId, { actor, reason });
    await closeTodos(tx, { sourceType: "Course", sourceId: courseId, kind: LECTURER_TODO });
    await writeAudit(tx, {
      actor,
      action: "notices.cancelled",
      entityType: "Course",
      entityId: courseId,
      reason,
      summary: { wasPublished: delivery?.state === "PUBLISHED", ...sync },
    });
    return { ok: true as const, sync };
  });
}
