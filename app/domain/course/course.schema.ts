import { z } from "zod";

import { money, positiveInt, shortText } from "~/domain/plan/fields";
import { messageKey, optionalText } from "~/utils/validation";

import { MAX_BATCHES } from "./batch-rules";
import { MAX_SESSION_MINUTES, sessionTooLong } from "./course-rules";

/** The batch a new session or new attendees go into (ADR 0025); absent: batch 1. */
const batchChoice = () =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce
      .number("validation.invalidChoice")
      .int("validation.invalidChoice")
      .min(1, "validation.invalidChoice")
      .max(MAX_BATCHES, "validation.invalidChoice")
      .optional(),
  );

export const LECTURER_KINDS = ["INTERNAL", "EXTERNAL"] as const;
export const ATTENDEE_STATUSES = ["ACTIVE", "NEW_HIRE", "TRANSFERRING"] as const;

/** The course plan's own fields: what, who teaches and what it costs (yuan in, fen stored). */
export const CourseSchema = z
  .object({
    title: shortText(100),
    capacity: positiveInt(9999),
    outline: shortText(2000),
    lecturerKind: z.enum(LECTURER_KINDS),
    lecturerId: optionalText(40),
    externalLecturer: optionalText(100),
    externalOrg: optionalText(100),
    externalContact: optionalText(200),
    // An external trainer from the administrator's list (its name, institution and contact are copied).
    trainerId: optionalText(40),
    lecturerFee: money(),
    venueFee: money(),
    materialsFee: money(),
    externalFee: money(),
    otherFee: money(),
    // The call-script rules the course teaches (checked against the catalogue when saved) and its closing quiz.
    ruleIds: z.preprocess(
      (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().trim().min(1).max(10)).max(40),
    ),
    quizId: optionalText(40),
  })
  .superRefine((v, ctx) => {
    if (v.lecturerKind === "INTERNAL" && !v.lecturerId)
      ctx.addIssue({ code: "custom", path: ["lecturerId"], message: "course.validation.lecturerRequired" });
    if (v.lecturerKind === "EXTERNAL" && !v.trainerId) {
      if (!v.externalLecturer && !v.externalOrg)
        ctx.addIssue({ code: "custom", path: ["externalLecturer"], message: "course.validation.externalRequired" });
      if (!v.externalContact)
        ctx.addIssue({ code: "custom", path: ["externalContact"], message: "course.validation.contactRequired" });
    }
  });
export type CourseInput = z.output<typeof CourseSchema>;

const time = () =>
  z
    .string()
    .trim()
    .min(1, "validation.required")
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "course.validation.time");

/**
 * One session as the clerk types it: a company-local date with start and end times, and a room from the list
 * (or, for training held outside, the venue typed; which one is needed is the course's to say).
 */
export const SessionSchema = z
  .object({
    date: z
      .string()
      .trim()
      .min(1, "validation.required")
      .regex(/^\d{4}-\d{2}-\d{2}$/, "course.validation.date"),
    start: time(),
    end: time(),
    roomId: optionalText(40),
    location: optionalText(100),
    batch: batchChoice(),
  })
  .refine((v) => v.end > v.start, { path: ["end"], message: "course.validation.endBeforeStart" })
  .refine((v) => !sessionTooLong(v.start, v.end), {
    path: ["end"],
    message: messageKey("course.validation.sessionTooLong", { hours: MAX_SESSION_MINUTES / 60 }),
  });
export type SessionInput = z.output<typeof SessionSchema>;

/** Who attends: everyone matching the department, post and status given, and/or people named one by one. */
export const AttendeesSchema = z
  .object({
    departmentId: optionalText(40),
    post: optionalText(50),
    status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ATTENDEE_STATUSES).optional()),
    names: optionalText(2000),
    batch: batchChoice(),
  })
  .refine((v) => v.departmentId || v.post || v.status || v.names, {
    path: ["_form"],
    message: "course.validation.attendeesCriteria",
  });
export type AttendeesInput = z.output<typeof AttendeesSchema>;

/** "C0101, 王伟、C0102" → ["C0101", "王伟", "C0102"] */
export const splitNames = (text: string) => [
  ...new Set(
    text
      .split(/[\s,，、;；]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** The clerk's split of a course into batches; the batch of each row comes as `session:<id>` / `attendee:<id>`. */
export const BatchesSchema = z.looseObject({
  batchCount: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string()
      .min(1, "validation.required")
      .regex(/^\d{1,3}$/, messageKey("course.batches.countRange", { max: MAX_BATCHES }))
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, messageKey("course.batches.countRange", { max: MAX_BATCHES }))
          .max(MAX_BATCHES, messageKey("course.batches.countRange", { max: MAX_BATCHES })),
      ),
  ),
  version: z.string().min(1).max(40),
  split: z.preprocess((v) => v === "1" || v === "on", z.boolean()),
});
