// The training clerk has the approved form (the form's "报培训部备案"): recorded once, with every clerk's
// to-do for it closed in the same transaction. A second acknowledgement (another clerk, a repeated post)
// changes nothing and is not an error.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { Actor } from "~/utils/route.server";
import { closeTodos } from "~/utils/todo.server";

import { LeaveSubject, RECEIVED_TODO } from "./leave-subject.server";

export async function acknowledgeLeave(
  actor: Actor,
  leaveId: string,
): Promise<{ ok: true; id: string } | { ok: false; error: string; status?: 404 | 409 }> {
  return db.$transaction(async (tx) => {
    const form = await tx.leaveRequest.findUnique({
      where: { id: leaveId },
      select: {
        id: true,
        approval: { select: { state: true } },
        person: { select: { employeeNo: true, name: true } },
        session: { select: { course: { select: { title: true } } } },
      },
    });
    if (!form) return { ok: false, error: "errors.notFound", status: 404 };
    if (form.approval.state !== "APPROVED") return { ok: false, error: "leave.notApproved", status: 409 };
    const at = now();
    const marked = await tx.leaveRequest.updateMany({
      where: { id: form.id, acknowledgedAt: null },
      data: { acknowledgedAt: at, acknowledgedById: actor.id },
    });
    if (marked.count === 1) {
      await writeAudit(tx, {
        actor: { id: actor.id, employeeNo: actor.employeeNo },
        action: "leave.acknowledged",
        entityType: LeaveSubject.type,
        entityId: form.id,
        summary: { title: form.session.course.title, employeeNo: form.person.employeeNo, name: form.person.name },
      });
    }
    await closeTodos(tx, { sourceType: "LeaveRequest", sourceId: form.id, kind: RECEIVED_TODO });
    return { ok: true, id: form.id };
  });
}
