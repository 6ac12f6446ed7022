// Starting (or resuming) an attempt. One open attempt per person and quiz is enforced by the unique
// openKey column: of 20 parallel starts one insert wins and the others resume the winner's attempt.
// Plain SQL, two round trips (the first look, the insert) unless a deadline or a race intervenes (the hot
// path of 500 agents starting at once; ADR 0010).
import { randomUUID } from "node:crypto";

import { getCaseWorkClearance } from "~/domain/certification/certification-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { isUniqueViolation } from "~/utils/sql.server";

import { attemptSql } from "./attempt-sql.server";
import { quizCatalogue, ruleFlagsAt } from "./quiz-catalogue.server";
import {
  canStart,
  drawQuestions,
  openFirst,
  poolForRules,
  RECENT_ATTEMPTS_AVOIDED,
  recentlySeen,
  seededRandom,
  shuffle,
  type PastAttempt,
} from "./quiz-rules";
import { finaliseAttempt } from "./submit-attempt.server";

export type StartOutcome =
  { ok: true; attemptId: string; resumed: boolean } | { ok: false; error: string; until?: Date };

type AttemptRow = PastAttempt & { id: string; status: "OPEN" | "SUBMITTED"; deadlineAt: Date };

/** The person's attempts at this quiz, the open one first, then the newest (enough for daily limit and cooldown). */
const recentAttempts = (personId: string, quizId: string) =>
  attemptSql<AttemptRow>(
    `SELECT id, status::text AS status, "startedAt", "submittedAt", "deadlineAt", passed FROM "QuizAttempt"
     WHERE "personId" = $1 AND "quizId" = $2 ORDER BY (status = 'OPEN') DESC, "startedAt" DESC LIMIT 50`,
    [personId, quizId],
  );

type FirstLookRow = {
  kind: "attempt" | "open" | "seen";
  id: string | null;
  status: "OPEN" | "SUBMITTED" | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  passed: boolean | null;
  attemptsAgo: number | null;
  questionId: string | null;
};

/**
 * The first look, in one round trip: the person's attempts at this quiz (as `recentAttempts`: the open one
 * first, then the newest) and the questions of their latest attempts at any quiz, with how many attempts ago
 * each was asked. Every part reads an index in its order: the open attempt by its unique `openKey`, the newest
 * by (person, quiz, started) backwards, the latest at any quiz by (person, started); sorting a person's whole
 * history on "open first" read every attempt they ever made at the quiz.
 */
async function firstLook(personId: string, quizId: string) {
  const rows = await attemptSql<FirstLookRow>(
    `(SELECT 'attempt' AS kind, row_number() OVER (ORDER BY "startedAt" DESC) AS ord,
             id, status::text AS status, "startedAt", "submittedAt", "deadlineAt", passed,
             NULL::int AS "attemptsAgo", NULL::text AS "questionId"
      FROM "QuizAttempt" WHERE "personId" = $1 AND "quizId" = $2
      ORDER BY "startedAt" DESC LIMIT 50)
     UNION ALL
     (SELECT 'open', 0, id, status::text, "startedAt", "submittedAt", "deadlineAt", passed, NULL, NULL
      FROM "QuizAttempt" WHERE "openKey" = $4)
     UNION ALL
     (SELECT 'seen', 0, NULL, NULL, NULL, NULL, NULL, NULL, a."attemptsAgo"::int, q."questionId"
      FROM (SELECT id, row_number() OVER (ORDER BY "startedAt" DESC) AS "attemptsAgo" FROM "QuizAttempt"
            WHERE "personId" = $1 ORDER BY "startedAt" DESC LIMIT $3) a
      JOIN "QuizAttemptQuestion" q ON q."attemptId" = a.id)
     ORDER BY kind, ord`,
    [personId, quizId, RECENT_ATTEMPTS_AVOIDED, openKey(personId, quizId)],
  );
  const newest: AttemptRow[] = [];
  let open: AttemptRow | undefined;
  const seen: Array<{ attemptsAgo: number; questionId: string }> = [];
  for (const r of rows) {
    if (r.kind === "seen") {
      seen.push({ attemptsAgo: r.attemptsAgo!, questionId: r.questionId! });
      continue;
    }
    const attempt: AttemptRow = {
      id: r.id!,
      status: r.status!,
      startedAt: r.startedAt!,
      submittedAt: r.submittedAt,
      deadlineAt: r.deadlineAt!,
      passed: r.passed,
    };
    if (r.kind === "open") open = attempt;
    else newest.push(attempt);
  }
  return { past: openFirst(newest, open), seen };
}

/** At most one open attempt per person and quiz: the unique key an open attempt holds (NULL once handed in). */
const openKey = (personId: string, quizId: string) => `${personId}:${quizId}`;

