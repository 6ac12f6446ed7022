import { z } from "zod";

import { optionalText } from "~/utils/validation";

import { APPROVAL_ACTIONS } from "./approval-rules";

/** A workflow decision from a subject's page: the form carries the revision it was showing. */
export const DecisionSchema = z.object({
  intent: z.enum(APPROVAL_ACTIONS),
  revision: z.coerce.number().int().min(1),
  reason: optionalText(500),
});
