// Finalising an attempt: by the agent, or automatically once the server's deadline has passed.
// Race with answers (saveAnswer holds the attempt FOR SHARE and its question's row while it writes): the
// attempt and its questions are read FOR UPDATE, which waits for every answer in flight to commit and then
// returns the newest version of each locked row (READ COMMITTED re-reads a row that changed while it waited),
// so an acknowledged answer is always scored, and an answer that comes after waits and finds the attempt
// handed in. The claim is conditional on the locked row's status, so it happens exactly once however many
// requests race. Plain SQL, one transaction of two statements (ADR 0010).
import { tallyHandInSql } from "~/domain/rule-tally/tally-hand-in.server";
import { auditInsertSql, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { sql } from "~/utils/sql.server";
import { closeTodosSql } from "~/utils/todo.server";

import { attemptSql, attemptTransaction } from "./attempt-sql.server";
import { scoreAttempt } from "./quiz-rules";

export type FinaliseOutcome = { finalised: boolean; passed?: boolean };

type Claimed = { personId: string; quizId: string; mode: "FULL" | "REQUIZ"; passPercent: number };
type Answered = { id: string; selected: string[]; ruleIds: string[]; redLine: boolean; correctOptionIds: string[] };

/** `ownerId`: finalise only that person's attempt (an agent handing in their own). */
export async function finaliseAttempt(
  attemptId: string,
  options: { auto: boolean; actor?: AuditActor; ownerId?: string },
): Promise<FinaliseOutcome> {
  return attemptTransaction(async (client) => {
    // By primary key, the status checked on the locked row: with "status = 'OPEN'" in the scan the planner may
    // walk every open attempt of a status index instead.
    const questions = await sql<Claimed & Answered & { status: string }>(
      `SELECT a."personId", a."quizId", a.mode::text AS mode, a."passPercent", a.status::text AS status,
              q.id, q.selected, q."ruleIds", q."redLine",
              ARRAY(SELECT o.id FROM "QuizOption" o WHERE o."questionId" = q."questionId" AND o."isCorrect")
                AS "correctOptionIds"
       FROM "QuizAttempt" a JOIN "QuizAttemptQuestion" q ON q."attemptId" = a.id
       WHERE a.id = $1 AND ($2::text IS NULL OR a."personId" = $2)
       ORDER BY q.position
       FOR UPDATE OF a, q`,
      [attemptId, options.ownerId ?? null],
      client,
    );
    const attempt = questions[0];
    if (attempt?.status !== "OPEN") return { finalised: false };
    // Read the clock once the attempt is ours: every acknowledged answer was given before it.
    const at = now();

    const score = scoreAttempt(questions, attempt.passPercent);
    const rightIds = questions.filter((_, i) => score.results[i]).map((q) => q.id);
    const audit = auditInsertSql(
      {
        actor: options.actor ?? null,
        action: options.auto ? "quiz.auto_submitted" : "quiz.submitted",
        entityType: "QuizAttempt",
        entityId: attemptId,
        summary: {
          scorePercent: score.scorePercent,
          passed: score.passed,
          redLineMissed: score.redLineMissed,
          missedRuleIds: score.missedRuleIds,
        },
      },
      13,
    );
    // Handed in (an attempt that ran out of time counts as handed in at its deadline: the cooldown runs
    // from there), the score, each question's verdict and its rules' tally (ADR 0027), on a pass the quiz
    // to-do and assignment, and the audit entry, in one statement (one round trip of the hand-in's transaction).
    await sql(
      `WITH scored AS (
         UPDATE "QuizAttempt" SET status = 'SUBMITTED', "openKey" = NULL,
                "submittedAt" = LEAST("deadlineAt", $8::timestamptz::timestamp),
                "autoSubmitted" = ($12 OR "deadlineAt" < $8::timestamptz::timestamp),
                "correctCount" = $2, "scorePercent" = $3, passed = $4, "redLineMissed" = $5, "missedRuleIds" = $6
         WHERE id = $1),
       verdicts AS (
         UPDATE "QuizAttemptQuestion" SET correct = (id = ANY($7::text[])) WHERE "attemptId" = $1),
       tally AS (
         ${tallyHandInSql({ attemptId: "$1", rightIds: "$7", at: "$8", personId: "$10" })}),
       todos AS (
         ${closeTodosSql({ when: "$4", at: "$8", sourceType: "'Quiz'", sourceId: "$9", personId: "$10" })}),
       audit AS (
         ${audit.text})
       UPDATE "QuizAssignment" SET "doneAt" = $8::timestamptz
       WHERE $4 AND $11 = 'FULL' AND "quizId" = $9 AND "personId" = $10 AND "doneAt" IS NULL`,
      [
        attemptId,
        score.correctCount,
        score.scorePercent,
        score.passed,
        score.redLineMissed,
        score.missedRuleIds,
        rightIds,
        at,
        attempt.quizId,
        attempt.personId,
        attempt.mode,
        options.auto,
        ...audit.values,
      ],
      client,
    );
    return { finalised: true, passed: score.passed };
  });
}

/** The sweep: every open attempt past its deadline (of one person, or everyone's) is finalised. */
export async function finaliseExpiredAttempts(where: { personId?: string; quizId?: string } = {}) {
  const expired = await attemptSql<{ id: string }>(
    `SELECT id FROM "QuizAttempt" WHERE status = 'OPEN' AND "deadlineAt" <= $1::timestamptz::timestamp
       AND ($2::text IS NULL OR "personId" = $2) AND ($3::text IS NULL OR "quizId" = $3)`,
    [now(), where.personId ?? null, where.quizId ?? null],
  );
  for (const a of expired) await finaliseAttempt(a.id, { auto: true });
  return expired.length;
}

/** The agent hands in their own attempt; anyone else's is "not found". Submitting twice changes nothing. */
export async function submitOwnAttempt(
  actor: { id: string; employeeNo: string },
  attemptId: string,
): Promise<{ ok: true; finalised: boolean } | { ok: false; error: string }> {
  const outcome = await finaliseAttempt(attemptId, { auto: false, actor, ownerId: actor.id });
  if (outcome.finalised) return { ok: true, finalised: true };
  const mine = await attemptSql(`SELECT 1 FROM "QuizAttempt" WHERE id = $1 AND "personId" = $2`, [attemptId, actor.id]);
  return mine.length === 0 ? { ok: false, error: "errors.notFound" } : { ok: true, finalised: false };
}