export async function startAttempt(
  person: { id: string },
  quizId: string,
  mode: "FULL" | "REQUIZ",
): Promise<StartOutcome> {
  const [catalogue, settings, look] = await Promise.all([quizCatalogue(), getSettings(), firstLook(person.id, quizId)]);
  const quiz = catalogue.quizzes.get(quizId);
  if (!quiz) return { ok: false, error: "errors.notFound" };
  const at = now();
  let past = look.past;
  // An open attempt past its deadline is handed in first (it counts for the limit and cooldown).
  if (past[0]?.status === "OPEN" && past[0].deadlineAt <= at) {
    await finaliseAttempt(past[0].id, { auto: true });
    past = await recentAttempts(person.id, quizId);
  }
  if (past[0]?.status === "OPEN") return { ok: true, attemptId: past[0].id, resumed: true };

  const check = canStart(past, quiz, at, settings.timeZone);
  if (!check.ok) return { ok: false, error: `quiz.refused.${check.reason}`, until: check.until };

  let draws = quiz.draws;
  if (mode === "REQUIZ") {
    if (!quiz.grantsCertification) return { ok: false, error: "quiz.refused.nothingToRequiz" };
    const cert = await getCaseWorkClearance(person.id);
    const stale = cert?.staleRules ?? [];
    if (!cert?.certifiedAt || cert.status === "expired" || stale.length === 0)
      return { ok: false, error: "quiz.refused.nothingToRequiz" };
    draws = stale.map((s) => ({ ruleId: s.ruleId, count: settings.requizQuestionsPerRule }));
  }
  const ruleIds = draws.filter((d) => d.count > 0).map((d) => d.ruleId);
  const flags = ruleFlagsAt(catalogue.versions, at);
  const pool = poolForRules(catalogue.pool, catalogue.poolByRule, ruleIds);
  const attemptId = randomUUID();
  const random = seededRandom(attemptId);
  const byId = new Map(pool.map((q) => [q.id, q]));
  // A question comes back to the same person only when its rule's bank has no other left.
  const { questions } = drawQuestions(pool, draws, random, recentlySeen(look.seen));
  if (questions.length === 0) return { ok: false, error: "quiz.refused.noQuestions" };

  const rows = questions.map((picked, position) => {
    const q = byId.get(picked.questionId)!;
    // True/false keeps 正确 before 错误; every other kind shows its options in a per-attempt order.
    const optionOrder = q.kind === "TRUE_FALSE" ? q.optionIds : shuffle(q.optionIds, random);
    return {
      id: randomUUID(),
      questionId: q.id,
      position,
      optionOrder,
      multiple: q.kind === "MULTIPLE",
      ruleIds: q.ruleIds,
      redLine: q.ruleIds.some((id) => flags.get(id)?.redLine),
    };
  });
  const ruleVersions = Object.fromEntries(ruleIds.map((id) => [id, flags.get(id)?.version ?? 1]));
  try {
    // One statement, so the attempt and its questions land together.
    await attemptSql(
      `WITH attempt AS (
         INSERT INTO "QuizAttempt" (id, "quizId", "personId", mode, "openKey", "startedAt", "deadlineAt",
                                    "passPercent", "ruleVersions", "questionCount")
         VALUES ($1, $2, $3, $4::"AttemptMode", $5, $6::timestamptz, $7::timestamptz, $8, $9::jsonb, $10) RETURNING id)
       INSERT INTO "QuizAttemptQuestion" (id, "attemptId", "questionId", position, "optionOrder", multiple, "ruleIds",
                                          "redLine")
       SELECT r.id, attempt.id, r."questionId", r.position, r."optionOrder", r.multiple, r."ruleIds", r."redLine"
       FROM attempt, json_to_recordset($11::json) AS r(id text, "questionId" text, position int, "optionOrder" text[],
                                                        multiple boolean, "ruleIds" text[], "redLine" boolean)`,
      [
        attemptId,
        quizId,
        person.id,
        mode,
        openKey(person.id, quizId),
        at,
        new Date(at.getTime() + quiz.timeLimitMinutes * 60_000),
        quiz.passPercent,
        JSON.stringify(ruleVersions),
        rows.length,
        JSON.stringify(rows),
      ],
    );
  } catch (error) {
    // Someone (this agent in another tab) opened one meanwhile: resume theirs.
    if (!isUniqueViolation(error)) throw error;
    const winner = (await recentAttempts(person.id, quizId))[0];
    if (winner?.status === "OPEN") return { ok: true, attemptId: winner.id, resumed: true };
    throw error;
  }
  return { ok: true, attemptId, resumed: false };
}
