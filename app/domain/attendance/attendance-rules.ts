// Pure: attendance at a session (step 011) — where each person on the roster stands, when sign-in is
// open, what a sign-in counts as, whom "mark all present" touches, and what a missed session leaves owed.
// No I/O; the use-cases next to this file perform it (docs/decisions/0018).

export const ATTENDANCE_MARKS = ["PRESENT", "PRESENT_PAPER", "LATE", "ABSENT", "EXCUSED"] as const;
export type AttendanceMarkName = (typeof ATTENDANCE_MARKS)[number];

/** The marks a clerk sets by hand on the roster (the same five). */
export const CLERK_MARKS = ATTENDANCE_MARKS;

/**
 * A roster row's standing: a recorded mark wins (someone on leave who came anyway signed in); otherwise an
 * approved leave form excuses them (ON_LEAVE); otherwise nothing is known yet (UNMARKED).
 */
export type RosterStatus = AttendanceMarkName | "ON_LEAVE" | "UNMARKED";

export function rosterStatus(row: { mark: AttendanceMarkName | null; leaveApproved: boolean }): RosterStatus {
  if (row.mark) return row.mark;
  return row.leaveApproved ? "ON_LEAVE" : "UNMARKED";
}

/** In the room, one way or another. */
export function attended(status: RosterStatus): boolean {
  return status === "PRESENT" || status === "PRESENT_PAPER" || status === "LATE";
}

/** Not in the room for a known reason, or not at all: a make-up is owed. */
export function missed(status: RosterStatus): boolean {
  return status === "ABSENT" || status === "EXCUSED" || status === "ON_LEAVE";
}

/** From `opensMinutes` before the start until the end of the session. */
export function signInWindow(session: { startsAt: Date; endsAt: Date }, opensMinutes: number) {
  return { opensAt: new Date(session.startsAt.getTime() - opensMinutes * 60_000), closesAt: session.endsAt };
}

/** Why a sign-in at this instant is refused by the clock, or null when the window is open. */
export function signInTimeRefusal(
  at: Date,
  session: { startsAt: Date; endsAt: Date },
  opensMinutes: number,
): "attendance.notOpenYet" | "attendance.closed" | null {
  const { opensAt, closesAt } = signInWindow(session, opensMinutes);
  if (at.getTime() < opensAt.getTime()) return "attendance.notOpenYet";
  if (at.getTime() >= closesAt.getTime()) return "attendance.closed";
  return null;
}

/** A sign-in more than `lateAfterMinutes` after the start is late; anything earlier is on time. */
export function markForSignIn(at: Date, startsAt: Date, lateAfterMinutes: number): "PRESENT" | "LATE" {
  return at.getTime() > startsAt.getTime() + lateAfterMinutes * 60_000 ? "LATE" : "PRESENT";
}

/** "Mark all present" touches only those with nothing recorded and no approved leave. */
export function markAllPresentTargets<R extends { personId: string; status: RosterStatus }>(rows: readonly R[]) {
  return rows.filter((r) => r.status === "UNMARKED").map((r) => r.personId);
}

/**
 * Where a missed session stands: nothing owed (attended, or not over yet), owed (no make-up accepted, or the
 * accepted one is over and was missed too), enrolled (the make-up is still ahead) or made up.
 */
export type MakeUpStanding = "NONE" | "OWED" | "ENROLLED" | "DONE";

export function makeUpStanding(input: {
  status: RosterStatus;
  sessionEnded: boolean;
  makeUp: { sessionEnded: boolean; status: RosterStatus } | null;
}): MakeUpStanding {
  if (!input.sessionEnded || !missed(input.status)) return "NONE";
  if (!input.makeUp) return "OWED";
  if (attended(input.makeUp.status)) return "DONE";
  return input.makeUp.sessionEnded ? "OWED" : "ENROLLED";
}
