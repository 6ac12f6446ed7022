import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

import type { QuestionKindName } from "./question.schema";

export type QuestionFilter = { rule?: string; kind?: QuestionKindName; q?: string };

export async function listQuestions(filter: QuestionFilter) {
  const where: Prisma.QuizQuestionWhereInput = {
    ...(filter.rule ? { rules: { some: { ruleId: filter.rule } } } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.q ? { stem: { contains: filter.q } } : {}),
  };
  const [questions, total] = await Promise.all([
    db.quizQuestion.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 300,
      select: { id: true, kind: true, stem: true, active: true, source: true, rules: { select: { ruleId: true } } },
    }),
    db.quizQuestion.count({ where }),
  ]);
  return { total, questions: questions.map((q) => ({ ...q, rules: q.rules.map((r) => r.ruleId) })) };
}

export async function getQuestion(id: string) {
  const q = await db.quizQuestion.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      stem: true,
      explanation: true,
      active: true,
      source: true,
      rules: { select: { ruleId: true } },
      options: { orderBy: { sortOrder: "asc" }, select: { text: true, isCorrect: true } },
    },
  });
  return (
    q && {
      ...q,
      ruleIds: q.rules.map((r) => r.ruleId),
      options: q.options.map((o) => ({ text: o.text, correct: o.isCorrect })),
    }
  );
}

export async function ruleOptions() {
  const rules = await db.callRule.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      currentVersion: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { titleZh: true, titleEn: true, redLine: true } },
    },
  });
  return rules.map((r) => ({ id: r.id, ...r.versions[0] }));
}
