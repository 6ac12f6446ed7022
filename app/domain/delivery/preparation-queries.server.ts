// Reads for the preparation pages: one course's checklist, and the clerk's list of approved courses.
import type { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { feeDifference, readiness } from "./preparation-rules";

/** Department heads see a course when one of its attendees is in their departments (as on the course page). */
const inScope = (departmentIds: string[] | null): Prisma.CourseWhereInput =>
  departmentIds ? { attendees: { some: { person: { departmentId: { in: departmentIds } } } } } : {};

const ITEM_ORDER = [{ sortOrder: "asc" as const }, { createdAt: "asc" as const }];

/** null when the course has no checklist (not approved) or is outside the reader's departments. */
export async function preparationPage(courseId: string, departmentIds: string[] | null) {
  const course = await db.course.findFirst({
    where: { id: courseId, ...inScope(departmentIds), delivery: { isNot: null } },
    select: {
      id: true,
      title: true,
      lecturerKind: true,
      externalLecturer: true,
      externalOrg: true,
      externalContact: true,
      externalFeeFen: true,
      delivery: true,
      preparation: { orderBy: ITEM_ORDER },
      sessions: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, location: true } },
      _count: { select: { attendees: true } },
    },
  });
  if (!course?.delivery) return null;
  const d = course.delivery;
  const overrideBy = d.overrideById
    ? await db.person.findUnique({ where: { id: d.overrideById }, select: { name: true } })
    : null;
  return {
    course: {
      id: course.id,
      title: course.title,
      kind: course.lecturerKind,
      externalLecturer: course.externalLecturer,
      externalOrg: course.externalOrg,
      externalContact: course.externalContact,
      budgetedFeeFen: course.externalFeeFen,
      attendeeCount: course._count.attendees,
      sessions: course.sessions,
    },
    delivery: {
      state: d.state,
      version: d.version,
      institutionContact: d.institutionContact,
      agreedFeeFen: d.agreedFeeFen,
      differenceFen: feeDifference(d.agreedFeeFen, course.externalFeeFen),
      bringItems: d.bringItems,
      override: d.overrideReason
        ? { reason: d.overrideReason, at: d.overrideAt, byName: overrideBy?.name ?? null }
        : null,
    },
    items: course.preparation.map((i) => ({
      id: i.id,
      key: i.key,
      label: i.label,
      note: i.note,
      doneAt: i.doneAt,
      doneByName: i.doneByName,
      standard: Boolean(i.key),
    })),
    readiness: readiness(course.preparation, d),
  };
}

export type PreparationPage = NonNullable<Awaited<ReturnType<typeof preparationPage>>>;

/**
 * Every approved course still to come (its last session has not ended), or also the past ones,
 * sorted by first session and grouped by the company-local month of it.
 */
export async function preparationList(input: { departmentIds: string[] | null; past: boolean; timeZone: string }) {
  const at = now();
  const courses = await db.course.findMany({
    where: {
      ...inScope(input.departmentIds),
      delivery: { isNot: null },
      // A course with no session left cannot be prepared for; the past toggle shows those too.
      ...(input.past ? {} : { sessions: { some: { endsAt: { gt: at } } } }),
    },
    select: {
      id: true,
      title: true,
      lecturerKind: true,
      delivery: { select: { state: true, overrideReason: true } },
      preparation: { orderBy: ITEM_ORDER, select: { id: true, key: true, label: true, doneAt: true } },
      sessions: { orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } },
      _count: { select: { attendees: true } },
    },
  });
  const rows = courses
    .map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.lecturerKind,
      state: c.delivery!.state,
      firstSession: c.sessions[0]?.startsAt ?? null,
      lastEnd: c.sessions.at(-1)?.endsAt ?? null,
      attendeeCount: c._count.attendees,
      readiness: readiness(c.preparation, c.delivery),
    }))
    .sort((a, b) => (a.firstSession?.getTime() ?? Infinity) - (b.firstSession?.getTime() ?? Infinity));
  const months: Array<{ year: number; month: number; courses: typeof rows }> = [];
  for (const row of rows) {
    const d = row.firstSession ? companyDate(row.firstSession, input.timeZone) : { year: 0, month: 0 };
    const last = months.at(-1);
    if (last && last.year === d.year && last.month === d.month) last.courses.push(row);
    else months.push({ year: d.year, month: d.month, courses: [row] });
  }
  return { months, past: input.past };
}
