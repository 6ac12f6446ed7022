// The leave form (《培训课程请假表》) as the page, the browser's check and the action share it.
import { z } from "zod";

import { Id } from "~/utils/params";

export const LEAVE_REASONS = ["ILLNESS", "FAMILY", "BUSINESS_TRIP", "WORK_CONFLICT", "OTHER"] as const;
export type LeaveReasonName = (typeof LEAVE_REASONS)[number];

export const MAX_REASON_TEXT = 500;

/**
 * What the trainee fills in. The person is never a field: the form is always the signed-in person's own
 * (a personId or employeeNo posted alongside is ignored).
 */
export const LeaveFormSchema = z.object({
  sessionId: Id,
  reasonKind: z.enum(LEAVE_REASONS),
  reasonText: z.string().trim().min(1).max(MAX_REASON_TEXT),
});
export type LeaveFormInput = z.output<typeof LeaveFormSchema>;

/** Revising a form sent back (or withdrawn): the same fields, the session stays as it was. */
export const LeaveRevisionSchema = LeaveFormSchema.omit({ sessionId: true }).safeExtend({
  intent: z.literal("revise"),
  revision: z.coerce.number().int().min(1),
  /** Ticked: the attachment kept so far is removed (a new file replaces it anyway). */
  removeAttachment: z.literal("on").optional(),
});
