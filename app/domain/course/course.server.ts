// Setting up a course plan (step 006): the course itself, for an item of an approved monthly plan.
import { closeWhenEveryItemHasACourse } from "~/domain/monthly-plan/course-setup-todo.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { createApproval, lockDraft } from "~/workflow/approval.server";

import { lecturerFitsCategory } from "./course-rules";
import type { CourseInput } from "./course.schema";
import { checkTaughtRules, saveTaughtRules } from "./taught-rules.server";

export type Actor = NonNullable<AuditActor>;
export type CourseOutcome =
  { ok: true; id: string } | { ok: false; field?: string; error: string; status: 400 | 404 | 409 };
export const fail = (error: string, status: 400 | 404 | 409, field?: string) => ({
  ok: false as const,
  error,
  status,
  field,
});

const courseData = (input: CourseInput) => {
  const internal = input.lecturerKind === "INTERNAL";
  return {
    title: input.title,
    capacity: input.capacity,
    outline: input.outline,
    lecturerKind: input.lecturerKind,
    lecturerId: internal ? input.lecturerId! : null,
    externalLecturer: internal ? null : (input.externalLecturer ?? null),
    externalOrg: internal ? null : (input.externalOrg ?? null),
    externalContact: internal ? null : (input.externalContact ?? null),
    trainerId: internal ? null : (input.trainerId ?? null),
    lecturerFeeFen: input.lecturerFee,
    venueFeeFen: input.venueFee,
    materialsFeeFen: input.materialsFee,
    externalFeeFen: input.externalFee,
    otherFeeFen: input.otherFee,
  };
};

/**
 * Who teaches: an internal course an active employee marked as a lecturer; an external one a trainer of the
 * administrator's list (copied into the course) or, for one not listed, the trainer typed (linked to the list
 * when the name and institution are on it). Null when fine, else the refusal.
 */
async function checkLecturer(tx: Tx, data: ReturnType<typeof courseData>, keepTrainerId: string | null) {
  if (data.lecturerId) {
    const person = await tx.person.findFirst({
      where: { id: data.lecturerId, disabledAt: null, status: { not: "LEFT" } },
      select: { roles: { where: { role: "LECTURER" }, select: { role: true } } },
    });
    if (!person) return fail("course.validation.unknownLecturer", 400, "lecturerId");
    if (person.roles.length === 0) return fail("course.validation.notALecturer", 400, "lecturerId");
  }
  if (data.lecturerKind !== "EXTERNAL") return null;
  if (data.trainerId) {
    // A retired trainer is no longer offered, but a course they already teach may keep them.
    const trainer = await tx.externalTrainer.findFirst({
      where: { id: data.trainerId, OR: [{ retiredAt: null }, { id: keepTrainerId ?? "" }] },
      select: { name: true, organisation: true, contact: true },
    });
    if (!trainer) return fail("course.validation.unknownTrainer", 400, "trainerId");
    data.externalLecturer = trainer.name;
    data.externalOrg = trainer.organisation || null;
    data.externalContact = trainer.contact;
    return null;
  }
  const listed = await tx.externalTrainer.findFirst({
    where: { name: data.externalLecturer ?? "", organisation: data.externalOrg ?? "", retiredAt: null },
    select: { id: true },
  });
  data.trainerId = listed?.id ?? null;
  return null;
}

export async function createCourse(actor: Actor, monthlyItemId: string, input: CourseInput): Promise<CourseOutcome> {
  return db.$transaction(async (tx) => {
    const item = await tx.monthlyPlanItem.findUnique({
      where: { id: monthlyItemId },
      select: { planId: true, category: true, plan: { select: { approvalId: true } } },
    });
    if (!item) return fail("errors.notFound", 404);
    // Courses are set up only for what the approving leader approved (step 005 before 006). The plan's
    // approval row stays locked to the commit: a reopening cannot slip in, and two clerks setting up
    // the month's last courses at once each see the other's course when counting what is left.
    const [plan] = await tx.$queryRaw<
      Array<{ state: string }>
    >`SELECT "state" FROM "Approval" WHERE "id" = ${item.plan.approvalId} FOR UPDATE`;
    if (plan?.state !== "APPROVED") return fail("course.monthlyPlanNotApproved", 409);
    if (!lecturerFitsCategory(item.category, input.lecturerKind))
      return fail("course.validation.outsideLecturer", 400, "lecturerId");
    const data = courseData(input);
    const wrongLecturer = await checkLecturer(tx, data, null);
    if (wrongLecturer) return wrongLecturer;
    const refused = await checkTaughtRules(tx, input);
    if (refused) return refused;
    const approval = await createApproval(tx, "Course");
    const course = await tx.course.create({
      data: { ...data, monthlyItemId, approvalId: approval.id, createdById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      action: "course.created",
      entityType: "Course",
      entityId: course.id,
      summary: { monthlyItemId, ...data },
    });
    await saveTaughtRules(tx, actor, course.id, input);
    await closeWhenEveryItemHasACourse(tx, item.planId);
    return { ok: true as const, id: course.id };
  });
}

/** Runs a change of a course's content while it is a draft; a submitted or approved course is locked. */
export async function inDraftCourse<T extends CourseOutcome>(
  courseId: string,
  change: (
    tx: Tx,
    course: { id: string; approvalId: string; capacity: number; monthlyItemId: string; batchCount: number },
  ) => Promise<T>,
): Promise<T | CourseOutcome> {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: { id: true, approvalId: true, capacity: true, monthlyItemId: true, batchCount: true },
    });
    if (!course) return fail("errors.notFound", 404);
    if (!(await lockDraft(tx, course.approvalId))) return fail("course.locked", 409);
    return change(tx, course);
  });
}

export async function updateCourse(actor: Actor, courseId: string, input: CourseInput): Promise<CourseOutcome> {
  return inDraftCourse(courseId, async (tx, course) => {
    const item = await tx.monthlyPlanItem.findUniqueOrThrow({
      where: { id: course.monthlyItemId },
      select: { category: true, courses: { where: { id: courseId }, select: { trainerId: true } } },
    });
    if (!lecturerFitsCategory(item.category, input.lecturerKind))
      return fail("course.validation.outsideLecturer", 400, "lecturerId");
    const data = courseData(input);
    const wrongLecturer = await checkLecturer(tx, data, item.courses[0]?.trainerId ?? null);
    if (wrongLecturer) return wrongLecturer;
    const refused = await checkTaughtRules(tx, input);
    if (refused) return refused;
    await tx.course.update({ where: { id: courseId }, data });
    await writeAudit(tx, { actor, action: "course.updated", entityType: "Course", entityId: courseId, summary: data });
    await saveTaughtRules(tx, actor, courseId, input);
    return { ok: true as const, id: courseId };
  });
}
