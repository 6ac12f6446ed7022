// The roster form: one row per person, posted together. Each row sends the mark chosen (`mark_<id>`), the
// mark the page showed when it was loaded (`was_<id>`) and an optional note (`note_<id>`). Only rows whose
// choice differs from what the page showed are changes, so a page opened before a QR sign-in arrived
// does not overwrite that sign-in with the stale value it still shows.
import { z } from "zod";

import { Id } from "~/utils/params";
import { messageKey, type FieldErrors, type FormValues } from "~/utils/validation";

import { CLERK_MARKS, type AttendanceMarkName } from "./attendance-rules";

export const NOTE_MAX = 200;

export const MarkName = z.enum(CLERK_MARKS);

export type MarkEntry = { personId: string; mark: AttendanceMarkName; note: string | null };

const text = (v: FormValues[string] | undefined) => (typeof v === "string" ? v.trim() : "");

/** The changed rows of a posted roster form, or field errors (nothing is written when any row is bad). */
export function parseMarks(
  values: FormValues,
): { ok: true; entries: MarkEntry[] } | { ok: false; errors: FieldErrors } {
  const entries: MarkEntry[] = [];
  const errors: FieldErrors = {};
  for (const [key, raw] of Object.entries(values)) {
    if (!key.startsWith("mark_")) continue;
    const personId = key.slice("mark_".length);
    const mark = MarkName.safeParse(text(raw));
    if (!Id.safeParse(personId).success || !mark.success) {
      errors[key] = "attendance.marking.badMark";
      continue;
    }
    const note = text(values[`note_${personId}`]);
    if (note.length > NOTE_MAX) {
      errors[`note_${personId}`] = messageKey("validation.tooLong", { max: NOTE_MAX });
      continue;
    }
    const was = text(values[`was_${personId}`]);
    const wasNote = text(values[`wasNote_${personId}`]);
    if (mark.data === was && note === wasNote) continue;
    entries.push({ personId, mark: mark.data, note: note || null });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, entries };
}
