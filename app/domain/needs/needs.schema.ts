import { z } from "zod";

import { CalendarDateSchema } from "~/domain/people/people.schema";
import {
  CATEGORIES,
  DELIVERY_MODES,
  PRIORITIES,
  hours,
  money,
  monthsOf,
  positiveInt,
  shortText,
} from "~/domain/plan/fields";
import { optionalText } from "~/utils/validation";

import { hasOptions } from "./needs-rules";

export const QUESTION_KINDS = ["SINGLE", "MULTIPLE", "TEXT", "RATING"] as const;

export const OpenSurveySchema = z.object({
  // The company's this year and next are checked when opening (openSurvey); this only keeps the number sane.
  year: z.coerce.number().int().min(2000).max(2100),
  deadline: CalendarDateSchema.pipe(z.date({ error: "validation.required" })),
  note: optionalText(1000),
  requirements: optionalText(2000),
});

/** Why a form is returned or a survey cancelled: told to those it concerns and kept in the audit log. */
export const NeedsReasonSchema = z.object({ reason: shortText(500) });

export const RequirementsSchema = z.object({ requirements: optionalText(2000) });

/** 《部门年度培训需求调查表》, one line; months belong to the survey's year. */
export const needItemSchema = (year: number) =>
  z.object({
    topic: shortText(100),
    category: z.enum(CATEGORIES),
    targetPeople: shortText(200),
    headcount: positiveInt(9999),
    months: monthsOf(year),
    hours: hours(),
    delivery: z.enum(DELIVERY_MODES),
    cost: money(),
    priority: z.enum(PRIORITIES),
    reason: shortText(1000),
    problemArea: optionalText(500),
  });
export type NeedItemInput = z.output<ReturnType<typeof needItemSchema>>;

const lines = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  z.array(z.string().max(100)).max(12),
);

export const QuestionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    text: shortText(300),
    options: lines,
    required: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  })
  .refine((q) => (hasOptions(q.kind) ? q.options.length >= 2 : true), {
    path: ["options"],
    message: "needs.validation.twoOptions",
  });
export type QuestionInput = z.output<typeof QuestionSchema>;

const questionId = z.string().trim().min(1).max(40);

/** What a post to the questions page asks for; a save without a question id adds one. */
export const QuestionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), questionId: questionId.optional().or(z.literal("")) }),
  z.object({ intent: z.literal("delete"), questionId }),
  z.object({ intent: z.literal("move"), questionId, direction: z.enum(["up", "down"]) }),
]);
