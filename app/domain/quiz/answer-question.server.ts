// Saving one answer the moment it is given. One statement: it holds the attempt row FOR SHARE while it
// writes, and the submit locks that row FOR UPDATE before it reads the answers (submit-attempt.server.ts),
// so an answer either commits before the submit reads (and is scored) or waits and is refused after it.
// The attempt is found by its primary key alone and its status and deadline are checked on the locked row:
// with "status = 'OPEN'" in the locking scan the planner may walk every open attempt of the status indexes
// instead (500 buffers per answer on the bench company after a burst of starts).
import { now } from "~/utils/clock.server";

import { attemptSql } from "./attempt-sql.server";
import { finaliseAttempt } from "./submit-attempt.server";

export type AnswerOutcome =
  | { ok: true }
  | { ok: false; error: "errors.notFound" | "quiz.alreadySubmitted" | "quiz.expired" | "quiz.invalidAnswer" };

export async function saveAnswer(
  personId: string,
  attemptId: string,
  position: number,
  optionIds: string[],
): Promise<AnswerOutcome> {
  const at = now();
  const selected = [...new Set(optionIds)];
  const saved = await attemptSql(
    `WITH a AS (
       SELECT id, status, "deadlineAt" FROM "QuizAttempt" WHERE id = $1 AND "personId" = $2 FOR SHARE
     )
     UPDATE "QuizAttemptQuestion" q
     SET selected = $5::text[],
         "answeredAt" = CASE WHEN cardinality($5::text[]) > 0 THEN $3::timestamptz ELSE NULL END
     WHERE q."attemptId" = (SELECT id FROM a WHERE status = 'OPEN' AND "deadlineAt" > $3::timestamptz::timestamp)
       AND q.position = $4
       AND q."optionOrder" @> $5::text[] AND (q.multiple OR cardinality($5::text[]) <= 1)
     RETURNING q.id`,
    [attemptId, personId, at, position, selected],
  );
  if (saved.length === 1) return { ok: true };

  // Why not: say so precisely (and finalise an attempt found past its deadline).
  const [attempt] = await attemptSql<{ status: string; deadlineAt: Date; autoSubmitted: boolean }>(
    `SELECT status::text AS status, "deadlineAt", "autoSubmitted" FROM "QuizAttempt" WHERE id = $1 AND "personId" = $2`,
    [attemptId, personId],
  );
  if (!attempt) return { ok: false, error: "errors.notFound" };
  if (attempt.status !== "OPEN")
    return {
      ok: false,
      error: attempt.autoSubmitted && attempt.deadlineAt <= at ? "quiz.expired" : "quiz.alreadySubmitted",
    };
  if (attempt.deadlineAt <= at) {
    await finaliseAttempt(attemptId, { auto: true });
    return { ok: false, error: "quiz.expired" };
  }
  return { ok: false, error: "quiz.invalidAnswer" };
}
