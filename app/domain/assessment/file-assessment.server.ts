// Filing a pre-job assessment: the form is created and sent to the heads for sign-off in one transaction,
// so a form nobody may sign (no head above the new hire) is never left behind. Who may assess is checked
// here, for every caller: anyone else is refused with 403 and nothing is written.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor } from "~/utils/route.server";
import { messageKey } from "~/utils/validation";
import { createApproval, decideIn, Refusal } from "~/workflow/approval.server";

import { mayAssess } from "./assessment-rules";
import { AssessmentSubject } from "./assessment-subject.server";
import type { AssessmentFormInput } from "./assessment.schema";
import { loadNewHire } from "./new-hire.server";

export type AssessmentOutcome =
  { ok: true; id: string } | { ok: false; error: string; field?: string; status?: 400 | 403 | 404 | 409 };

export const NOT_ALLOWED: AssessmentOutcome = { ok: false, error: "assessment.errors.notAllowed", status: 403 };

/** Runs a filing or revision; a workflow refusal rolls the whole transaction back. */
export async function inTransaction(work: (tx: Tx) => Promise<AssessmentOutcome>): Promise<AssessmentOutcome> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    throw error;
  }
}

export const scoreColumns = (input: Omit<AssessmentFormInput, "personId">) => ({
  courseId: input.courseId ?? null,
  attendanceScore: input.attendanceScore,
  quizScore: input.quizScore,
  practiceScore: input.practiceScore,
  attitudeScore: input.attitudeScore,
  result: input.result,
  comments: input.comments,
});

export async function fileAssessment(actor: Actor, input: AssessmentFormInput): Promise<AssessmentOutcome> {
  return inTransaction(async (tx) => {
    // One filing per new hire at a time: a second assessor waits here, then finds the first form open.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${input.personId} FOR UPDATE`;
    const loaded = await loadNewHire(tx, input.personId);
    if (!loaded) return { ok: false, error: "errors.notFound", status: 404 };
    const { person, hire, courses } = loaded;
    if (!mayAssess(actor, hire)) return NOT_ALLOWED;
    if (person.status !== "NEW_HIRE") return { ok: false, error: "assessment.errors.notNewHire", status: 409 };
    if (input.courseId && !courses.some((c) => c.id === input.courseId))
      return { ok: false, field: "courseId", error: "assessment.errors.notTheirCourse" };
    const open = await tx.preJobAssessment.findFirst({
      where: { personId: person.id, approval: { state: { not: "APPROVED" } } },
      select: { id: true },
    });
    if (open)
      return {
        ok: false,
        error: messageKey("assessment.errors.alreadyOpen", { href: `/assessments/${open.id}` }),
        status: 409,
      };

    const approval = await createApproval(tx, AssessmentSubject.type);
    const form = await tx.preJobAssessment.create({
      data: {
        personId: person.id,
        ...scoreColumns(input),
        assessorId: actor.id,
        assessedAt: now(),
        approvalId: approval.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: { id: actor.id, employeeNo: actor.employeeNo },
      action: "assessment.created",
      entityType: AssessmentSubject.type,
      entityId: form.id,
      summary: { name: person.name, employeeNo: person.employeeNo, result: input.result },
    });
    await decideIn(tx, AssessmentSubject, { subjectId: form.id, action: "SUBMIT", revision: 1, actor });
    return { ok: true, id: form.id };
  });
}
