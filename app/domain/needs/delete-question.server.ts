// The training manager removes a question from the needs questionnaire, only until the first answer.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { lockQuestionsToChange, questionNotFound, type QuestionOutcome } from "./questions-lock.server";

export async function deleteQuestion(
  actor: NonNullable<AuditActor>,
  surveyId: string,
  questionId: string,
): Promise<QuestionOutcome> {
  return db.$transaction(async (tx) => {
    const lock = await lockQuestionsToChange(tx, surveyId);
    if (!lock.ok) return lock;
    const question = await tx.surveyQuestion.findFirst({ where: { id: questionId, surveyId }, select: { text: true } });
    if (!question) return questionNotFound;
    await tx.surveyQuestion.delete({ where: { id: questionId } });
    await writeAudit(tx, {
      actor,
      action: "questionnaire.questionDeleted",
      entityType: "SurveyQuestion",
      entityId: questionId,
      summary: { year: lock.year, text: question.text },
    });
    return { ok: true as const };
  });
}
