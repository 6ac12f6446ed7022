// 《培训需求调查问卷》: an employee answers the questions the training manager set up, once per survey.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { closeTodos } from "~/utils/todo.server";

import { isAnswerable, readAnswers } from "./needs-rules";
import { lockSurveyToAnswer } from "./questions-lock.server";

type Person = { id: string; employeeNo: string; departmentId: string };
export type AnswerOutcome =
  { ok: true } | { ok: false; error: string; errors?: Record<string, string>; status: 400 | 404 | 409 };

export async function answerQuestionnaire(
  person: Person,
  surveyId: string,
  values: Record<string, string | string[]>,
): Promise<AnswerOutcome> {
  try {
    return await db.$transaction(async (tx): Promise<AnswerOutcome> => {
      if (!(await lockSurveyToAnswer(tx, surveyId))) return { ok: false, error: "errors.notFound", status: 404 };
      // Read under the lock: the answers are checked against, and stored for, exactly these questions.
      const survey = await tx.needsSurvey.findUniqueOrThrow({
        where: { id: surveyId },
        include: { questions: { orderBy: { position: "asc" } } },
      });
      if (!isAnswerable(survey, now())) return { ok: false, error: "needs.questionnaireClosed", status: 409 };
      const { answers, errors } = readAnswers(survey.questions, values);
      if (Object.keys(errors).length > 0) return { ok: false, error: "needs.answerErrors", errors, status: 400 };
      const response = await tx.questionnaireResponse.create({
        data: { surveyId, personId: person.id, departmentId: person.departmentId, submittedAt: now() },
      });
      await tx.questionAnswer.createMany({ data: answers.map((a) => ({ ...a, responseId: response.id })) });
      await closeTodos(tx, { sourceType: "NeedsSurvey", sourceId: surveyId, personId: person.id });
      await writeAudit(tx, {
        actor: person,
        action: "questionnaire.answered",
        entityType: "QuestionnaireResponse",
        entityId: response.id,
        summary: { year: survey.year, answers: answers.length },
      });
      return { ok: true };
    });
  } catch (error) {
    // One response per person and survey: a repeated post finds the first one.
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, error: "needs.alreadyAnswered", status: 409 };
    throw error;
  }
}
