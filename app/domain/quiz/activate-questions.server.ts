// Activating imported questions after review: one by one, or a whole import batch at once. Only
// questions still waiting for review are touched; a stem already in the bank must be confirmed first.
// Each activated question gets its own audit entry, and the draw pool is refreshed after commit.
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";

import { bankDuplicates } from "./question-duplicates.server";
import { forgetQuizCatalogue, notifyQuizChange } from "./quiz-catalogue.server";

type Actor = { id: string; employeeNo: string };
export type ActivateTarget = { questionId: string } | { batchId: string };
export type ActivateOutcome =
  { ok: true; activated: number } | { ok: false; error: string; status?: number; duplicates?: string[] };

export async function activateQuestions(
  actor: Actor,
  target: ActivateTarget,
  options: { confirmDuplicates: boolean },
): Promise<ActivateOutcome> {
  const where = "questionId" in target ? { id: target.questionId } : { importBatchId: target.batchId };
  const pending = await db.quizQuestion.findMany({
    where: { ...where, reviewPending: true },
    select: { id: true, stem: true, importBatchId: true },
  });
  if (pending.length === 0) return { ok: false, error: "errors.notFound", status: 404 };
  const duplicates = await bankDuplicates(pending);
  if (duplicates.size && !options.confirmDuplicates)
    return {
      ok: false,
      error: messageKey("quiz.review.errors.duplicates", { count: duplicates.size }),
      duplicates: [...duplicates.keys()],
    };
  const activated = await db
    .$transaction(async (tx) => {
      let count = 0;
      for (const q of pending) {
        // Only if still waiting: a parallel activation of the same question counts once.
        const done = await tx.quizQuestion.updateMany({
          where: { id: q.id, reviewPending: true },
          data: { reviewPending: false, active: true },
        });
        if (done.count === 0) continue;
        count += 1;
        await writeAudit(tx, {
          actor,
          action: "quiz.question_activated",
          entityType: "QuizQuestion",
          entityId: q.id,
          summary: {
            batchId: q.importBatchId,
            stem: q.stem.slice(0, 80),
            duplicateOf: duplicates.get(q.id)?.map((d) => d.id) ?? [],
          },
        });
      }
      if (count > 0) await notifyQuizChange(tx);
      return count;
    })
    .finally(forgetQuizCatalogue);
  return { ok: true, activated };
}
