// The training manager adds a question to the needs questionnaire or changes one (a typo, its type,
// options, whether it must be answered), only until the first employee answers.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { hasOptions } from "./needs-rules";
import type { QuestionInput } from "./needs.schema";
import { lockQuestionsToChange, questionNotFound, type QuestionOutcome } from "./questions-lock.server";

export async function saveQuestion(
  actor: NonNullable<AuditActor>,
  surveyId: string,
  questionId: string | null,
  input: QuestionInput,
): Promise<QuestionOutcome> {
  return db.$transaction(async (tx) => {
    const lock = await lockQuestionsToChange(tx, surveyId);
    if (!lock.ok) return lock;
    const data = {
      kind: input.kind,
      text: input.text,
      options: hasOptions(input.kind) ? input.options : [],
      required: input.required,
    };
    if (!questionId) {
      const last = await tx.surveyQuestion.aggregate({ where: { surveyId }, _max: { position: true } });
      const question = await tx.surveyQuestion.create({
        data: { ...data, surveyId, position: (last._max.position ?? 0) + 1 },
      });
      await writeAudit(tx, {
        actor,
        action: "questionnaire.questionAdded",
        entityType: "SurveyQuestion",
        entityId: question.id,
        summary: { year: lock.year, ...data },
      });
      return { ok: true as const };
    }
    const before = await tx.surveyQuestion.findFirst({
      where: { id: questionId, surveyId },
      select: { kind: true, text: true, options: true, required: true },
    });
    if (!before) return questionNotFound;
    await tx.surveyQuestion.update({ where: { id: questionId }, data });
    await writeAudit(tx, {
      actor,
      action: "questionnaire.questionChanged",
      entityType: "SurveyQuestion",
      entityId: questionId,
      summary: { year: lock.year, before, after: data },
    });
    return { ok: true as const };
  });
}
