// The training manager moves a question up or down the needs questionnaire, only until the first answer.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { moveInOrder } from "./needs-rules";
import { lockQuestionsToChange, questionNotFound, type QuestionOutcome } from "./questions-lock.server";

export async function moveQuestion(
  actor: NonNullable<AuditActor>,
  surveyId: string,
  questionId: string,
  direction: "up" | "down",
): Promise<QuestionOutcome> {
  return db.$transaction(async (tx) => {
    const lock = await lockQuestionsToChange(tx, surveyId);
    if (!lock.ok) return lock;
    const questions = await tx.surveyQuestion.findMany({
      where: { surveyId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, text: true, position: true },
    });
    const from = questions.findIndex((q) => q.id === questionId);
    if (from < 0) return questionNotFound;
    const order = moveInOrder(
      questions.map((q) => q.id),
      questionId,
      direction,
    );
    if (!order) return { ok: false as const, error: "needs.questions.cannotMove", status: 409 as const };
    // Positions become 1..n in the new order (earlier deletions may have left gaps).
    for (const [index, id] of order.entries()) {
      if (questions.find((q) => q.id === id)!.position !== index + 1)
        await tx.surveyQuestion.update({ where: { id }, data: { position: index + 1 } });
    }
    await writeAudit(tx, {
      actor,
      action: "questionnaire.questionMoved",
      entityType: "SurveyQuestion",
      entityId: questionId,
      summary: { year: lock.year, text: questions[from].text, from: from + 1, to: order.indexOf(questionId) + 1 },
    });
    return { ok: true as const };
  });
}
