// Submitting a course plan: the workflow's decision, with the drafter's acknowledgement of what it is over
// (budget) or clashes with, and why it goes ahead.
import { z } from "zod";

import { optionalText } from "~/utils/validation";
import { DecisionSchema } from "~/workflow/approval.schema";

export const SubmitCourseSchema = DecisionSchema.extend({
  intent: z.literal("SUBMIT"),
  acknowledged: z.literal("on").optional(),
  acknowledgement: optionalText(500),
});
export type SubmitCourseInput = z.infer<typeof SubmitCourseSchema>;

/** The course page's other decisions, unchanged. */
export const OtherDecisionSchema = DecisionSchema.extend({
  intent: z.enum(["APPROVE", "REJECT", "REOPEN", "WITHDRAW"]),
});
