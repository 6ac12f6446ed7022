// One generated attempt's questions and answers (pure, no I/O): which questions of the bank it draws
// (as the app does: `count` per rule of the blueprint, never one twice, in a shuffled order), the order
// each shows its options in, what was chosen, and the score the app's own rule (scoreAttempt) gives
// those answers — so an attempt's totals always agree with its rows.
import { scoreAttempt } from "../../app/domain/quiz/quiz-rules";

import type { Rng } from "./random";

export type BankQuestion = {
  id: string;
  kind: "SINGLE" | "MULTIPLE" | "TRUE_FALSE" | "SCENARIO";
  /** In the bank's order (sortOrder). */
  optionIds: string[];
  correctIds: string[];
  ruleIds: string[];
  /** One of its rules is a red line (in the version the attempts test). */
  redLine: boolean;
};

export type AnsweredQuestion = {
  question: BankQuestion;
  optionOrder: string[];
  selected: string[];
  correct: boolean;
};

function shuffled<T>(items: readonly T[], r: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `count` questions for each rule, none twice (a question with two rules serves the first that draws it), shuffled. */
export function drawFromBank(
  byRule: ReadonlyMap<string, readonly BankQuestion[]>,
  draws: ReadonlyArray<{ ruleId: string; count: number }>,
  r: Rng,
): BankQuestion[] {
  const taken = new Set<string>();
  const picked: BankQuestion[] = [];
  for (const { ruleId, count } of draws) {
    const pool = byRule.get(ruleId) ?? [];
    for (let n = 0, tries = 0; n < count && tries < count * 8; tries++) {
      const q = pool[Math.floor(r.next() * pool.length)];
      if (!q || taken.has(q.id)) continue;
      taken.add(q.id);
      picked.push(q);
      n++;
    }
  }
  return shuffled(picked, r);
}

/** A wrong answer: another option; for multiple choice one right option left out, or one wrong one added. */
function wrongAnswer(q: BankQuestion, r: Rng): string[] {
  const wrongIds = q.optionIds.filter((id) => !q.correctIds.includes(id));
  if (q.kind !== "MULTIPLE") return [r.pick(wrongIds)];
  if (q.correctIds.length > 1 && (wrongIds.length === 0 || r.chance(0.5))) {
    const left = r.pick(q.correctIds);
    return q.correctIds.filter((id) => id !== left);
  }
  return [...q.correctIds, r.pick(wrongIds)];
}

/**
 * Answers `questions` with `wrong` of them wrong (at random; `spareRedLines`: never a red-line question,
 * for an attempt meant to pass) and scores them with the app's rule.
 */
export function answerAttempt(
  questions: readonly BankQuestion[],
  wrong: number,
  spareRedLines: boolean,
  passPercent: number,
  r: Rng,
) {
  const candidates = questions.flatMap((q, i) => (spareRedLines && q.redLine ? [] : [i]));
  const missed = new Set(shuffled(candidates, r).slice(0, wrong));
  const answers: AnsweredQuestion[] = questions.map((question, i) => ({
    question,
    // True/false keeps 正确 before 错误; every other kind shows its options in a per-attempt order.
    optionOrder: question.kind === "TRUE_FALSE" ? question.optionIds : shuffled(question.optionIds, r),
    selected: missed.has(i) ? wrongAnswer(question, r) : question.correctIds,
    correct: !missed.has(i),
  }));
  const score = scoreAttempt(
    answers.map((a) => ({
      ruleIds: a.question.ruleIds,
      redLine: a.question.redLine,
      correctOptionIds: a.question.correctIds,
      selected: a.selected,
    })),
    passPercent,
  );
  return { answers, score };
}

/** The most questions of `n` one may miss and still reach `passPercent` (scores are rounded down). */
export function mostMissedToPass(n: number, passPercent: number): number {
  let w = 0;
  while (w < n && Math.floor(((n - w - 1) * 100) / n) >= passPercent) w++;
  return w;
}
