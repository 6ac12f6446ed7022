import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { decodeInstantIdCursor, encodeInstantIdCursor, keysetPage, keysetAfter, keysetRequest } from "~/utils/keyset";

import { bankDuplicates } from "./question-duplicates.server";
import type { QuestionKindName } from "./question.schema";

export const QUESTIONS_PAGE_SIZE = 50;

/** `after` / `before`: keyset cursors (the list is in the order the questions were made, ids breaking ties). */
export type QuestionFilter = {
  rule?: string;
  kind?: QuestionKindName;
  q?: string;
  review?: "pending";
  after?: string;
  before?: string;
};

/** One keyset page of the bank, filtered; `total`: how many match. */
export async function listQuestions(filter: QuestionFilter) {
  const request = keysetRequest(filter, decodeInstantIdCursor);
  const where: Prisma.QuizQuestionWhereInput = {
    ...(filter.rule ? { rules: { some: { ruleId: filter.rule } } } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.q ? { stem: { contains: filter.q } } : {}),
    ...(filter.review === "pending" ? { reviewPending: true } : {}),
  };
  const keyset = keysetAfter("QuizQuestion", "asc", request, ["createdAt", "id"], (c) => [c.at, c.id]);
  const [fetched, total] = await Promise.all([
    db.quizQuestion.findMany({
      where: { AND: [where, keyset.where] },
      orderBy: keyset.orderBy,
      take: QUESTIONS_PAGE_SIZE + 1,
      select: {
        id: true,
        kind: true,
        stem: true,
        active: true,
        source: true,
        reviewPending: true,
        importBatchId: true,
        rules: { select: { ruleId: true } },
        createdAt: true,
      },
    }),
    db.quizQuestion.count({ where }),
  ]);
  const page = keysetPage(fetched, request, QUESTIONS_PAGE_SIZE, (q) =>
    encodeInstantIdCursor({ at: q.createdAt, id: q.id }),
  );
  const questions = page.rows.map(({ createdAt: _made, ...q }) => q);
  // Questions waiting for review are compared with the bank (by key: not every stem), so a duplicate is flagged
  // in the list.
  const duplicates = await bankDuplicates(questions.filter((q) => q.reviewPending));
  return {
    total,
    next: page.next,
    previous: page.previous,
    questions: questions.map((q) => ({
      ...q,
      rules: q.rules.map((r) => r.ruleId),
      duplicateOf: duplicates.get(q.id)?.map((d) => ({ id: d.id, stem: d.stem })) ?? [],
    })),
  };
}

/** Import batches with questions still waiting for review, newest first. */
export async function pendingBatches() {
  const groups = await db.quizQuestion.groupBy({
    by: ["importBatchId", "source"],
    where: { reviewPending: true, importBatchId: { not: null } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return groups
    .map((g) => ({ batchId: g.importBatchId!, source: g.source, count: g._count._all, importedAt: g._min.createdAt! }))
    .sort((a, b) => b.importedAt.getTime() - a.importedAt.getTime());
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
      reviewPending: true,
      rules: { select: { ruleId: true } },
      options: { orderBy: { sortOrder: "asc" }, select: { text: true, isCorrect: true, feedback: true } },
    },
  });
  return (
    q && {
      ...q,
      ruleIds: q.rules.map((r) => r.ruleId),
      options: q.options.map((o) => ({ text: o.text, correct: o.isCorrect, feedback: o.feedback })),
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
