// The course plan as a subject of the one approval workflow (steps 006–007).
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { afterCourseApproved } from "~/domain/delivery/sync-invites.server";
import type { Tx } from "~/utils/db.server";
import type { ApprovalSubject } from "~/workflow/approval.server";

import { checkBatches } from "./batch-rules";
import { COST_SELECT, courseCost } from "./course-rules";
import { currentSplit } from "./save-batches.server";

export async function courseSnapshot(tx: Tx, approvalId: string) {
  const c = await tx.course.findUniqueOrThrow({
    where: { approvalId },
    include: {
      sessions: { orderBy: { startsAt: "asc" } },
      attendees: { select: { personId: true, batch: true } },
      materials: { select: { id: true, fileName: true, sizeBytes: true } },
    },
  });
  return {
    title: c.title,
    monthlyItemId: c.monthlyItemId,
    capacity: c.capacity,
    outline: c.outline,
    lecturerKind: c.lecturerKind,
    lecturerId: c.lecturerId,
    externalLecturer: c.externalLecturer,
    externalOrg: c.externalOrg,
    externalContact: c.externalContact,
    costs: {
      lecturerFeeFen: c.lecturerFeeFen,
      venueFeeFen: c.venueFeeFen,
      materialsFeeFen: c.materialsFeeFen,
      externalFeeFen: c.externalFeeFen,
      otherFeeFen: c.otherFeeFen,
    },
    sessions: c.sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      location: s.location,
      batch: s.batch,
    })),
    attendeeIds: c.attendees.map((a) => a.personId).sort(),
    // Batches (ADR 0025): the count, and each attendee's batch, so a re-split shows in the approver's diff.
    batchCount: c.batchCount,
    attendeeBatches: Object.fromEntries(c.attendees.map((a) => [a.personId, a.batch])),
    materials: c.materials,
  };
}

export const CourseSubject: ApprovalSubject = {
  type: "Course",
  auditArea: "course",
  policy: { drafter: "draft:course", approver: "approve:course" },
  approvalIdOf: async (tx, courseId) =>
    (await tx.course.findUnique({ where: { id: courseId }, select: { approvalId: true } }))?.approvalId ?? null,
  async describe(tx, approvalId) {
    const c = await tx.course.findUnique({ where: { approvalId }, select: { id: true, title: true, ...COST_SELECT } });
    // The cost goes on the to-dos, so the approver sees what the course spends before opening it.
    return c
      ? { subjectId: c.id, href: `/courses/${c.id}`, params: { title: c.title, amountFen: courseCost(c) } }
      : null;
  },
  snapshot: (tx, approvalId) => courseSnapshot(tx, approvalId),
  // A course goes for approval only when it can take place: sessions, attendees, seats for them all.
  async checkSubmit(tx, approvalId) {
    const c = await tx.course.findUniqueOrThrow({
      where: { approvalId },
      select: { id: true, capacity: true, _count: { select: { sessions: true, attendees: true } } },
    });
    if (c._count.sessions === 0) return "course.noSessions";
    if (c._count.attendees === 0) return "course.noAttendees";
    if (c._count.attendees > c.capacity) return "course.overCapacity";
    // Split into batches: each batch with attendees has a session, in rooms that seat it (ADR 0025).
    return checkBatches(await currentSplit(tx, c.id))?.error ?? null;
  },
  // Approved: preparation starts (step 008). Approved again after a reopen, the checklist stays as it was.
  // Approval starts the preparation (step 008); a published course approved again after a reopen tells its
  // attendees what changed (same UID, higher SEQUENCE), in the decision's transaction.
  async onApproved(tx, approvalId, actor) {
    const c = await tx.course.findUniqueOrThrow({ where: { approvalId }, select: { id: true } });
    await startPreparation(tx, c.id);
    await afterCourseApproved(tx, c.id, actor);
  },
};
