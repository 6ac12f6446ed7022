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
 * The message when a planned item asks for more people than its annual item plans for the month and
 * gives no reason; null when it is within (or the annual item sets no figure).
 */
export function overAnnualHeadcount(
  item: { headcount: number; unplannedReason?: string | null },
  cap: number | null,
): string | null {
  if (cap === null || item.headcount <= cap || item.unplannedReason) return null;
  return `monthlyPlan.validation.overAnnualHeadcount::${JSON.stringify({ count: cap })}`;
}

/**
 * One item of the month. An item the annual plan does not hold is unplanned and must say why
 * (`unplanned` is decided by the server from the stored item, never by the form). A planned item
 * over its annual item's headcount for the month (`cap`) must say why too.
 */
export const monthlyItemSchema = (unplanned: boolean, cap: number | null = null) =>
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
      const over = unplanned ? null : overAnnualHeadcount(v, cap);
      if (over) ctx.addIssue({ code: "custom", path: ["unplannedReason"], message: over });
    });
export type MonthlyItemInput = z.output<ReturnType<typeof monthlyItemSchema>>;
