// Pure: which later sessions can make up a missed one, in which order they are offered, and whether an
// accepted make-up may still be changed. No I/O (make-up-candidates.server.ts loads what these judge).
import type { MakeUpStanding } from "./attendance-rules";

/** Why a trainee owes a make-up: the roster status of the missed session. */
export type MissReason = "ABSENT" | "EXCUSED" | "ON_LEAVE";

/** A session that might take the trainee, with what decides whether it can. */
export type SessionOnOffer = {
  id: string;
  courseId: string;
  monthlyItemId: string;
  startsAt: Date;
  /** The course's plan was approved and it has not been called off. */
  open: boolean;
  capacity: number;
  /** The course's attendees plus those already making up at this very session. */
  taken: number;
};

/** The missed session a make-up is for. */
export type MissedSession = { sessionId: string; courseId: string; monthlyItemId: string };

export type CandidateRefusal = "unrelated" | "started" | "closed" | "onRoster" | "full";

/**
 * Why `session` cannot make up `missed` for this trainee, or null when it can: of the same course or of
 * another course of the same monthly-plan item, still ahead, open, the trainee not already on its roster
 * (an attendee of its course, or making up there already), and a seat free.
 */
export function candidateRefusal(
  session: SessionOnOffer,
  missed: MissedSession,
  input: { at: Date; onRoster: boolean },
): CandidateRefusal | null {
  if (session.id === missed.sessionId) return "unrelated";
  if (session.courseId !== missed.courseId && session.monthlyItemId !== missed.monthlyItemId) return "unrelated";
  if (session.startsAt.getTime() <= input.at.getTime()) return "started";
  if (!session.open) return "closed";
  if (input.onRoster) return "onRoster";
  if (session.taken >= session.capacity) return "full";
  return null;
}

/** "The next session": the nearest first; the same course before another on the same instant. */
export function rankCandidates<S extends SessionOnOffer>(sessions: readonly S[], missed: MissedSession): S[] {
  return [...sessions].sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      Number(b.courseId === missed.courseId) - Number(a.courseId === missed.courseId) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * A trainee may choose (or choose again) while a make-up is owed, and may change an accepted one until
 * its session starts; a make-up under way or made up stays as it is.
 */
export function mayChooseMakeUp(input: { standing: MakeUpStanding; makeUpStartsAt: Date | null; at: Date }) {
  if (input.standing === "OWED") return true;
  if (input.standing !== "ENROLLED") return false;
  return input.makeUpStartsAt !== null && input.makeUpStartsAt.getTime() > input.at.getTime();
}
