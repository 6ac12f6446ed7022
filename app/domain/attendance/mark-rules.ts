// Pure: the clerk's side of attendance — when marks may be entered, how the roster is counted, how a
// recorded mark reads (the way someone signed in) and what a change of mark leaves owed.
import { attended, missed, signInWindow, type AttendanceMarkName, type RosterStatus } from "./attendance-rules";

/**
 * Marks may be entered from the moment sign-in opens, and at any time after the session (the paper sheet
 * is often typed in the next morning). A cancelled course takes no marks.
 */
export function markingRefusal(
  at: Date,
  session: { startsAt: Date; endsAt: Date },
  opensMinutes: number,
  cancelled: boolean,
): "attendance.marking.cancelled" | "attendance.marking.tooEarly" | null {
  if (cancelled) return "attendance.marking.cancelled";
  return at.getTime() < signInWindow(session, opensMinutes).opensAt.getTime() ? "attendance.marking.tooEarly" : null;
}

export type RosterTally = {
  total: number;
  expected: number;
  attended: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
  onLeave: number;
  unmarked: number;
};

/** The counts at the top of the roster; expected in the room is everyone not on approved leave. */
export function rosterTally(rows: ReadonlyArray<{ status: RosterStatus }>): RosterTally {
  const count = (s: RosterStatus) => rows.filter((r) => r.status === s).length;
  const onLeave = count("ON_LEAVE");
  return {
    total: rows.length,
    expected: rows.length - onLeave,
    attended: rows.filter((r) => attended(r.status)).length,
    present: count("PRESENT") + count("PRESENT_PAPER"),
    late: count("LATE"),
    absent: count("ABSENT"),
    excused: count("EXCUSED"),
    onLeave,
    unmarked: count("UNMARKED"),
  };
}

/** How a recorded mark came about, as the roster shows it: the paper sheet is the clerk's entry of a signature. */
export type SignInWay = "QR" | "KIOSK" | "CLERK" | "PAPER";

export function signInWay(attendance: { mark: AttendanceMarkName; source: "QR" | "KIOSK" | "CLERK" }): SignInWay {
  return attendance.mark === "PRESENT_PAPER" ? "PAPER" : attendance.source;
}

/**
 * What a change of mark does to the make-up offer: a newly missed session offers one, a miss corrected to
 * attendance closes it, anything else leaves it as it is.
 */
export function makeUpEffect(from: RosterStatus, to: AttendanceMarkName): "offer" | "close" | null {
  if (missed(to) && !missed(from)) return "offer";
  if (attended(to) && missed(from)) return "close";
  return null;
}
