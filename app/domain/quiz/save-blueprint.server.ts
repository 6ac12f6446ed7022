// A quiz blueprint: which rules, how many questions each, time limit, pass mark, attempts per day, cooldown.
// Attempts already started keep what they drew; the change applies to the next attempt.
import { z } from "zod";
import { db } from "~/utils/db.server";
import { writeAudit } from "~/utils/audit.server";

export const BlueprintSchema = z.object({
  title: z.string().trim().min(2).max(60),
  titleEn: z.string().trim().min(2).max(120),
  timeLimitMinutes: z.coerce.number().int().min(1).max(240),
  passPercent: z.coerce.number().int().min(1).max(100),
  attemptsPerDay: z.coerce.number().int().min(1).max(20),
  cooldownMinutes: z.coerce.number().int().min(0).max(1440),
  active: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  draws: z.record(z.string(), z.coerce.number().int().min(0).max(20)).refine((d) => Object.values(d).some((n) => n > 0), "quiz.blueprint.errors.noQuestions"),
});
export type BlueprintInput = z.output<typeof BlueprintSchema>;

export function blueprintFromForm(form: FormData) {
  const draws: Record<string, string> = {};
  for (const [key, value] of form) if (key.startsWith("draw_")) draws[key.slice(5)] = String(value || "0");
  return { ...Object.fromEntries([...form].filter(([k]) => !k.startsWith("draw_"))), draws };
}

export async function saveBlueprint(actor: { id: string; employeeNo: string }, quizId: string, input: BlueprintInput) {
  const rules = new Set((await db.callRule.findMany({ select: { id: true } })).map((r) => r.id));
  const draws = Object.entries(input.draws).filter(([ruleId, count]) => rules.has(ruleId) && count > 0);
  return db.$transaction(async (tx) => {
    const quiz = await tx.quiz.findUnique({ where: { id: quizId }, select: { id: true } });
    if (!quiz) return { ok: false as const, error: "errors.notFound" };
    const { draws: _ignored, ...fields } = input;
    await tx.quiz.update({ where: { id: quizId }, data: fields });
    await tx.quizRuleDraw.deleteMany({ where: { quizId } });
    await tx.quizRuleDraw.createMany({ data: draws.map(([ruleId, count]) => ({ quizId, ruleId, count })) });
    await writeAudit(tx, { actor, action: "quiz.blueprint_saved", entityType: "Quiz", entityId: quizId, summary: { ...fields, draws: Object.fromEntries(draws) } });
    return { ok: true as const };
  });
}
