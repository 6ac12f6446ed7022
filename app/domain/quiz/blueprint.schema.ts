// A quiz blueprint as the create and edit forms post it, shared by both forms and their actions.
import { z } from "zod";

export const BlueprintSchema = z.object({
  title: z.string().trim().min(2).max(60),
  titleEn: z.string().trim().min(2).max(120),
  timeLimitMinutes: z.coerce.number().int().min(1).max(240),
  passPercent: z.coerce.number().int().min(1).max(100),
  attemptsPerDay: z.coerce.number().int().min(1).max(20),
  cooldownMinutes: z.coerce.number().int().min(0).max(1440),
  active: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  draws: z
    .record(z.string(), z.coerce.number().int().min(0).max(20))
    .refine((d) => Object.values(d).some((n) => n > 0), "quiz.blueprint.errors.noQuestions"),
});
export type BlueprintInput = z.output<typeof BlueprintSchema>;

/** A new quiz also has a code: its stable name (CASE_WORK is the case-work quiz), fixed once created. */
export const NewQuizSchema = BlueprintSchema.extend({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .regex(/^[A-Z][A-Z0-9_]{1,29}$/, "quiz.blueprint.errors.codeFormat"),
});
export type NewQuizInput = z.output<typeof NewQuizSchema>;

// The form posts one draw_<ruleId> field per rule; the schemas read them as one record.
function groupDraws(values: unknown) {
  if (typeof values !== "object" || values === null) return values;
  const draws: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith("draw_")) draws[key.slice(5)] = String(value || "0");
    else rest[key] = value;
  }
  return { ...rest, draws };
}

export const BlueprintFormSchema = z.preprocess(groupDraws, BlueprintSchema);
export const NewQuizFormSchema = z.preprocess(groupDraws, NewQuizSchema);
