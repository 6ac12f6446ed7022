// Reads shaped for the attempt pages. While an attempt is open nothing here selects isCorrect or an
// explanation: the correct answers cannot reach the browser before the attempt is submitted.
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { attemptSql } from "./attempt-sql.server";
import { secondsLeft } from "./quiz-rules";
import { renderText } from "./rule-text";
import { finaliseAttempt } from "./submit-attempt.server";

type TakingRow = {
  id: string;
  status: string;
  mode: "FULL" | "REQUIZ";
  deadlineAt: Date;
  questionCount: number;
  title: string;
  titleEn: string;
  // Explicit fields only: never isCorrect, never the explanation.
  questions: Array<{
    position: number;
    optionOrder: string[];
    selected: string[];
    multiple: boolean;
    kind: "SINGLE" | "MULTIPLE" | "TRUE_FALSE" | "SCENARIO";
    stem: string;
    options: Record<string, string>;
  }> | null;
};

/**
 * The agent's own open attempt with all its questions (the page shows one at a time, so moving between
 * them needs no request); "submitted" when it is finished or has just run out of time. One query.
 */
export async function getAttemptForTaking(personId: string, attemptId: string) {
  const at = now();
  const [[attempt], settings] = await Promise.all([
    attemptSql<TakingRow>(
      `SELECT a.id, a.status::text AS status, a.mode::text AS mode, a."deadlineAt", a."questionCount",
              z.title, z."titleEn",
              CASE WHEN a.status = 'OPEN' AND a."deadlineAt" > $3::timestamptz::timestamp THEN
                (SELECT json_agg(json_build_object('position', q.position, 'optionOrder', q."optionOrder",
                                                   'selected', q.selected, 'multiple', q.multiple,
                                                   'kind', qq.kind, 'stem', qq.stem,
                                                   'options', (SELECT json_object_agg(o.id, o.text) FROM "QuizOption" o
                                                               WHERE o."questionId" = qq.id))
                                 ORDER BY q.position)
                 FROM "QuizAttemptQuestion" q
                 -- Each question by its key (OFFSET 0 keeps it a per-row lookup: as a join, the planner expects
                 -- ~130 rows per attempt from the bank-wide statistics and hashes the whole bank instead).
                 CROSS JOIN LATERAL (SELECT x.id, x.kind, x.stem FROM "QuizQuestion" x WHERE x.id = q."questionId"
                                     OFFSET 0) qq
                 WHERE q."attemptId" = a.id)
              END AS questions
       FROM "QuizAttempt" a JOIN "Quiz" z ON z.id = a."quizId"
       WHERE a.id = $1 AND a."personId" = $2`,
      [attemptId, personId, at],
    ),
    getSettings(),
  ]);
  if (!attempt) return { kind: "notFound" as const };
  if (attempt.status === "OPEN" && attempt.deadlineAt <= at) await finaliseAttempt(attempt.id, { auto: true });
  if (attempt.status !== "OPEN" || attempt.deadlineAt <= at || !attempt.questions)
    return { kind: "submitted" as const };

  const c = (s: string) => renderText(s, settings.companyName);
  return {
    kind: "open" as const,
    attempt: {
      id: attempt.id,
      mode: attempt.mode,
      title: attempt.title,
      titleEn: attempt.titleEn,
      secondsLeft: secondsLeft(attempt.deadlineAt, at),
      questionCount: attempt.questionCount,
    },
    questions: attempt.questions.map((r) => ({
      position: r.position,
      kind: r.kind,
      multiple: r.multiple,
      stem: c(r.stem),
      options: r.optionOrder.map((id) => ({ id, text: c(r.options?.[id] ?? "") })),
      selected: r.selected,
    })),
  };
}

export type AttemptForTaking = Awaited<ReturnType<typeof getAttemptForTaking>>;

/** The agent's quiz page: available quizzes, their open attempt, and their history. */
export async function listMyAttempts(personId: string) {
  return db.quizAttempt.findMany({
    where: { personId },
    orderBy: { startedAt: "desc" },
    take: 20,
    select: {
      id: true,
      quizId: true,
      mode: true,
      status: true,
      startedAt: true,
      submittedAt: true,
      scorePercent: true,
      passed: true,
      redLineMissed: true,
      deadlineAt: true,
      quiz: { select: { title: true, titleEn: true } },
    },
  });
}
