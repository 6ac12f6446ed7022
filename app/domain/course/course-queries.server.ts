// Reads of course plans shaped for pages: the course with its clashes and budget, and the lists.
import { sessionsSatBy } from "~/domain/attendance/roster.server";
import { db } from "~/utils/db.server";

import { clashGroups } from "./clash-groups";
import { readClashingCourses, readCourseWithParts, type CourseWithParts } from "./course-read.server";
import { clashSummary, findClashes, type ClashCourse } from "./course-rules";

// The course's budget lives with the other budget reads; the course page reads it from here.
export { courseBudget } from "./budget-queries.server";

/** The course with its approval, lecturer, monthly item, sessions, attendees and materials: one statement. */
export const getCourse = readCourseWithParts;
export type { CourseWithParts };

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
  const others = await readClashingCourses(course.id, course.sessions);
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
  // No clash with a person (the usual case): no read of names.
  const people =
    summary.people.length === 0
      ? []
      : await db.person.findMany({
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
