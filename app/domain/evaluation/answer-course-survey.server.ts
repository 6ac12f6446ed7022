// An attendee rates a course once: the evaluation, the invitation marked answered, the to-do closed and
// the audit entry land together or not at all.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { Failure } from "~/utils/route.server";
import { closeTodos } from "~/utils/todo.server";

import { lecturerNameOf } from "./evaluation-rules";
import type { SurveyAnswer } from "./evaluation.schema";

type Person = { id: string; employeeNo: string };
export type AnswerOutcome = { ok: true } | (Failure & { status: 403 | 404 | 409 });

const ALREADY: AnswerOutcome = { ok: false, error: "evaluation.errors.alreadyAnswered", status: 409 };

export async function answerCourseSurvey(
  person: Person,
  courseId: string,
  answer: SurveyAnswer,
): Promise<AnswerOutcome> {
  try {
    return await db.$transaction(async (tx): Promise<AnswerOutcome> => {
      const at = now();
      // Claiming the invitation takes its row lock: a parallel answer waits here, then finds it answered.
      const claimed = await tx.courseSurveyInvite.updateMany({
        where: { courseId, personId: person.id, answeredAt: null },
        data: { answeredAt: at },
      });
      if (claimed.count === 0) {
        const invite = await tx.courseSurveyInvite.findUnique({
          where: { courseId_personId: { courseId, personId: person.id } },
          select: { answeredAt: true },
        });
        return invite ? ALREADY : { ok: false, error: "evaluation.errors.notInvited", status: 403 };
      }
      const course = await tx.course.findUniqueOrThrow({
        where: { id: courseId },
        select: {
          title: true,
          lecturerKind: true,
          lecturer: { select: { name: true } },
          externalLecturer: true,
          externalOrg: true,
        },
      });
      const evaluation = await tx.courseEvaluation.create({
        data: {
          courseId,
          personId: person.id,
          lecturerName: lecturerNameOf(course),
          courseScore: answer.course,
          lecturerScore: answer.lecturer,
          venueScore: answer.venue,
          usefulnessScore: answer.usefulness,
          comment: answer.comment ?? "",
          submittedAt: at,
        },
        select: { id: true },
      });
      await closeTodos(tx, { sourceType: "CourseSurvey", sourceId: courseId, personId: person.id });
      // The scores stay out of the audit log: results are read only in aggregate, without names.
      await writeAudit(tx, {
        actor: person,
        action: "evaluation.submitted",
        entityType: "CourseEvaluation",
        entityId: evaluation.id,
        summary: { title: course.title },
      });
      return { ok: true };
    });
  } catch (error) {
    // One evaluation per course and person: whatever slipped past the claim meets the unique key.
    if ((error as { code?: string }).code === "P2002") return ALREADY;
    throw error;
  }
}
