// One definition of a valid question, shared by the edit form, the .xlsx import and the Moodle/GIFT imports.
import { z } from "zod";

import { messageKey } from "~/utils/validation";

export const QUESTION_KINDS = ["SINGLE", "MULTIPLE", "TRUE_FALSE", "SCENARIO"] as const;
export type QuestionKindName = (typeof QUESTION_KINDS)[number];
export const MAX_OPTIONS = 6;

export type QuestionInput = {
  kind: QuestionKindName;
  stem: string;
  explanation: string;
  ruleIds: string[];
  /** `feedback` is shown with its option (imports from Moodle/GIFT); left out, an edit keeps what was there. */
  options: Array<{ text: string; correct: boolean; feedback?: string }>;
  active: boolean;
};

export const QuestionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    stem: z.string().trim().min(4).max(1000),
    explanation: z.string().trim().min(4).max(2000),
    ruleIds: z.array(z.string().trim().min(1).max(10)).min(1, "quiz.questions.errors.noRule").max(6),
    options: z
      .array(z.object({ text: z.string().trim().min(1).max(300), correct: z.boolean() }))
      .min(2, "quiz.questions.errors.tooFewOptions")
      .max(MAX_OPTIONS, messageKey("quiz.questions.errors.tooManyOptions", { max: MAX_OPTIONS })),
    active: z.boolean(),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "quiz.questions.errors.noCorrect" });
    else if (q.kind !== "MULTIPLE" && correct > 1)
      ctx.addIssue({ code: "custom", path: ["options"], message: "quiz.questions.errors.oneCorrect" });
    if (q.kind === "TRUE_FALSE" && q.options.length !== 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "quiz.questions.errors.trueFalseTwo" });
    if (new Set(q.options.map((o) => o.text)).size !== q.options.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "quiz.questions.errors.duplicateOption" });
  });

/** The edit form's fields (option0…option5, correct=index, ruleIds) into a QuestionInput to check. */
export function questionFromForm(form: FormData): unknown {
  const correct = new Set(form.getAll("correct").map(String));
  const options = Array.from({ length: MAX_OPTIONS }, (_, i) => ({
    text: String(form.get(`option${i}`) ?? "").trim(),
    correct: correct.has(String(i)),
  })).filter((o) => o.text !== "");
  return {
    kind: form.get("kind"),
    stem: form.get("stem") ?? "",
    explanation: form.get("explanation") ?? "",
    ruleIds: form.getAll("ruleIds").map(String),
    options,
    active: form.get("active") === "on" || form.get("active") === "true",
  };
}

/** Checks rule ids against the catalogue on top of the schema. */
export function checkQuestion(
  raw: unknown,
  knownRuleIds: ReadonlySet<string>,
): { ok: true; value: QuestionInput } | { ok: false; errors: Record<string, string> } {
  const parsed = QuestionSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message;
    return { ok: false, errors };
  }
  const unknown = parsed.data.ruleIds.filter((id) => !knownRuleIds.has(id));
  if (unknown.length)
    return {
      ok: false,
      errors: { ruleIds: messageKey("quiz.questions.errors.unknownRule", { rules: unknown.join(", ") }) },
    };
  return { ok: true, value: { ...parsed.data, ruleIds: [...new Set(parsed.data.ruleIds)] } };
}
