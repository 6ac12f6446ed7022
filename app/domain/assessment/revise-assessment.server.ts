// The assessor's revision of a form the head returned, sent for sign-off again in the same transaction.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import type { Actor } from "~/utils/route.server";
import { decideIn, lockDraft } from "~/workflow/approval.server";

import { mayAssess } from "./assessment-rules";
import { AssessmentSubject } from "./assessment-subject.server";
import type { AssessmentRevisionInput } from "./assessment.schema";
import { inTransaction, NOT_ALLOWED, scoreColumns, type AssessmentOutcome } from "./file-assessment.server";
import { loadNewHire } from "./new-hire.server";

export async function reviseAssessment(
  actor: Actor,
  assessmentId: string,
  input: AssessmentRevisionInput,
): Promise<AssessmentOutcome> {
  return inTransaction(async (tx) => {
    const form = await tx.preJobAssessment.findUnique({
      where: { id: assessmentId },
      select: { id: true, personId: true, assessorId: true, approvalId: true },
    });
    if (!form) return { ok: false, error: "errors.notFound", status: 404 };
    // Only the assessor revises their form, and only while they may still assess this new hire.
    const loaded = await loadNewHire(tx, form.personId);
    if (form.assessorId !== actor.id || !loaded || !mayAssess(actor, loaded.hire)) return NOT_ALLOWED;
    if (input.courseId && !loaded.courses.some((c) => c.id === input.courseId))
      return { ok: false, field: "courseId", error: "assessment.errors.notTheirCourse" };
    if (!(await lockDraft(tx, form.approvalId))) return { ok: false, error: "workflow.alreadyDecided", status: 409 };
    await tx.preJobAssessment.update({
      where: { id: form.id },
      data: { ...scoreColumns(input), assessedAt: now() },
    });
    await writeAudit(tx, {
      actor: { id: actor.id, employeeNo: actor.employeeNo },
      action: "assessment.revised",
      entityType: AssessmentSubject.type,
      entityId: form.id,
      summary: {
        name: loaded.person.name,
        employeeNo: loaded.person.employeeNo,
        revision: input.revision,
        result: input.result,
      },
    });
    await decideIn(tx, AssessmentSubject, {
      subjectId: form.id,
      action: "SUBMIT",
      revision: input.revision,
      actor,
    });
    return { ok: true, id: form.id };
  });
}
