// The sessions a trainee can make up a missed session at, for many missed sessions at once: a fixed
// number of queries however many rows a page shows (the clerk's list counts them for a whole page).
//
// An attendee is on every session of their batch (ADR 0025), so a later session of the same course qualifies
// mostly when it is another batch's (seats counted per batch); a course of the same monthly-plan item for
// other people (the other department's refresher, next month's onboarding) usually does.
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
      batch: true,
      _count: { select: { makeUpsHere: true } },
      course: { select: { title: true, capacity: true, monthlyItemId: true } },
    },
  });
  if (upcoming.length === 0) return out;
  const personIds = [...new Set(wants.map((w) => w.personId))];
  // Who is on which roster already: attendees of the courses, and make-ups at these sessions.
  // One after the other: a transaction's connection runs one query at a time.
  // A session's roster is its batch's (ADR 0025): seats taken and who is on it are counted per batch.
  const courseIds = [...new Set(upcoming.map((s) => s.courseId))];
  const attending = await client.courseAttendee.findMany({
    where: { personId: { in: personIds }, courseId: { in: courseIds } },
    select: { personId: true, courseId: true, batch: true },
  });
  const batches = await client.courseAttendee.groupBy({
    by: ["courseId", "batch"],
    where: { courseId: { in: courseIds } },
    _count: { _all: true },
  });
  const batchSize = new Map(batches.map((b) => [`${b.courseId}:${b.batch}`, b._count._all]));
  const makingUp = await client.makeUp.findMany({
    where: { personId: { in: personIds }, sessionId: { in: upcoming.map((s) => s.id) } },
    select: { personId: true, sessionId: true },
  });
  const onCourse = new Set(attending.map((a) => `${a.courseId}:${a.batch}:${a.personId}`));
  const atSession = new Set(makingUp.map((m) => `${m.sessionId}:${m.personId}`));
  const batchOf = new Map(upcoming.map((s) => [s.id, s.batch]));
  const sessions: Candidate[] = upcoming.map((s) => {
    const taken = (batchSize.get(`${s.courseId}:${s.batch}`) ?? 0) + s._count.makeUpsHere;
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
          onRoster:
            onCourse.has(`${s.courseId}:${batchOf.get(s.id)}:${want.personId}`) ||
            atSession.has(`${s.id}:${want.personId}`),
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
      batch: true,
      _count: { select: { makeUpsHere: true } },
      course: {
        select: {
          capacity: true,
          monthlyItemId: true,
          approval: { select: { state: true } },
          delivery: { select: { state: true } },
          attendees: { where: { personId: want.personId }, select: { batch: true } },
        },
      },
      makeUpsHere: { where: { personId: want.personId }, select: { id: true } },
    },
  });
  if (!missed || !target) return "unknown";
  const batchSize = await client.courseAttendee.count({ where: { courseId: target.courseId, batch: target.batch } });
  return candidateRefusal(
    {
      id: target.id,
      courseId: target.courseId,
      monthlyItemId: target.course.monthlyItemId,
      startsAt: target.startsAt,
      open: target.course.approval.state === "APPROVED" && target.course.delivery?.state !== "CANCELLED",
      capacity: target.course.capacity,
      taken: batchSize + target._count.makeUpsHere,
    },
    { sessionId: missed.id, courseId: missed.courseId, monthlyItemId: missed.course.monthlyItemId },
    {
      at,
      onRoster: target.course.attendees.some((a) => a.batch === target.batch) || target.makeUpsHere.length > 0,
    },
  );
}
