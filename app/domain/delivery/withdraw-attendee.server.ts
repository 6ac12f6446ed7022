// A department head takes one of their department's attendees off the course (step 009), with a reason.
// The clerk is told; published courses' invites follow (syncInvites).
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import { closeTodos } from "~/utils/todo.server";

import { headActs } from "./confirm-attendees.server";
import { attendeesByDepartment, confirmationSource, loadDepartments, tellClerks } from "./confirmation-support.server";
import { syncInvites } from "./sync-invites.server";

export type WithdrawOutcome = { ok: true } | Failure;

export async function withdrawAttendee(
  actor: Actor,
  courseId: string,
  input: { departmentId: string; personId: string; reason: string },
): Promise<WithdrawOutcome> {
  return db.$transaction(async (tx): Promise<WithdrawOutcome> => {
    const checked = await headActs(tx, actor, courseId, input.departmentId);
    if (!checked.ok) return checked;
    const departments = await loadDepartments(tx);
    const groups = await attendeesByDepartment(tx, courseId, departments);
    const mine = (groups.get(input.departmentId) ?? []).map((a) => a.personId);
    if (!mine.includes(input.personId)) return { ok: false, error: "confirmations.notAnAttendee", field: "personId" };
    await tx.courseAttendee.delete({ where: { courseId_personId: { courseId, personId: input.personId } } });
    await tx.courseDelivery.update({ where: { courseId }, data: { version: { increment: 1 } } });
    if (mine.length === 1) {
      // Nobody of theirs is left on the course: there is nothing for the department to confirm.
      await tx.headConfirmation.delete({
        where: { courseId_departmentId: { courseId, departmentId: input.departmentId } },
      });
      await closeTodos(tx, { ...confirmationSource(courseId, input.departmentId), kind: "course.confirm" });
    }
    const department = departments.find((d) => d.id === input.departmentId)!.name;
    await writeAudit(tx, {
      actor,
      action: "confirmations.withdrawn",
      entityType: "HeadConfirmation",
      entityId: confirmationSource(courseId, input.departmentId).sourceId,
      summary: {
        courseId,
        departmentId: input.departmentId,
        out: input.personId,
        attendeeIds: mine.filter((id) => id !== input.personId),
      },
      reason: input.reason,
    });
    await tellClerks(tx, checked.course, { department, head: actor.name, change: "withdrawn" });
    await syncInvites(tx, courseId, { actor, reason: input.reason });
    return { ok: true };
  });
}
