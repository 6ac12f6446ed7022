import { z } from "zod";

import { CATEGORIES, money, positiveInt, shortText } from "~/domain/plan/fields";
import { optionalText } from "~/utils/validation";

import { parseYearMonth } from "./monthly-plan-rules";

export const CreateMonthlyPlanSchema = z.object({
  month: z
    .string()
    .trim()
    .min(1, "validation.required")
    .refine((v) => parseYearMonth(v) !== null, "monthlyPlan.validation.month"),
});

/**
 * One item of the month. An item the annual plan does not hold is unplanned and must say why
 * (`unplanned` is decided by the server from the stored item, never by the form).
 */
export const monthlyItemSchema = (unplanned: boolean) =>
  z
    .object({
      title: shortText(100),
      category: z.enum(CATEGORIES),
      targetPeople: shortText(200),
      headcount: positiveInt(9999),
      sessions: positiveInt(999),
      budget: money(),
      unplannedReason: optionalText(500),
    })
    .superRefine((v, ctx) => {
      if (unplanned && !v.unplannedReason)
        ctx.addIssue({ code: "custom", path: ["unplannedReason"], message: "monthlyPlan.validation.reasonRequired" });
    });
export type MonthlyItemInput = z.output<ReturnType<typeof monthlyItemSchema>>;
