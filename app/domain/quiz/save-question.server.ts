// Creating and editing questions, one at a time (the form) or many in one transaction (imports).
// An edit keeps the ids of options whose text is unchanged, so an attempt in progress still finds them.
import { randomUUID } from "node:crypto";

import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

import type { QuestionInput } from "./question.schema";
import { forgetQuizCatalogue, notifyQuizChange } from "./quiz-catalogue.server";

type Actor = { id: string; employeeNo: string };

/** `review`: imported questions, which start inactive and wait for a reviewer to activate them. */
export async function insertQuestions(
  tx: Tx,
  questions: QuestionInput[],
  source: string,
  review?: { batchId: string },
) {
  const at = now();
  const rows = questions.map((q) => ({ id: randomUUID(), q }));
  await tx.quizQuestion.createMany({
    data: rows.map(({ id, q }) => ({
      id,
      kind: q.kind,
      stem: q.stem,
      explanation: q.explanation,
      active: review ? false : q.active,
      reviewPending: Boolean(review),
      importBatchId: review?.batchId ?? null,
      source,
      createdAt: at,
      updatedAt: at,
    })),
  });
  await tx.quizOption.createMany({
    data: rows.flatMap(({ id, q }) =>
      q.options.map((o, i) => ({
        id: randomUUID(),
        questionId: id,
        text: o.text,
        isCorrect: o.correct,
        sortOrder: i,
        feedback: o.feedback ?? null,
      })),
    ),
  });
  await tx.quizQuestionRule.createMany({
    data: rows.flatMap(({ id, q }) => q.ruleIds.map((ruleId) => ({ questionId: id, ruleId }))),
  });
  return rows.map((r) => r.id);
}

export async function replaceQuestion(tx: Tx, id: string, q: QuestionInput) {
  // A question waiting for review is activated only by the review (previewed, duplicates confirmed,
  // audited), never by ticking "active" on the form or in a spreadsheet.
  const pending = (await tx.quizQuestion.findUnique({ where: { id }, select: { reviewPending: true } }))?.reviewPending;
  await tx.quizQuestion.update({
    where: { id },
    data: { kind: q.kind, stem: q.stem, explanation: q.explanation, active: pending ? false : q.active },
  });
  const current = await tx.quizOption.findMany({
    where: { questionId: id },
    orderBy: { sortOrder: "asc" },
    select: { id: true, text: true, isCorrect: true },
  });
  // Options whose text is unchanged keep their id, so an attempt in progress still shows them.
  const kept = new Set<string>();
  for (const [i, o] of q.options.entries()) {
    const same = current.find((c) => c.text === o.text && !kept.has(c.id));
    if (same) {
      kept.add(same.id);
      await tx.quizOption.update({
        where: { id: same.id },
        data: { isCorrect: o.correct, sortOrder: i, ...(o.feedback !== undefined ? { feedback: o.feedback } : {}) },
      });
    } else {
      kept.add(
        (
          await tx.quizOption.create({
            data: { questionId: id, text: o.text, isCorrect: o.correct, sortOrder: i, feedback: o.feedback ?? null },
            select: { id: true },
          })
        ).id,
      );
    }
  }
  await tx.quizOption.deleteMany({ where: { questionId: id, id: { notIn: [...kept] } } });
  await tx.quizQuestionRule.deleteMany({ where: { questionId: id } });
  await tx.quizQuestionRule.createMany({ data: q.ruleIds.map((ruleId) => ({ questionId: id, ruleId })) });
}

export async function saveQuestion(
  actor: Actor,
  id: string | null,
  q: QuestionInput,
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  return db
    .$transaction(async (tx) => {
      let questionId = id;
      if (questionId) {
        if (!(await tx.quizQuestion.findUnique({ where: { id: questionId }, select: { id: true } })))
          return { ok: false as const, error: "errors.notFound" };
        await replaceQuestion(tx, questionId, q);
      } else {
        [questionId] = await insertQuestions(tx, [q], "manual");
      }
      await notifyQuizChange(tx);
      await writeAudit(tx, {
        actor,
        action: "quiz.question_saved",
        entityType: "QuizQuestion",
        entityId: questionId,
        summary: { kind: q.kind, ruleIds: q.ruleIds, active: q.active, created: !id },
      });
      return { ok: true as const, id: questionId! };
    })
    .finally(forgetQuizCatalogue);
}
