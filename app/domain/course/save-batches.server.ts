// Splitting a draft course into batches (ADR 0025): how many, and which batch each session and each attendee
// is in, chosen row by row or split evenly. Like the course's other parts, only while it is a draft (an
// approved course is reopened first; its invites follow the new split when it is approved again).
import { writeAudit } from "~/utils/audit.server";
import type { Tx } from "~/utils/db.server";

import { batchVersion, checkBatches, splitEvenly, type BatchPlan } from "./batch-rules";
import { fail, inDraftCourse, type Actor, type CourseOutcome } from "./course.server";

export type BatchesInput = {
  batchCount: number;
  /** The version of the split the form was built from (`batchVersion`). */
  version: string;
  /** Split evenly instead of taking the batches chosen row by row. */
  split: boolean;
  sessions: Map<string, number>;
  attendees: Map<string, number>;
};

/** The course's split as it stands: sessions in time order, attendees by department then employee no. */
export async function currentSplit(tx: Tx, courseId: string) {
  const course = await tx.course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      batchCount: true,
      sessions: {
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: { id: true, batch: true, room: { select: { name: true, capacity: true } } },
      },
      attendees: {
        select: {
          personId: true,
          batch: true,
          person: { select: { employeeNo: true, department: { select: { sortOrder: true, code: true } } } },
        },
      },
    },
  });
  const attendees = [...course.attendees].sort(
    (a, b) =>
      a.person.department.sortOrder - b.person.department.sortOrder ||
      a.person.department.code.localeCompare(b.person.department.code) ||
      a.person.employeeNo.localeCompare(b.person.employeeNo),
  );
  return {
    count: course.batchCount,
    sessions: course.sessions,
    attendees: attendees.map((a) => ({ personId: a.personId, batch: a.batch })),
  } satisfies BatchPlan;
}

export async function saveBatches(actor: Actor, courseId: string, input: BatchesInput): Promise<CourseOutcome> {
  return inDraftCourse(courseId, async (tx) => {
    // The draft's lock is held: nobody changes sessions, attendees or the split until this commits.
    const before = await currentSplit(tx, courseId);
    if (batchVersion(before) !== input.version) return fail("course.batches.stale", 409);
    const count = input.batchCount;
    const even = input.split
      ? splitEvenly(
          count,
          before.sessions.map((s) => s.id),
          before.attendees.map((a) => a.personId),
        )
      : null;
    const chosen = even ?? input;
    const next: BatchPlan = {
      count,
      sessions: before.sessions.map((s) => ({ ...s, batch: chosen.sessions.get(s.id) ?? s.batch })),
      attendees: before.attendees.map((a) => ({ ...a, batch: chosen.attendees.get(a.personId) ?? a.batch })),
    };
    const refused = checkBatches(next);
    if (refused) return fail(refused.error, 400, refused.field);
    const movedSessions = next.sessions.filter((s, i) => s.batch !== before.sessions[i].batch);
    const movedAttendees = next.attendees.filter((a, i) => a.batch !== before.attendees[i].batch);
    if (count !== before.count) await tx.course.update({ where: { id: courseId }, data: { batchCount: count } });
    for (const s of movedSessions) await tx.courseSession.update({ where: { id: s.id }, data: { batch: s.batch } });
    // One statement per batch, however many attendees move.
    for (let batch = 1; batch <= count; batch++) {
      const personIds = movedAttendees.filter((a) => a.batch === batch).map((a) => a.personId);
      if (personIds.length)
        await tx.courseAttendee.updateMany({ where: { courseId, personId: { in: personIds } }, data: { batch } });
    }
    await writeAudit(tx, {
      actor,
      action: "course.batchesSaved",
      entityType: "Course",
      entityId: courseId,
      summary: {
        split: input.split,
        batchCount: { from: before.count, to: count },
        sessions: Object.fromEntries(movedSessions.map((s) => [s.id, s.batch])),
        attendees: Object.fromEntries(movedAttendees.map((a) => [a.personId, a.batch])),
      },
    });
    return { ok: true as const, id: courseId };
  });
}
