// The session archive page's forms, told apart by `intent` (the scan upload is a multipart post of the file).
import { z } from "zod";

import { Id } from "~/utils/params";

import { OUTCOMES } from "./archive-rules";

export const ArchiveIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("close"), unmarkedAsAbsent: z.literal("on").optional() }),
  z.object({
    intent: z.literal("amend"),
    recordId: Id,
    outcome: z.enum(OUTCOMES, { message: "archive.amend.pickOutcome" }),
    // Checked by the use-case (a reason is required), so the rule holds for every caller.
    reason: z.string().max(2000).default(""),
  }),
]);
