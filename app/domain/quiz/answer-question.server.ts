// Saving one answer the moment it is given. One statement: it locks the attempt row FOR SHARE, so it
// either lands before a concurrent submit scores the attempt or is refused after it; never in between.
import { db } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { finaliseAttempt } from "./submit-attempt.server";

export type AnswerOutcome = { ok: true } | { ok: false; error: "errors.notFound" | "quiz.alreadySubmitted" | "quiz.expired" | "quiz.invalidAnswer" };

export async function saveAnswer(personId: string, attemptId: string, position: number, optionIds: string[]): Promise<AnswerOutcome> {
  const at = now();
  const selected = [...new Set(optionIds)];
  const saved = await db.$queryRaw<Array<{ id: string }>>`
    WITH a AS (
      SELECT id FROM "QuizAttempt"
      WHERE id = ${attemptId} AND "personId" = ${personId} AND status = 'OPEN' AND "deadlineAt" > ${at}
      FOR SHARE
    )
    UPDATE "QuizAttemptQuestion" q SET selected = ${selected}::text[], "answeredAt" = ${selected.length ? at : null}
    WHERE q."attemptId" = (SELECT id FROM a) AND q.position = ${position}
      AND q."optionOrder" @> ${selected}::text[] AND (q.multiple OR cardinality(${selected}::text[]) <= 1)
    RETURNING q.id`;
  if (saved.length === 1) return { ok: true };

  // Why not: say so precisely (and finalise an attempt found past its deadline).
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, personId }, select: { status: true, deadlineAt: true } });
  if (!attempt) return { ok: false, error: "errors.notFound" };
  if (attempt.status !== "OPEN") return { ok: false, error: "quiz.alreadySubmitted" };
  if (attempt.deadlineAt <= at) {
    await finaliseAttempt(attemptId, { auto: true });
    return { ok: false, error: "quiz.expired" };
  }
  return { ok: false, error: "quiz.invalidAnswer" };
}
