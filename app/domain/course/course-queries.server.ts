// Reads of course plans shaped for pages: the course with its clashes and budget, and the lists.
import { sessionsSatBy } from "~/domain/attendance/roster.server";
import { db } from "~/utils/db.server";

import { clashGroups } from "./clash-groups";
import { clashSummary, findClashes, type ClashCourse } from "./course-rules";

// The course's budget lives with the other budget reads; the course page reads it from here.
export { courseBudget } from "./budget-queries.server";

export async function getCourse(courseId: string) {
  return db.course.findUnique({
    where: { id: courseId },
    include: {
      approval: true,
      lecturer: { select: { id: true, name: true, employeeNo: true, post: true } },
      monthlyItem: {
        include: {
          plan: { select: { id: true, year: true, month: true, title: true } },
          planItem: { select: { id: true, title: true, budgetFen: true } },
        },
      },
      sessions: { orderBy: { startsAt: "asc" } },
      attendees: {
        include: {
          person: {
            select: {
              id: true,
              employeeNo: true,
              name: true,
              post: true,
              status: true,
              departmentId: true,
              department: { select: { name: true } },
            },
          },
        },
      },
      materials: {
        orderBy: { uploadedAt: "asc" },
        select: { id: true, fileName: true, sizeBytes: true, uploadedAt: true },
      },
    },
  });
}
export type CourseWithParts = NonNullable<Awaited<ReturnType<typeof getCourse>>>;

/** A course with what its edit form shows, or null. */
export function courseToEdit(courseId: string) {
  return db.course.findUnique({
    where: { id: courseId },
    include: {
      approval: { select: { state: true } },
      monthlyItem: { select: { id: true, title: true, category: true } },
      rules: { select: { ruleId: true } },
    },
  });
}

/**
 * The monthly item a new course is set up for, with its plan's state (only an approved plan takes courses), or null.
 */
export function itemForNewCourse(itemId: string) {
  return db.monthlyPlanItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      title: true,
      category: true,
      targetPeople: true,
      headcount: true,
      plan: { select: { approval: { select: { state: true } } } },
    },
  });
}

/**
 * The employees a course's internal lecturer is chosen from: those marked as lecturers, and the course's own
 * lecturer (kept even if no longer marked); with a search, those whose name, employee no. or post contains it.
 */
export async function lecturerChoices(search = "", currentId: string | null = null) {
  const q = search.trim();
  const people = await db.person.findMany({
    where: {
      OR: [
        { disabledAt: null, status: { not: "LEFT" }, roles: { some: { role: "LECTURER" } } },
        { id: currentId ?? "" },
      ],
      ...(q
        ? {
            AND: [
              {
                OR: [
                  { name: { contains: q } },
                  { employeeNo: { contains: q, mode: "insensitive" as const } },
                  { post: { contains: q } },
                  { id: currentId ?? "" },
                ],
              },
            ],
          }
        : {}),
    },
    orderBy: { employeeNo: "asc" },
    select: { id: true, name: true, employeeNo: true, post: true },
  });
  return people;
}

/** A course's material with its bytes, scoped like the course page (departmentIds null: every course), or null. */
export function materialToDownload(courseId: string, materialId: string, departmentIds: string[] | null) {
  return db.courseMaterial.findFirst({
    where: {
      id: materialId,
      courseId,
      ...(departmentIds
        ? { course: { attendees: { some: { person: { departmentId: { in: departmentIds } } } } } }
        : {}),
    },
    select: { fileName: true, mimeType: true, bytes: true },
  });
}

const CLASH_NAMES_SHOWN = 5;

/** The other courses whose sessions overlap this course's, as the clash rules need them. */
export async function courseClashes(course: CourseWithParts) {
  const me: ClashCourse = {
    id: course.id,
    title: course.title,
    capacity: course.capacity,
    lecturerId: course.lecturerId,
    attendeeIds: course.attendees.map((a) => a.personId),
    batchOf: Object.fromEntries(course.attendees.map((a) => [a.personId, a.batch])),
    sessions: course.sessions,
  };
  const others =
    course.sessions.length === 0
      ? []
      : await db.course.findMany({
          where: {
            id: { not: course.id },
            sessions: {
              some: { OR: course.sessions.map((s) => ({ startsAt: { lt: s.endsAt }, endsAt: { gt: s.startsAt } })) },
            },
          },
          select: {
            id: true,
            title: true,
            capacity: true,
            lecturerId: true,
            attendees: { select: { personId: true, batch: true } },
            sessions: {
              select: { id: true, startsAt: true, endsAt: true, location: true, roomId: true, batch: true },
            },
          },
        });
  const clashes = findClashes(
    me,
    others.map((o) => ({
      ...o,
      attendeeIds: o.attendees.map((a) => a.personId),
      batchOf: Object.fromEntries(o.attendees.map((a) => [a.personId, a.batch])),
    })),
  );
  const summary = clashSummary(clashes);
  const groups = clashGroups(course.id, clashes);
  const people = await db.person.findMany({
    where: { id: { in: summary.people.map((p) => p.personId) } },
    select: { id: true, name: true, employeeNo: true },
  });
  const personOf = (id: string) => people.find((x) => x.id === id)!;
  return {
    ...summary,
    people: summary.people.map((p) => ({ ...p, person: personOf(p.personId) })),
    // What the page lists: per other course, how many people and the first few of them.
    groups: {
      rooms: groups.rooms,
      people: groups.people.map(({ personIds, ...g }) => ({
        ...g,
        count: personIds.length,
        first: personIds.slice(0, CLASH_NAMES_SHOWN).map(personOf),
      })),
    },
  };
}

/** A session as the training calendar shows it. */
export const CALENDAR_SESSION = {
  id: true,
  startsAt: true,
  endsAt: true,
  location: true,
  course: {
    select: {
      id: true,
      title: true,
      monthlyItem: { select: { category: true } },
      approval: { select: { state: true } },
    },
  },
} as const;

/**
 * The month's sessions of the approved courses a person attends, and the sessions they accepted as a
 * make-up: the calendar of someone who reads no plans.
 */
export async function attendeeSessions(personId: string, year: number, month: number) {
  return db.courseSession.findMany({
    where: {
      course: { monthlyItem: { plan: { year, month } }, approval: { state: "APPROVED" } },
      // Of a course split into batches, the sessions of their batch (ADR 0025).
      ...(await sessionsSatBy(db, personId)),
    },
    orderBy: { startsAt: "asc" },
    select: CALENDAR_SESSION,
  });
}
