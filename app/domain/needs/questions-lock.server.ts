// The survey row is the questionnaire's lock. Answering takes it FOR SHARE (answers do not wait for
// each other); changing the questions takes it FOR UPDATE, which waits for answers in flight and holds
// off new ones. So a change either sees the first answer and is refused, or commits before that answer
// reads the questions it is checked against and stored for: no answer points at a question changed
// after it was given.
import type { Tx } from "~/utils/db.server";

import { questionsFrozenBy } from "./needs-rules";

export type QuestionOutcome = { ok: true } | { ok: false; error: string; status: 404 | 409 };

export const questionNotFound = { ok: false as const, error: "errors.notFound", status: 404 as const };

/** Holds the survey against question changes until the answering transaction ends; false if there is none. */
export async function lockSurveyToAnswer(tx: Tx, surveyId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "NeedsSurvey" WHERE id = ${surveyId} FOR SHARE`;
  return rows.length > 0;
}

/** Holds the survey against answers until the transaction ends, and says whether its questions may still change. */
export async function lockQuestionsToChange(tx: Tx, surveyId: string) {
  const rows = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM "NeedsSurvey" WHERE id = ${surveyId} FOR UPDATE`;
  if (rows.length === 0) return questionNotFound;
  const survey = await tx.needsSurvey.findUniqueOrThrow({
    where: { id: surveyId },
    select: { year: true, status: true },
  });
  const frozen = questionsFrozenBy(survey, await tx.questionnaireResponse.count({ where: { surveyId } }));
  if (frozen)
    return {
      ok: false as const,
      error: frozen === "answered" ? "needs.questionsLocked" : "needs.surveyClosed",
      status: 409 as const,
    };
  return { ok: true as const, year: survey.year };
}
