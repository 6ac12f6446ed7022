// Reads for the printed sign-in sheet and the page its QR code opens.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

import { sessionRoster } from "../attendance/roster.server";
import { localParts } from "../course/session-view";

import {
  sessionOrdinal,
  sheetLayout,
  sheetSignature,
  type SessionLecturer,
  type SheetLine,
} from "./sign-in-sheet-rules";

/** Who teaches: the internal person, or the external trainer and institution. */
export function lecturerOf(course: {
  lecturerKind: string;
  lecturer: { name: string; employeeNo: string } | null;
  externalLecturer: string | null;
  externalOrg: string | null;
}): SessionLecturer {
  if (course.lecturerKind === "INTERNAL" && course.lecturer)
    return { kind: "INTERNAL", name: course.lecturer.name, employeeNo: course.lecturer.employeeNo };
  if (course.lecturerKind === "EXTERNAL" && (course.externalLecturer || course.externalOrg))
    return { kind: "EXTERNAL", name: course.externalLecturer ?? "", org: course.externalOrg };
  return { kind: "NONE" };
}

/** When a session runs, as company wall-clock parts (date, weekday 1–7, start and end time). */
export function sessionWhen(session: { startsAt: Date; endsAt: Date }, timeZone: string) {
  const [from, to] = [localParts(session.startsAt, timeZone), localParts(session.endsAt, timeZone)];
  return { date: from.date, weekday: from.weekday, start: from.time, end: to.time };
}

export const sheetCourseSelect = {
  id: true,
  title: true,
  lecturerKind: true,
  lecturer: { select: { name: true, employeeNo: true } },
  externalLecturer: true,
  externalOrg: true,
  monthlyItem: { select: { category: true } },
  approval: { select: { state: true } },
  delivery: { select: { state: true } },
  sessions: { select: { id: true, startsAt: true, endsAt: true, location: true, batch: true } },
} satisfies Prisma.CourseSelect;

/**
 * The sheet of one session of an approved course; null when the session is not the course's, or the
 * course is not approved (nothing to sign for yet) or was called off.
 */
export async function signInSheet(courseId: string, sessionId: string, timeZone: string) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: sheetCourseSelect });
  if (!course || course.approval.state !== "APPROVED" || course.delivery?.state === "CANCELLED") return null;
  const session = course.sessions.find((s) => s.id === sessionId);
  const ordinal = sessionOrdinal(course.sessions, sessionId);
  if (!session || !ordinal) return null;
  // The one roster of attendance: leave, sign-ins so far and make-up attendees are on the paper too.
  const roster = await sessionRoster(sessionId);
  const rows = (roster?.rows ?? []).map((r): SheetLine => ({
    no: r.no,
    personId: r.personId,
    employeeNo: r.employeeNo,
    name: r.name,
    department: r.department,
    departmentOrder: r.departmentOrder,
    departmentCode: r.departmentCode,
    signature: sheetSignature(r.status, r.attendance),
    signedAt:
      r.attendance && sheetSignature(r.status, r.attendance) !== null
        ? localParts(r.attendance.at, timeZone).time
        : null,
    makeUp: r.makeUpFor !== null,
  }));
  return {
    layout: sheetLayout(course.monthlyItem.category),
    course: { id: course.id, title: course.title },
    session: { id: session.id, location: session.location, ...sessionWhen(session, timeZone) },
    ordinal,
    lecturer: lecturerOf(course),
    rows,
  };
}
export type SignInSheet = NonNullable<Awaited<ReturnType<typeof signInSheet>>>;

/** What the QR code's page shows: the course, time and place only. null when there is no such session. */
export async function signInSession(sessionId: string, timeZone: string) {
  const session = await db.courseSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      location: true,
      course: { select: { title: true, approval: { select: { state: true } }, delivery: { select: { state: true } } } },
    },
  });
  if (!session || session.course.approval.state !== "APPROVED") return null;
  return {
    id: session.id,
    title: session.course.title,
    location: session.location,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    cancelled: session.course.delivery?.state === "CANCELLED",
    ...sessionWhen(session, timeZone),
  };
}
