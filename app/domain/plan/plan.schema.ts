import { z } from "zod";

import { messageKey, optionalText } from "~/utils/validation";

import { CATEGORIES, DELIVERY_MODES, LECTURER_TYPES, hours, money, monthsOf, positiveInt, shortText } from "./fields";
import { categoryMismatch, lecturerMismatch } from "./plan-rules";

export const CreatePlanSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  title: optionalText(100),
});

/** One line of 《年度培训计划表》; months belong to the plan's year. */
export const planItemSchema = (year: number) =>
  z
    .object({
      title: shortText(100),
      category: z.enum(CATEGORIES),
      months: monthsOf(year),
      targetPeople: shortText(200),
      sessions: positiveInt(999),
      hoursPerSession: hours(),
      delivery: z.enum(DELIVERY_MODES),
      lecturerType: z.enum(LECTURER_TYPES),
      budget: money(),
      headcount: positiveInt(9999),
      departmentId: z.string().trim().min(1, "validation.required").max(40),
      // 讲师: an internal person (internal lecturer) or an outside trainer's name; neither is "to be decided".
      lecturerId: optionalText(40),
      lecturerName: optionalText(100),
      needIds: z.preprocess(
        (v) => (v === undefined || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.string().max(40)).max(200),
      ),
    })
    .superRefine((item, ctx) => {
      const mismatch = categoryMismatch(item);
      if (mismatch) ctx.addIssue({ code: "custom", path: [mismatch.field], message: mismatch.message });
      const lecturer = lecturerMismatch(item);
      if (lecturer) ctx.addIssue({ code: "custom", path: [lecturer.field], message: lecturer.message });
      // Each month the item is held in has a session of its own, so the totals by month count it there.
      if (item.sessions < item.months.length)
        ctx.addIssue({
          code: "custom",
          path: ["sessions"],
          message: messageKey("plan.validation.sessionsPerMonth", { months: item.months.length }),
        });
    });
export type PlanItemInput = z.output<ReturnType<typeof planItemSchema>>;
