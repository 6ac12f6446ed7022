// A department head confirms course, lecturer and their department's attendees (step 009).
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import { closeTodos } from "~/utils/todo.server";
import { messageKey } from "~/utils/validation";

import { headMayAct } from "./confirmation-rules";
import {
  attendeesByDepartment,
  confirmationSource,
  loadDepartments,
  lockCourse,
  type LockedCourse,
} from "./confirmation-support.server";

export type ConfirmOutcome = { ok: true } | Failure;

/**
 * The checks every act of a head shares, with the course locked: the actor heads the department, the
 * department was asked, and the deadline has not passed. Returns the locked course or the refusal.
 */
export async function headActs(
  tx: Tx,
  actor: Actor,
  courseId: string,
  departmentId: string,
): Promise<{ ok: true; course: LockedCourse; state: "PENDING" | "CONFIRMED" } | Failure> {
  const course = await lockCourse(tx, courseId);
  if (!course) return { ok: false, error: "errors.notFound", status: 404 };
  if (!actor.headOfDepartmentIds.includes(departmentId))
    return { ok: false, error: "confirmations.notYourDepartment", status: 403 };
  const row = await tx.headConfirmation.findUnique({
    where: { courseId_departmentId: { courseId, departmentId } },
    select: { state: true },
  });
  if (!row) return { ok: false, error: "confirmations.notRequested", status: 409 };
  const may = headMayAct(
    {
      confirmBy: course.confirmBy,
      firstSessionStart: course.firstSessionStart,
      cancelled: course.deliveryState === "CANCELLED",
    },
    now(),
  );
  if (!may.ok) return { ok: false, error: may.error, status: 409 };
  return { ok: true, course, state: row.state };
}

export async function confirmAttendees(actor: Actor, courseId: string, departmentId: string): Promise<ConfirmOutcome> {
  return db.$transaction(async (tx): Promise<ConfirmOutcome> => {
    const checked = await headActs(tx, actor, courseId, departmentId);
    if (!checked.ok) return checked;
    const key = { courseId, departmentId };
    const { count } = await tx.headConfirmation.updateMany({
      where: { ...key, state: "PENDING" },
      data: { state: "CONFIRMED", confirmedAt: now(), confirmedById: actor.id, confirmedByName: actor.name },
    });
    if (count === 0) {
      const row = await tx.headConfirmation.findUnique({
        where: { courseId_departmentId: key },
        select: { confirmedByName: true },
      });
      return {
        ok: false,
        error: messageKey("confirmations.alreadyConfirmed", { name: row?.confirmedByName ?? "" }),
        status: 409,
      };
    }
    const groups = await attendeesByDepartment(tx, courseId, await loadDepartments(tx));
    const attendeeIds = (groups.get(departmentId) ?? []).map((a) => a.personId);
    await closeTodos(tx, { ...confirmationSource(courseId, departmentId), kind: "course.confirm" });
    await writeAudit(tx, {
      actor,
      action: "confirmations.confirmed",
      entityType: "HeadConfirmation",
      entityId: confirmationSource(courseId, departmentId).sourceId,
      summary: { courseId, departmentId, attendeeIds },
    });
    return { ok: true };
  });
}
