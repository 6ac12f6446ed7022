// Reads shaped for the attempt pages. While an attempt is open nothing here selects isCorrect or an
// explanation: the correct answers cannot reach the browser before the attempt is submitted.
import { db } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { getSettings } from "~/domain/settings/settings.server";
import { renderText } from "./rule-text";
import { secondsLeft } from "./quiz-rules";
import { finaliseAttempt } from "./submit-attempt.server";

/**
 * The agent's own open attempt with all its questions (the page shows one at a time, so moving between
 * them needs no request); "submitted" when it is finished or has just run out of time.
 */
export async function getAttemptForTaking(personId: string, attemptId: string) {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, personId },
    select: { id: true, status: true, mode: true, deadlineAt: true, questionCount: true, quiz: { select: { title: true, titleEn: true } } },
  });
  if (!attempt) return { kind: "notFound" as const };
  const at = now();
  if (attempt.status === "OPEN" && attempt.deadlineAt <= at) await finaliseAttempt(attempt.id, { auto: true });
  if (attempt.status !== "OPEN" || attempt.deadlineAt <= at) return { kind: "submitted" as const };

  const [rows, settings] = await Promise.all([
    db.quizAttemptQuestion.findMany({
      where: { attemptId },
      orderBy: { position: "asc" },
      // Explicit fields only: never isCorrect, never the explanation.
      select: { position: true, optionOrder: true, selected: true, multiple: true, question: { select: { kind: true, stem: true, options: { select: { id: true, text: true } } } } },
    }),
    getSettings(),
  ]);
  const c = (s: string) => renderText(s, settings.companyName);
  return {
    kind: "open" as const,
    attempt: { id: attempt.id, mode: attempt.mode, title: attempt.quiz.title, titleEn: attempt.quiz.titleEn, secondsLeft: secondsLeft(attempt.deadlineAt, at), questionCount: attempt.questionCount },
    questions: rows.map((r) => {
      const text = new Map(r.question.options.map((o) => [o.id, o.text]));
      return { position: r.position, kind: r.question.kind, multiple: r.multiple, stem: c(r.question.stem), options: r.optionOrder.map((id) => ({ id, text: c(text.get(id) ?? "") })), selected: r.selected };
    }),
  };
}

/** The agent's own submitted attempt: score, the rules missed with their text, and each wrong answer explained. */
export async function getAttemptResult(personId: string, attemptId: string) {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, personId },
    select: {
      id: true, status: true, mode: true, submittedAt: true, autoSubmitted: true, scorePercent: true, passPercent: true, correctCount: true, questionCount: true, passed: true, redLineMissed: true, missedRuleIds: true, ruleVersions: true,
      quiz: { select: { id: true, title: true, titleEn: true, cooldownMinutes: true } },
    },
  });
  if (!attempt) return null;
  if (attempt.status === "OPEN") return { ...attempt, open: true as const };
  const [questions, settings] = await Promise.all([
    db.quizAttemptQuestion.findMany({
      where: { attemptId, correct: false },
      orderBy: { position: "asc" },
      select: { position: true, selected: true, optionOrder: true, ruleIds: true, redLine: true, question: { select: { stem: true, explanation: true, options: { select: { id: true, text: true, isCorrect: true } } } } },
    }),
    getSettings(),
  ]);
  const versions = attempt.ruleVersions as Record<string, number>;
  const rules = await db.callRuleVersion.findMany({
    where: { OR: attempt.missedRuleIds.map((ruleId) => ({ ruleId, version: versions[ruleId] ?? 1 })) },
    select: { ruleId: true, titleZh: true, titleEn: true, textZh: true, textEn: true, redLine: true },
  });
  const c = (s: string) => renderText(s, settings.companyName);
  return {
    ...attempt,
    open: false as const,
    // Red-line rules first: they are why a high score can still fail.
    missedRules: attempt.missedRuleIds.map((id) => rules.find((r) => r.ruleId === id)).filter((r) => r !== undefined).sort((a, b) => Number(b.redLine) - Number(a.redLine)).map((r) => ({ ...r, textZh: c(r.textZh), textEn: c(r.textEn) })),
    wrong: questions.map((q) => {
      const byId = new Map(q.question.options.map((o) => [o.id, o]));
      return {
        position: q.position, ruleIds: q.ruleIds, redLine: q.redLine, stem: c(q.question.stem), explanation: c(q.question.explanation),
        yours: q.selected.map((id) => c(byId.get(id)?.text ?? "")),
        correct: q.optionOrder.map((id) => byId.get(id)).filter((o) => o?.isCorrect).map((o) => c(o!.text)),
      };
    }),
  };
}

/** The agent's quiz page: available quizzes, their open attempt, and their history. */
export async function listMyAttempts(personId: string) {
  return db.quizAttempt.findMany({
    where: { personId },
    orderBy: { startedAt: "desc" },
    take: 20,
    select: { id: true, quizId: true, mode: true, status: true, startedAt: true, submittedAt: true, scorePercent: true, passed: true, redLineMissed: true, deadlineAt: true, quiz: { select: { title: true, titleEn: true } } },
  });
}
