// The clerk takes note of the attendee changes the heads made: their to-do for this course is done.
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import { closeTodos } from "~/utils/todo.server";

export async function acknowledgeAttendeeChanges(actor: Actor, courseId: string): Promise<{ ok: true } | Failure> {
  return db.$transaction(async (tx) => {
    if (!(await tx.course.count({ where: { id: courseId } })))
      return { ok: false as const, error: "errors.notFound", status: 404 };
    await closeTodos(tx, {
      sourceType: "Course",
      sourceId: courseId,
      kind: "course.attendeesChanged",
      personId: actor.id,
    });
    await writeAudit(tx, { actor, action: "confirmations.acknowledged", entityType: "Course", entityId: courseId });
    return { ok: true as const };
  });
}
