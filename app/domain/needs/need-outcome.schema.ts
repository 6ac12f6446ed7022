import { z } from "zod";

import { optionalText } from "~/utils/validation";

import { MARKED_OUTCOMES } from "./need-outcome-rules";

/** The training manager's mark on one need: adopted or merged into a plan item, or not adopted with a reason. */
export const NeedOutcomeSchema = z
  .object({
    needId: z.string().trim().min(1).max(40),
    outcome: z.enum(MARKED_OUTCOMES, { message: "validation.required" }),
    planItemId: optionalText(40),
    reason: optionalText(500),
    // The need as the manager saw it: a mark made meanwhile by someone else wins, this one gets 409.
    updatedAt: z.string().trim().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "NOT_ADOPTED" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "validation.required" });
    if (v.outcome !== "NOT_ADOPTED" && !v.planItemId)
      ctx.addIssue({ code: "custom", path: ["planItemId"], message: "validation.required" });
  });
export type NeedOutcomeInput = z.output<typeof NeedOutcomeSchema>;
