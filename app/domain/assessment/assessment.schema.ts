// The pre-job assessment form (《员工岗前培训考核表》) as the page, the browser's check and the action share it.
import { z } from "zod";

import { Id } from "~/utils/params";

export const ASSESSMENT_RESULTS = ["PASS", "EXTEND", "FAIL"] as const;
export type AssessmentResultName = (typeof ASSESSMENT_RESULTS)[number];

/** The four items scored on the form, in its order. */
export const SCORE_FIELDS = ["attendanceScore", "quizScore", "practiceScore", "attitudeScore"] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

export const MAX_COMMENTS = 1000;

const score = z.coerce.number().int().min(0).max(100);
const optionalId = z.preprocess((v) => (v === "" ? undefined : v), Id.optional());

const fields = z.object({
  /** The onboarding course the assessment follows (optional: a new hire may be assessed without one). */
  courseId: optionalId,
  attendanceScore: score,
  quizScore: score,
  practiceScore: score,
  attitudeScore: score,
  result: z.enum(ASSESSMENT_RESULTS),
  comments: z.string().trim().max(MAX_COMMENTS).default(""),
});

// Extending onboarding or failing a new hire is explained: the head signs off on the reasons, not a number.
const commentsWhenNotPassed = <T extends { result: AssessmentResultName; comments: string }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.result !== "PASS" && value.comments.length === 0)
    ctx.addIssue({ code: "custom", path: ["comments"], message: "assessment.errors.commentsRequired" });
};

/** Filing a new form for a new hire. */
export const AssessmentFormSchema = fields.safeExtend({ personId: Id }).superRefine(commentsWhenNotPassed);
export type AssessmentFormInput = z.output<typeof AssessmentFormSchema>;

/** The assessor's revision of a form the head returned: the same items, for the same person. */
export const AssessmentRevisionSchema = fields
  .safeExtend({ intent: z.literal("revise"), revision: z.coerce.number().int().min(1) })
  .superRefine(commentsWhenNotPassed);
export type AssessmentRevisionInput = z.output<typeof AssessmentRevisionSchema>;
