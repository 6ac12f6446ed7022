// The one roster of a session (step 011): the course's attendees of the session's batch (ADR 0025: a course
// may be split into batches, each sitting its own sessions) and those who accepted it as a make-up,
// each with their recorded mark, approved leave and standing. The projector screen, the clerk's marking,
// the day view and the printed sheet all read it, so QR, kiosk, clerk and paper are one record.
import { db, type Tx } from "~/utils/db.server";

import { sheetRows } from "../delivery/sign-in-sheet-rules";

import { rosterStatus, type AttendanceMarkName, type RosterStatus } from "./attendance-rules";

export type RosterEntry = {
  no: number;
  personId: string;
  employeeNo: string;
  name: string;
  department: string;
  departmentOrder: number;
  departmentCode: string;
  attendance: { mark: AttendanceMarkName; source: "QR" | "KIOSK" | "CLERK"; at: Date; note: string | null } | null;
  /** The approved leave form that excuses them, if any. */
  leave: { id: string; reasonKind: string; reasonText: string; acknowledged: boolean } | null;
  /** Here to make up a session of this course (title) missed earlier. */
  makeUpFor: { missedSessionId: string; courseTitle: string } | null;
  status: RosterStatus;
};

const personSelect = {
  id: true,
  employeeNo: true,
  name: true,
  department: { select: { name: true, code: true, sortOrder: true } },
} as const;

/** The session and its roster; null when there is no such session. */
export async function sessionRoster(sessionId: string, client: Tx | typeof db = db) {
  const session = await client.courseSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      location: true,
      batch: true,
      course: {
        select: {
          id: true,
          title: true,
          monthlyItemId: true,
          monthlyItem: { select: { category: true } },
          approval: { select: { state: true } },
          delivery: { select: { state: true } },
          attendees: { select: { batch: true, person: { select: personSelect } } },
        },
      },
      makeUpsHere: {
        select: {
          missedSessionId: true,
          missedSession: { select: { course: { select: { title: true } } } },
          person: { select: personSelect },
        },
      },
      attendance: { select: { personId: true, mark: true, source: true, at: true, note: true } },
      leaveRequests: {
        where: { approval: { state: "APPROVED" } },
        select: { id: true, personId: true, reasonKind: true, reasonText: true, acknowledgedAt: true },
      },
    },
  });
  if (!session) return null;
  const marks = new Map(session.attendance.map((a) => [a.personId, a]));
  const leaves = new Map(session.leaveRequests.map((l) => [l.personId, l]));
  const makeUps = new Map(session.makeUpsHere.map((m) => [m.person.id, m]));
  const people = new Map(
    session.course.attendees.filter((a) => a.batch === session.batch).map(({ person }) => [person.id, person]),
  );
  for (const m of session.makeUpsHere) if (!people.has(m.person.id)) people.set(m.person.id, m.person);
  const rows = sheetRows(
    [...people.values()].map((p) => ({
      personId: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      department: p.department.name,
      departmentOrder: p.department.sortOrder,
      departmentCode: p.department.code,
    })),
  ).map((r): RosterEntry => {
    const mark = marks.get(r.personId);
    const leave = leaves.get(r.personId);
    const makeUp = makeUps.get(r.personId);
    return {
      ...r,
      attendance: mark ? { mark: mark.mark, source: mark.source, at: mark.at, note: mark.note } : null,
      leave: leave
        ? {
            id: leave.id,
            reasonKind: leave.reasonKind,
            reasonText: leave.reasonText,
            acknowledged: leave.acknowledgedAt !== null,
          }
        : null,
      makeUpFor: makeUp
        ? { missedSessionId: makeUp.missedSessionId, courseTitle: makeUp.missedSession.course.title }
        : null,
      status: rosterStatus({ mark: mark?.mark ?? null, leaveApproved: Boolean(leave) }),
    };
  });
  const { attendees: _attendees, ...course } = session.course;
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      location: session.location,
      batch: session.batch,
    },
    course: { ...course, category: course.monthlyItem.category },
    rows,
  };
}

export type SessionRoster = NonNullable<Awaited<ReturnType<typeof sessionRoster>>>;

/**
 * Whether someone belongs on the session's roster: an attendee of its course in the session's batch, or
 * enrolled to make it up.
 */
export async function isOnRoster(client: Tx | typeof db, sessionId: string, personId: string): Promise<boolean> {
  const session = await client.courseSession.findUnique({
    where: { id: sessionId },
    select: {
      batch: true,
      course: { select: { attendees: { where: { personId }, select: { batch: true } } } },
      makeUpsHere: { where: { personId }, select: { personId: true } },
    },
  });
  if (!session) return false;
  return session.makeUpsHere.length > 0 || session.course.attendees.some((a) => a.batch === session.batch);
}

/**
 * Prisma's filter for the sessions someone sits: of a course not split, every session of the courses they
 * attend; of a split one, the sessions of their batch; and the sessions they make up at.
 */
export async function sessionsSatBy(client: Tx | typeof db, personId: string) {
  const split = await client.courseAttendee.findMany({
    where: { personId, course: { batchCount: { gt: 1 } } },
    select: { courseId: true, batch: true },
  });
  return {
    OR: [
      { course: { batchCount: 1, attendees: { some: { personId } } } },
      ...split.map((b) => ({ courseId: b.courseId, batch: b.batch })),
      { makeUpsHere: { some: { personId } } },
    ],
  };
}
