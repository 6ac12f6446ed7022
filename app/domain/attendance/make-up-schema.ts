// The make-up pages' inputs: a trainee's accept form, and the clerk's list filters (bad values fall back).
import { z } from "zod";

import { keysetQuery } from "~/utils/keyset";
import { Id } from "~/utils/params";

import { MAKE_UP_VIEWS } from "./make-up-views";

export const AcceptMakeUpSchema = z.object({
  intent: z.literal("accept"),
  missedSessionId: Id,
  sessionId: Id,
  // Never needed (the trainee is the one signed in); when a form names someone else it is refused.
  personId: z.string().trim().max(64).optional(),
});

export const MakeUpListQuery = z.object({
  view: z.enum(MAKE_UP_VIEWS).catch("owed"),
  departmentId: z.string().trim().max(64).optional().catch(undefined),
  courseId: z.string().trim().max(64).optional().catch(undefined),
  ...keysetQuery,
});
