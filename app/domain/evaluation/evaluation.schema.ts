import { z } from "zod";

import { keysetQuery } from "~/utils/keyset";
import { optionalText } from "~/utils/validation";

import { COMMENT_MAX } from "./evaluation-rules";

// One rating: the radio group posts "1"…"5"; nothing chosen is its own message, not a generic one.
const score = z
  .string({ error: "evaluation.errors.pickScore" })
  .refine((v) => /^[1-5]$/.test(v), "evaluation.errors.pickScore")
  .transform(Number);

/** The satisfaction form: four ratings (1–5) and an optional comment. */
export const SurveyAnswerSchema = z.object({
  course: score,
  lecturer: score,
  venue: score,
  usefulness: score,
  comment: optionalText(COMMENT_MAX),
});
export type SurveyAnswer = z.output<typeof SurveyAnswerSchema>;

/** The results' filters: a year (default: the company's current year) and a page. */
export const ResultsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  ...keysetQuery,
});
