// The sessions a trainee can make up a missed session at, for many missed sessions at once: a fixed
// number of queries however many rows a page shows (the clerk's list counts them for a whole page).
//
// In today's data every attendee of a course is on every one of its sessions, so a later session of the
// same course rarely qualifies (the trainee is already on its roster); a course of the same monthly-plan
// item for other people (the other department's refresher, next batch's onboarding) usually does.
import { db, type Tx } from "~/utils/db.server";

import { candidateRefusal, rankCandidates, type MissedSession, type SessionOnOffer } from "./make-up-rules";

export type MakeUpWant = { personId: string; missedSessionId: string };

export type Candidate = SessionOnOffer & {
  endsAt: Date;
  location: string;
  courseTitle: string;
  sameCourse: boolean;
  seatsLeft: number;
};

export const wantKey = (w: MakeUpWant) => `${w.missedSessionId}:${w.personId}`;

/** For each wanted (person, missed session): its candidates, nearest first. Unknown sessions get none. */
export async function makeUpCandidates(
  wants: readonly MakeUpWant[],
  at: Date,
  client: Tx | typeof db = db,
): Promise<Map<string, Candidate[]>> {
  const out = new Map<string, Candidate[]>(wants.map((w) => [wantKey(w), []]));
  if (wants.length === 0) return out;
  const missedRows = await client.courseSession.findMany({
    where: { id: { in: [...new Set(wants.map((w) => w.missedSessionId))] } },
    select: { id: true, courseId: true, course: { select: { monthlyItemId: true } } },
  });
  const missedOf = new Map<string, MissedSession>(
    missedRows.map((s) => [s.id, { sessionId: s.id, courseId: s.courseId, monthlyItemId: s.course.monthlyItemId }]),
  );
  if (missedOf.size === 0) return out;
  const upcoming = await client.courseSession.findMany({
    where: {
      startsAt: { gt: at },
      course: {
        approval: { state: "APPROVED" },
        AND: [
          { OR: [{ delivery: null }, { delivery: { state: { not: "CANCELLED" } } }] },
          {
            OR: [
              { id: { in: [...new Set([...missedOf.values()].map((m) => m.courseId))] } },
              { monthlyItemId: { in: [...new Set([...missedOf.values()].map((m) => m.monthlyItemId))] } },
            ],
          },
        ],
      },
    },
    select: {
      id: true,
      courseId: true,
      startsAt: true,
      endsAt: true,
      location: true,
      _count: { select: { makeUpsHere: true } },
      course: {
        select: { title: true, capacity: true, monthlyItemId: true, _count: { select: { attendees: true } } },
      },
    },
  });
  if (upcoming.length === 0) return out;
  const personIds = [...new Set(wants.map((w) => w.personId))];
  // Who is on which roster already: attendees of the courses, and make-ups at these sessions.
  // One after the other: a transaction's connection runs one query at a time.
  const attending = await client.courseAttendee.findMany({
    where: { personId: { in: personIds }, courseId: { in: [...new Set(upcoming.map((s) => s.courseId))] } },
    select: { personId: true, courseId: true },
  });
  const makingUp = await client.makeUp.findMany({
    where: { personId: { in: personIds }, sessionId: { in: upcoming.map((s) => s.id) } },
    select: { personId: true, sessionId: true },
  });
  const onCourse = new Set(attending.map((a) => `${a.courseId}:${a.personId}`));
  const atSession = new Set(makingUp.map((m) => `${m.sessionId}:${m.personId}`));
  const sessions: Candidate[] = upcoming.map((s) => {
    const taken = s.course._count.attendees + s._count.makeUpsHere;
    return {
      id: s.id,
      courseId: s.courseId,
      monthlyItemId: s.course.monthlyItemId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      location: s.location,
      courseTitle: s.course.title,
      open: true,
      capacity: s.course.capacity,
      taken,
      sameCourse: false,
      seatsLeft: Math.max(0, s.course.capacity - taken),
    };
  });
  for (const want of wants) {
    const missed = missedOf.get(want.missedSessionId);
    if (!missed) continue;
    const fit = sessions.filter(
      (s) =>
        candidateRefusal(s, missed, {
          at,
          onRoster: onCourse.has(`${s.courseId}:${want.personId}`) || atSession.has(`${s.id}:${want.personId}`),
        }) === null,
    );
    out.set(
      wantKey(want),
      rankCandidates(fit, missed).map((s) => ({ ...s, sameCourse: s.courseId === missed.courseId })),
    );
  }
  return out;
}

/**
 * Why this session cannot make up the missed one for this person right now, or null: the accepting
 * transaction asks this after locking the session's course, so the seat count it sees is final.
 */
export async function refusalFor(
  client: Tx,
  want: MakeUpWant & { sessionId: string },
  at: Date,
): Promise<ReturnType<typeof candidateRefusal> | "unknown"> {
  const missed = await client.courseSession.findUnique({
    where: { id: want.missedSessionId },
    select: { id: true, courseId: true, course: { select: { monthlyItemId: true } } },
  });
  const target = await client.courseSession.findUnique({
    where: { id: want.sessionId },
    select: {
      id: true,
      courseId: true,
      startsAt: true,
      _count: { select: { makeUpsHere: true } },
      course: {
        select: {
          capacity: true,
          monthlyItemId: true,
          approval: { select: { state: true } },
          delivery: { select: { state: true } },
          _count: { select: { attendees: true } },
          attendees: { where: { personId: want.personId }, select: { personId: true } },
        },
      },
      makeUpsHere: { where: { personId: want.personId }, select: { id: true } },
    },
  });
  if (!missed || !target) return "unknown";
  return candidateRefusal(
    {
      id: target.id,
      courseId: target.courseId,
      monthlyItemId: target.course.monthlyItemId,
      startsAt: target.startsAt,
      open: target.course.approval.state === "APPROVED" && target.course.delivery?.state !== "CANCELLED",
      capacity: target.course.capacity,
      taken: target.course._count.attendees + target._count.makeUpsHere,
    },
    { sessionId: missed.id, courseId: missed.courseId, monthlyItemId: missed.course.monthlyItemId },
    { at, onRoster: target.course.attendees.length > 0 || target.makeUpsHere.length > 0 },
  );
}
