// A department head replaces one of their department's attendees with another person of the department
// (step 009), with a reason. The clerk is told; published courses' invites follow (syncInvites).
import { overlaps } from "~/domain/course/course-rules";
import { localParts } from "~/domain/course/session-view";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";
import type { Actor, Failure } from "~/utils/route.server";
import { messageKey } from "~/utils/validation";

import { headActs } from "./confirm-attendees.server";
import {
  attendeesByDepartment,
  confirmationSource,
  loadDepartments,
  tellClerks,
  type LockedCourse,
} from "./confirmation-support.server";
import { syncInvites } from "./sync-invites.server";

export type SwapOutcome = { ok: true } | Failure;
type Sessions = Array<Pick<LockedCourse["sessions"][number], "startsAt" | "endsAt">>;

/** The first session of another approved course the person sits in (or teaches) at the same time, if any. */
async function clashFor(tx: Tx, courseId: string, personId: string, sessions: Sessions) {
  if (sessions.length === 0) return null;
  const others = await tx.courseSession.findMany({
    where: {
      courseId: { not: courseId },
      course: {
        approval: { state: "APPROVED" },
        OR: [{ attendees: { some: { personId } } }, { lecturerId: personId }],
        delivery: { isNot: { state: "CANCELLED" } },
      },
      startsAt: { lt: sessions[sessions.length - 1].endsAt },
      endsAt: { gt: sessions[0].startsAt },
    },
    orderBy: { startsAt: "asc" },
    select: {
      startsAt: true,
      endsAt: true,
      batch: true,
      course: {
        select: { title: true, lecturerId: true, attendees: { where: { personId }, select: { batch: true } } },
      },
    },
  });
  // In a course split into batches, they sit only the sessions of their batch (ADR 0025).
  const sits = (o: (typeof others)[number]) =>
    o.course.lecturerId === personId || o.course.attendees.some((a) => a.batch === o.batch);
  return others.find((o) => sits(o) && sessions.some((s) => overlaps(s, o))) ?? null;
}

export async function swapAttendee(
  actor: Actor,
  courseId: string,
  input: { departmentId: string; personId: string; replacementId: string; reason: string },
): Promise<SwapOutcome> {
  const { timeZone } = await getSettings();
  return db.$transaction(async (tx): Promise<SwapOutcome> => {
    const checked = await headActs(tx, actor, courseId, input.departmentId);
    if (!checked.ok) return checked;
    const { course } = checked;
    const departments = await loadDepartments(tx);
    const groups = await attendeesByDepartment(tx, courseId, departments);
    const mine = (groups.get(input.departmentId) ?? []).map((a) => a.personId);
    if (!mine.includes(input.personId)) return { ok: false, error: "confirmations.notAnAttendee", field: "personId" };
    const replacement = await tx.person.findUnique({
      where: { id: input.replacementId },
      select: { id: true, name: true, employeeNo: true, departmentId: true, disabledAt: true, status: true },
    });
    const scope = subtreeIds(departments, [input.departmentId]);
    if (!replacement || !scope.includes(replacement.departmentId))
      return { ok: false, error: "confirmations.replacementOutsideDepartment", field: "replacementId" };
    if (replacement.disabledAt || replacement.status === "LEFT")
      return { ok: false, error: "confirmations.replacementInactive", field: "replacementId" };
    const already = await tx.courseAttendee.count({ where: { courseId, personId: replacement.id } });
    if (already) return { ok: false, error: "confirmations.replacementAlreadyAttends", field: "replacementId" };
    // The replacement takes the seat of the one they replace: the same batch, so the same sessions.
    const { batch } = await tx.courseAttendee.findUniqueOrThrow({
      where: { courseId_personId: { courseId, personId: input.personId } },
      select: { batch: true },
    });
    const theirSessions = await tx.courseSession.findMany({
      where: { courseId, batch },
      orderBy: { startsAt: "asc" },
      select: { startsAt: true, endsAt: true },
    });
    const clash = await clashFor(tx, courseId, replacement.id, theirSessions);
    if (clash) {
      const [from, to] = [localParts(clash.startsAt, timeZone), localParts(clash.endsAt, timeZone)];
      return {
        ok: false,
        field: "replacementId",
        error: messageKey("confirmations.replacementBooked", {
          name: replacement.name,
          title: clash.course.title,
          when: `${from.date} ${from.time}–${to.time}`,
        }),
      };
    }
    // One out, one in: the number of seats taken does not change.
    await tx.courseAttendee.delete({ where: { courseId_personId: { courseId, personId: input.personId } } });
    await tx.courseAttendee.create({ data: { courseId, personId: replacement.id, batch } });
    await tx.courseDelivery.update({ where: { courseId }, data: { version: { increment: 1 } } });
    const attendeeIds = mine.map((id) => (id === input.personId ? replacement.id : id)).sort();
    const department = departments.find((d) => d.id === input.departmentId)!.name;
    await writeAudit(tx, {
      actor,
      action: "confirmations.swapped",
      entityType: "HeadConfirmation",
      entityId: confirmationSource(courseId, input.departmentId).sourceId,
      summary: { courseId, departmentId: input.departmentId, out: input.personId, in: replacement.id, attendeeIds },
      reason: input.reason,
    });
    await tellClerks(tx, course, { department, head: actor.name, change: "swapped" });
    await syncInvites(tx, courseId, { actor, reason: input.reason });
    return { ok: true };
  });
}
