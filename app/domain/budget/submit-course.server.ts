// Submitting a course plan (step 007): over budget or with clashes it goes ahead only with the drafter's
// acknowledgement and reason, kept with the submitted revision and audited in the submission's transaction.
import { CourseSubject } from "~/domain/course/course-subject.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { decideIn, Refusal, type Actor, type DecisionOutcome } from "~/workflow/approval.server";

import { courseConcerns } from "./course-concerns.server";
import type { SubmitCourseInput } from "./submit-course.schema";
import { acknowledgementCheck } from "./training-budget-rules";

type NotAcknowledgedOutcome = { ok: false; error: string; field: string; status: 400 };
export type SubmitOutcome = DecisionOutcome | NotAcknowledgedOutcome;

/** Thrown to roll the submission back; answered under the acknowledgement's field. */
class NotAcknowledged {
  constructor(readonly outcome: NotAcknowledgedOutcome) {}
}

export async function submitCourse(actor: Actor, courseId: string, input: SubmitCourseInput): Promise<SubmitOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      // The decision first: its guarded update holds the course's approval row, so nothing about the course
      // changes (every edit waits for that row) while its concerns are read.
      const decided = await decideIn(tx, CourseSubject, {
        subjectId: courseId,
        action: "SUBMIT",
        revision: input.revision,
        reason: input.reason,
        actor,
      });
      const concerns = await courseConcerns(courseId);
      const reason = input.acknowledgement ?? null;
      const check = acknowledgementCheck(concerns, { acknowledged: input.acknowledged === "on", reason });
      if (!check.ok) throw new NotAcknowledged({ ok: false, error: check.error, field: check.field, status: 400 });
      if (check.keep) {
        const approvalId = (await CourseSubject.approvalIdOf(tx, courseId))!;
        await tx.submitAcknowledgement.create({
          data: {
            approvalId,
            revision: input.revision,
            concerns,
            reason: reason!,
            actorId: actor.id,
            actorEmployeeNo: actor.employeeNo,
            actorName: actor.name,
            at: now(),
          },
        });
        await writeAudit(tx, {
          actor,
          action: "budget.acknowledged",
          entityType: "Course",
          entityId: courseId,
          summary: { revision: input.revision, concerns },
          reason,
        });
      }
      return decided;
    });
  } catch (error) {
    if (error instanceof Refusal || error instanceof NotAcknowledged) return error.outcome;
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, error: "workflow.alreadyDecided", status: 409 };
    throw error;
  }
}
