// What every clerk's mark goes through first, inside its transaction: the session exists on an approved
// course, the course was not called off, and sign-in has opened. The session row is locked so that two
// clerks saving the same roster take turns (last write wins, both audited); FOR NO KEY UPDATE leaves
// trainees' own sign-ins (which only reference the row) free to land meanwhile.
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import type { Failure } from "~/utils/route.server";
import { messageKey } from "~/utils/validation";

import type { AttendanceMarkName } from "./attendance-rules";
import { markingRefusal } from "./mark-rules";

export const refuse = (error: string, status: 400 | 404 | 409 = 400): Failure => ({ ok: false, error, status });

export async function openForMarking(tx: Tx, sessionId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "CourseSession" WHERE id = ${sessionId} FOR NO KEY UPDATE`;
  if (locked.length === 0) return refuse("errors.notFound", 404);
  const session = await tx.courseSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      course: { select: { approval: { select: { state: true } }, delivery: { select: { state: true } } } },
    },
  });
  if (session.course.approval.state !== "APPROVED") return refuse("errors.notFound", 404);
  const { signInOpensMinutes } = await getSettings();
  const refusal = markingRefusal(now(), session, signInOpensMinutes, session.course.delivery?.state === "CANCELLED");
  if (refusal) return refuse(messageKey(refusal, { minutes: signInOpensMinutes }), 409);
  return { ok: true as const, session };
}

export type RecordedMark = {
  mark: AttendanceMarkName;
  source: "QR" | "KIOSK" | "CLERK";
  at: Date;
  note: string | null;
};

/** One person's recorded mark, locked for this transaction; null when nothing is recorded. */
export async function lockedMark(tx: Tx, sessionId: string, personId: string): Promise<RecordedMark | null> {
  const rows = await tx.$queryRaw<RecordedMark[]>`
    SELECT mark::text AS mark, source::text AS source, at, note FROM "Attendance"
    WHERE "sessionId" = ${sessionId} AND "personId" = ${personId} FOR UPDATE`;
  return rows[0] ?? null;
}
