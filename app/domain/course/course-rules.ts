// Pure rules of the course plan: when a session happens (company-local wall time → instant) and the
// clashes the clerk must see. No I/O.
import { TZDate } from "@date-fns/tz";

import { roomKey } from "../scheduling/room-rules";

export type Interval = { startsAt: Date; endsAt: Date };

/** A session typed as company-local date and times ("2026-12-08", "09:00", "12:00") as instants. */
export function sessionInterval(date: string, start: string, end: string, timeZone: string): Interval {
  const [y, m, d] = date.split("-").map(Number);
  const at = (hm: string) => {
    const [h, min] = hm.split(":").map(Number);
    return new Date(new TZDate(y, m - 1, d, h, min, 0, 0, timeZone).getTime());
  };
  return { startsAt: at(start), endsAt: at(end) };
}

/** The longest session: a training longer than a working day is given as several sessions. */
export const MAX_SESSION_MINUTES = 12 * 60;

/** Minutes from a start to an end typed as "HH:MM" on the same day (negative when the end comes first). */
export function sessionMinutes(start: string, end: string): number {
  const minutes = (hm: string) => {
    const [h, m] = hm.split(":").map(Number);
    return h * 60 + m;
  };
  return minutes(end) - minutes(start);
}

/** Whether a session typed as start and end times is longer than a session may be. */
export const sessionTooLong = (start: string, end: string) => sessionMinutes(start, end) > MAX_SESSION_MINUTES;

/**
 * Whether a lecturer kind fits the item's category: 外部培训 and 集团培训 happen outside the company,
 * so their course is not taught by one of the company's own people.
 */
export const lecturerFitsCategory = (category: string, lecturerKind: string) =>
  !(["EXTERNAL", "GROUP"].includes(category) && lecturerKind === "INTERNAL");

/** Whether two sessions share any moment; back-to-back (one ends as the other starts) is fine. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

type Placed = { location: string; roomId?: string | null };

/**
 * Whether two sessions are in one room: the same listed room, or (for a venue typed by hand) the same place
 * however it is spelled ("A301" and " 培训室 a301").
 */
export function sameRoom(a: Placed, b: Placed): boolean {
  if (a.roomId && b.roomId) return a.roomId === b.roomId;
  return roomKey(a.location) !== "" && roomKey(a.location) === roomKey(b.location);
}

export type ClashCourse = {
  id: string;
  title: string;
  capacity: number;
  lecturerId: string | null;
  attendeeIds: string[];
  /** The batch of each attendee (ADR 0025); someone not listed is in batch 1. */
  batchOf?: Readonly<Record<string, number>>;
  /** A session without a batch is batch 1's. */
  sessions: Array<Interval & Placed & { id: string; batch?: number }>;
};

export type Clash =
  | {
      kind: "person";
      personId: string;
      sessionId: string;
      other: { courseId: string; title: string; sessionId: string };
    }
  | { kind: "room"; location: string; sessionId: string; other: { courseId: string; title: string; sessionId: string } }
  | { kind: "capacity"; attendees: number; capacity: number };

/** Who sits a session: the attendees of its batch, and the course's internal lecturer. */
export function sessionPeople(course: ClashCourse, session: { batch?: number }): Set<string> {
  const batch = session.batch ?? 1;
  const sitting = course.attendeeIds.filter((id) => (course.batchOf?.[id] ?? 1) === batch);
  return new Set([...sitting, ...(course.lecturerId ? [course.lecturerId] : [])]);
}

/**
 * Everything that collides with this course: a person (attendee or internal lecturer) booked in an
 * overlapping session (an attendee only in the sessions of their batch), a room booked twice at once, more
 * attendees than seats. Sessions of the same course that overlap each other count too (the lecturer and,
 * in one batch, the same people cannot sit both).
 */
export function findClashes(course: ClashCourse, others: ClashCourse[]): Clash[] {
  const clashes: Clash[] = [];
  if (course.attendeeIds.length > course.capacity)
    clashes.push({ kind: "capacity", attendees: course.attendeeIds.length, capacity: course.capacity });
  for (const other of [course, ...others]) {
    course.sessions.forEach((session, i) => {
      const mine = sessionPeople(course, session);
      for (const [j, them] of other.sessions.entries()) {
        // Within the course each pair once, and never a session with itself.
        if (other === course && j <= i) continue;
        if (!overlaps(session, them)) continue;
        const ref = { courseId: other.id, title: other.title, sessionId: them.id };
        if (sameRoom(session, them))
          clashes.push({ kind: "room", location: session.location.trim(), sessionId: session.id, other: ref });
        const theirs = sessionPeople(other, them);
        const shared = [...mine].filter((p) => theirs.has(p)).sort();
        for (const personId of shared) clashes.push({ kind: "person", personId, sessionId: session.id, other: ref });
      }
    });
  }
  return clashes;
}

/** The same person is usually booked several times over; pages list each person once per other course. */
export function clashSummary(clashes: Clash[]) {
  const people = new Map<string, { personId: string; courses: Set<string> }>();
  for (const c of clashes) {
    if (c.kind !== "person") continue;
    const row = people.get(c.personId) ?? { personId: c.personId, courses: new Set<string>() };
    row.courses.add(c.other.title);
    people.set(c.personId, row);
  }
  return {
    capacity: clashes.find((c) => c.kind === "capacity") ?? null,
    rooms: clashes.filter((c) => c.kind === "room"),
    people: [...people.values()].map((p) => ({ personId: p.personId, courses: [...p.courses].sort() })),
  };
}

export const COST_FIELDS = [
  "lecturerFeeFen",
  "venueFeeFen",
  "materialsFeeFen",
  "externalFeeFen",
  "otherFeeFen",
] as const;
export type Costs = Record<(typeof COST_FIELDS)[number], number>;
/** The columns `courseCost` reads, as a Prisma select. */
export const COST_SELECT = {
  lecturerFeeFen: true,
  venueFeeFen: true,
  materialsFeeFen: true,
  externalFeeFen: true,
  otherFeeFen: true,
} as const satisfies Record<(typeof COST_FIELDS)[number], true>;

export function courseCost(costs: Costs): number {
  return COST_FIELDS.reduce((sum, f) => sum + costs[f], 0);
}
