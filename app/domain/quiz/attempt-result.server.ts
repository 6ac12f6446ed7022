// The agent's own submitted attempt for the result page. When the answers are not to be shown
// (a failed attempt by someone not certified, or the company chose "never") the correct options and
// explanations are not even read: the page's data cannot carry them.
import { getCaseWorkClearance } from "~/domain/certification/certification-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { db } from "~/utils/db.server";

import { cooldownEndsAt } from "./quiz-rules";
import { mayShowAnswers, missedPerRule } from "./result-rules";
import { renderText } from "./rule-text";

export async function getAttemptResult(personId: string, attemptId: string) {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, personId },
    select: {
      id: true,
      status: true,
      mode: true,
      submittedAt: true,
      autoSubmitted: true,
      scorePercent: true,
      passPercent: true,
      correctCount: true,
      questionCount: true,
      passed: true,
      redLineMissed: true,
      missedRuleIds: true,
      ruleVersions: true,
      quiz: { select: { id: true, title: true, titleEn: true, cooldownMinutes: true } },
    },
  });
  if (!attempt) return null;
  if (attempt.status === "OPEN") return { ...attempt, open: true as const };
  const settings = await getSettings();
  const passed = attempt.passed === true;
  const certified =
    !passed && settings.showAnswers !== "never" && ((await getCaseWorkClearance(personId))?.cleared ?? false);
  const answersShown = mayShowAnswers({ passed, certified, showAnswers: settings.showAnswers });

  const versions = attempt.ruleVersions as Record<string, number>;
  const [missed, rules] = await Promise.all([
    db.quizAttemptQuestion.findMany({
      where: { attemptId, correct: false },
      orderBy: { position: "asc" },
      select: { position: true, selected: true, optionOrder: true, ruleIds: true, redLine: true, questionId: true },
    }),
    db.callRuleVersion.findMany({
      where: { OR: attempt.missedRuleIds.map((ruleId) => ({ ruleId, version: versions[ruleId] ?? 1 })) },
      select: { ruleId: true, titleZh: true, titleEn: true, textZh: true, textEn: true, redLine: true },
    }),
  ]);
  const c = (s: string) => renderText(s, settings.companyName);
  const counts = missedPerRule(missed);
  const { ruleVersions: _versions, ...shown } = attempt;
  return {
    ...shown,
    open: false as const,
    answersShown,
    showAnswers: settings.showAnswers,
    retryAt:
      attempt.submittedAt && !attempt.passed ? cooldownEndsAt(attempt.submittedAt, attempt.quiz.cooldownMinutes) : null,
    // Red-line rules first: they are why a high score can still fail.
    missedRules: attempt.missedRuleIds
      .map((id) => rules.find((r) => r.ruleId === id))
      .filter((r) => r !== undefined)
      .sort((a, b) => Number(b.redLine) - Number(a.redLine))
      .map((r) => ({ ...r, textZh: c(r.textZh), textEn: c(r.textEn), missedCount: counts.get(r.ruleId) ?? 0 })),
    wrong: answersShown ? await explainMissed(missed, c) : [],
  };
}

/** Each missed question with the agent's answer, the correct one and the explanation (only when they may be shown). */
async function explainMissed(
  missed: Array<{
    position: number;
    selected: string[];
    optionOrder: string[];
    ruleIds: string[];
    redLine: boolean;
    questionId: string;
  }>,
  c: (s: string) => string,
) {
  const questions = await db.quizQuestion.findMany({
    where: { id: { in: missed.map((q) => q.questionId) } },
    select: {
      id: true,
      stem: true,
      explanation: true,
      options: { select: { id: true, text: true, isCorrect: true, feedback: true } },
    },
  });
  const byQuestion = new Map(questions.map((q) => [q.id, q]));
  return missed.map((q) => {
    const question = byQuestion.get(q.questionId)!;
    const byId = new Map(question.options.map((o) => [o.id, o]));
    return {
      position: q.position,
      ruleIds: q.ruleIds,
      redLine: q.redLine,
      stem: c(question.stem),
      explanation: c(question.explanation),
      yours: q.selected.map((id) => c(byId.get(id)?.text ?? "")),
      // What the question's author wrote for the options this person chose (Moodle's per-answer feedback).
      feedback: q.selected.flatMap((id) => {
        const text = byId.get(id)?.feedback?.trim();
        return text ? [c(text)] : [];
      }),
      correct: q.optionOrder
        .map((id) => byId.get(id))
        .filter((o) => o?.isCorrect)
        .map((o) => c(o!.text)),
    };
  });
}
