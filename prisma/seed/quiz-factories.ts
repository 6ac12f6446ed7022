// Builders for rules, questions and quiz blueprints, shared by the demo seed, the tests and the benchmark.
import { randomUUID } from "node:crypto";

import { now } from "../../app/utils/clock.server";
import type { Tx } from "../../app/utils/db.server";

import type { QuestionSeed } from "./quiz-bank-1";
import type { RuleSeed } from "./quiz-rules-data";

export type BlueprintSeed = {
  code: string;
  title: string;
  titleEn: string;
  grantsCertification: boolean;
  timeLimitMinutes: number;
  passPercent: number;
  attemptsPerDay: number;
  cooldownMinutes: number;
  draws: Array<{ ruleId: string; count: number }>;
};

export const caseWorkBlueprint = (rules: RuleSeed[]): BlueprintSeed => ({
  code: "CASE_WORK",
  title: "案件作业资格考核",
  titleEn: "Case-work qualification quiz",
  grantsCertification: true,
  timeLimitMinutes: 30,
  passPercent: 90,
  attemptsPerDay: 3,
  cooldownMinutes: 30,
  draws: rules.map((r) => ({ ruleId: r.id, count: 1 })),
});

/** Rules (version 1), questions with options and rule tags, and one blueprint; returns the quiz id. */
export async function seedQuizBank(
  tx: Tx,
  input: {
    rules: RuleSeed[];
    questions: QuestionSeed[];
    rulesEffectiveAt: Date;
    blueprint?: BlueprintSeed;
    source?: string;
  },
) {
  const { rules, questions } = input;
  await tx.callRule.createMany({
    data: rules.map((r, i) => ({ id: r.id, group: r.group, sortOrder: i + 1, currentVersion: 1 })),
  });
  await tx.callRuleVersion.createMany({
    data: rules.map((r) => ({
      ruleId: r.id,
      version: 1,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      textZh: r.textZh,
      textEn: r.textEn,
      redLine: r.redLine,
      effectiveAt: input.rulesEffectiveAt,
    })),
  });
  await createQuestions(tx, questions, input.source ?? "seed", input.rulesEffectiveAt);
  const blueprint = input.blueprint ?? caseWorkBlueprint(rules);
  const { draws, ...quiz } = blueprint;
  const created = await tx.quiz.create({
    data: { ...quiz, draws: { createMany: { data: draws } } },
    select: { id: true },
  });
  return created.id;
}

export async function createQuestions(tx: Tx, questions: QuestionSeed[], source: string, createdAt = now()) {
  const rows = questions.map((q) => ({ id: randomUUID(), q }));
  await tx.quizQuestion.createMany({
    data: rows.map(({ id, q }) => ({ id, kind: q.kind, stem: q.stem, explanation: q.explanation, source, createdAt })),
  });
  await tx.quizOption.createMany({
    data: rows.flatMap(({ id, q }) =>
      q.options.map((text, i) => ({
        id: randomUUID(),
        questionId: id,
        text,
        isCorrect: q.correct.includes(i),
        sortOrder: i,
      })),
    ),
  });
  await tx.quizQuestionRule.createMany({
    data: rows.flatMap(({ id, q }) => q.rules.map((ruleId) => ({ questionId: id, ruleId }))),
  });
  return rows.map((r) => r.id);
}
