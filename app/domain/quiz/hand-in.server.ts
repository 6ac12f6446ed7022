// The two statements of a hand-in (finaliseAttempt, submit-attempt.server.ts): read and score without a lock,
// then one guarded statement that locks the attempt and its questions, checks that the attempt is still open
// and that none of its questions changed since the read, and only then writes the attempt, its questions'
// verdicts, the rule tally (ADR 0027), on a pass the to-do and the assignment, and the audit entry. Every
// write of that statement is conditional on the same check (`ok`), so a check that fails writes nothing:
// the caller reads again and retries. Two round trips on the attempt pool instead of a transaction's four
// (BEGIN, lock and read, write, COMMIT): ADR 0035.
//
// What "changed" means: each question's version is its row's xmin (a new one with every committed write of
// the row, whatever its values) with its answer (`selected`, `answeredAt`). The locks are taken attempt first,
// then its questions, the order saveAnswer takes them in (the attempt FOR SHARE, then its question's row), so
// the two never deadlock. Under READ COMMITTED a row locked after waiting is returned in its newest version,
// so an answer that committed while the hand-in waited for the attempt's lock shows as a changed version.
// When the versions match, no question row was written after the read, so the statement's snapshot (taken
// after the read) sees exactly the rows that were scored: the tally counts what the verdicts say.
import { tallyHandInSql } from "~/domain/rule-tally/tally-hand-in.server";
import { auditInsertSql, type AuditActor } from "~/utils/audit.server";
import { sql, type SqlClient } from "~/utils/sql.server";
import { closeTodosSql } from "~/utils/todo.server";

import { scoreAttempt } from "./quiz-rules";

type Claimed = { personId: string; quizId: string; mode: "FULL" | "REQUIZ"; passPercent: number; status: string };
type Answered = { id: string; selected: string[]; ruleIds: string[]; redLine: boolean; correctOptionIds: string[] };
export type HandInRead = { attempt: Claimed; questions: Answered[]; versions: string };

const VERSION = `q.xmin::text || '|' || COALESCE(q."answeredAt"::text, '-') || '|' || array_to_string(q.selected, ',')`;

// By primary key, the status checked afterwards: with "status = 'OPEN'" in the scan the planner may walk every
// open attempt of a status index instead.
const READ = `SELECT a."personId", a."quizId", a.mode::text AS mode, a."passPercent", a.status::text AS status,
       q.id, q.selected, q."ruleIds", q."redLine", ${VERSION} AS version,
       ARRAY(SELECT o.id FROM "QuizOption" o WHERE o."questionId" = q."questionId" AND o."isCorrect")
         AS "correctOptionIds"
  FROM "QuizAttempt" a JOIN "QuizAttemptQuestion" q ON q."attemptId" = a.id
 WHERE a.id = $1 AND ($2::text IS NULL OR a."personId" = $2)
 ORDER BY q.position`;

/**
 * The attempt (of `ownerId` only, if given) and its questions with their versions; null when there is none.
 * `lock`: inside a transaction, hold them FOR UPDATE (the fallback when the guard keeps failing).
 */
export async function readHandIn(
  attemptId: string,
  ownerId: string | null,
  client: SqlClient,
  lock = false,
): Promise<HandInRead | null> {
  const rows = await sql<Claimed & Answered & { version: string }>(
    lock ? `${READ} FOR UPDATE OF a, q` : READ,
    [attemptId, ownerId],
    client,
  );
  if (rows.length === 0) return null;
  return { attempt: rows[0], questions: rows, versions: rows.map((r) => r.version).join(";") };
}

export type HandInWrite = { status: "written"; passed: boolean } | { status: "closed" } | { status: "changed" };

const GUARD = `EXISTS (SELECT 1 FROM ok)`;

/** Scores what `read` saw and writes it, if the attempt is still open and unchanged since: one statement. */
export async function writeHandIn(
  attemptId: string,
  read: HandInRead,
  options: { auto: boolean; actor?: AuditActor; at: Date },
  client: SqlClient,
): Promise<HandInWrite> {
  const { attempt, questions } = read;
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
    14,
    GUARD,
  );
  // Handed in (an attempt that ran out of time counts as handed in at its deadline: the cooldown runs from
  // there), the score, each question's verdict and its rules' tally, on a pass the quiz to-do and assignment.
  const [outcome] = await sql<{ status: string | null; written: boolean }>(
    `WITH a AS MATERIALIZED (
       SELECT status::text AS status FROM "QuizAttempt" WHERE id = $1 FOR UPDATE),
     locked AS MATERIALIZED (
       SELECT string_agg(l.version, ';' ORDER BY l.position) AS versions
         FROM (SELECT q.position, ${VERSION} AS version FROM "QuizAttemptQuestion" q
                WHERE q."attemptId" = $1 AND EXISTS (SELECT 1 FROM a WHERE status = 'OPEN')
                FOR UPDATE) l),
     ok AS MATERIALIZED (
       SELECT 1 FROM locked WHERE versions = $13),
     scored AS (
       UPDATE "QuizAttempt" SET status = 'SUBMITTED', "openKey" = NULL,
              "submittedAt" = LEAST("deadlineAt", $8::timestamptz::timestamp),
              "autoSubmitted" = ($12 OR "deadlineAt" < $8::timestamptz::timestamp),
              "correctCount" = $2, "scorePercent" = $3, passed = $4, "redLineMissed" = $5, "missedRuleIds" = $6
        WHERE id = $1 AND ${GUARD}),
     verdicts AS (
       UPDATE "QuizAttemptQuestion" SET correct = (id = ANY($7::text[])) WHERE "attemptId" = $1 AND ${GUARD}),
     tally AS (
       ${tallyHandInSql({ attemptId: "$1", rightIds: "$7", at: "$8", personId: "$10", when: GUARD })}),
     todos AS (
       ${closeTodosSql({ when: `$4 AND ${GUARD}`, at: "$8", sourceType: "'Quiz'", sourceId: "$9", personId: "$10" })}),
     assignment AS (
       UPDATE "QuizAssignment" SET "doneAt" = $8::timestamptz
        WHERE $4 AND $11 = 'FULL' AND "quizId" = $9 AND "personId" = $10 AND "doneAt" IS NULL AND ${GUARD}),
     audit AS (
       ${audit.text})
     SELECT (SELECT status FROM a) AS status, ${GUARD} AS written`,
    [
      attemptId,
      score.correctCount,
      score.scorePercent,
      score.passed,
      score.redLineMissed,
      score.missedRuleIds,
      rightIds,
      options.at,
      attempt.quizId,
      attempt.personId,
      attempt.mode,
      options.auto,
      read.versions,
      ...audit.values,
    ],
    client,
  );
  if (outcome.written) return { status: "written", passed: score.passed };
  return outcome.status === "OPEN" ? { status: "changed" } : { status: "closed" };
}
