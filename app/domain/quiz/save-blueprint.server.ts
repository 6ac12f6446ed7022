// A quiz blueprint: which rules, how many questions each, time limit, pass mark, attempts per day, cooldown.
// Attempts already started keep what they drew; the change applies to the next attempt.
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { checkDraws } from "./blueprint-queries.server";
import type { BlueprintInput } from "./blueprint.schema";
import { forgetQuizCatalogue, notifyQuizChange } from "./quiz-catalogue.server";

export async function saveBlueprint(actor: { id: string; employeeNo: string }, quizId: string, input: BlueprintInput) {
  const checked = await checkDraws(input.draws);
  if (!checked.ok) return checked;
  const { draws } = checked;
  return db
    .$transaction(async (tx) => {
      const quiz = await tx.quiz.findUnique({ where: { id: quizId }, select: { id: true } });
      if (!quiz) return { ok: false as const, error: "errors.notFound", status: 404 as const };
      const { draws: _ignored, ...fields } = input;
      await tx.quiz.update({ where: { id: quizId }, data: fields });
      await tx.quizRuleDraw.deleteMany({ where: { quizId } });
      await tx.quizRuleDraw.createMany({ data: draws.map(([ruleId, count]) => ({ quizId, ruleId, count })) });
      await notifyQuizChange(tx);
      await writeAudit(tx, {
        actor,
        action: "quiz.blueprint_saved",
        entityType: "Quiz",
        entityId: quizId,
        summary: { ...fields, draws: Object.fromEntries(draws) },
      });
      return { ok: true as const };
    })
    .finally(forgetQuizCatalogue);
}
