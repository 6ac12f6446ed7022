// Reads for the preparation pages: one course's checklist, and the clerk's list of approved courses.
import { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";
import {
  decodeInstantIdCursor,
  encodeInstantIdCursor,
  keysetPage,
  keysetReadOrder,
  keysetRequest,
  type InstantIdCursor,
} from "~/utils/keyset";

import { feeDifference, readiness } from "./preparation-rules";

/** Department heads see a course when one of its attendees is in their departments (as on the course page). */
const inScope = (departmentIds: string[] | null): Prisma.CourseWhereInput =>
  departmentIds ? { attendees: { some: { person: { departmentId: { in: departmentIds } } } } } : {};

/** Which page of the list: `after`/`before` cursors (a bad one is the first page). */
export type PreparationPageQuery = { after?: string; before?: string };

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

export const PREPARATION_PAGE_SIZE = 30;

/** A course without sessions sorts as if its first session were at this instant (after every real one). */
const NO_SESSION = new Date("9999-12-31T00:00:00Z");

/** The page's course ids and first sessions, in `dir` by first session (ids breaking ties), from the cursor. */
function preparationIdsSql(
  input: { departmentIds: string[] | null; past: boolean },
  at: Date,
  read: { dir: "asc" | "desc"; beyond: "gt" | "lt"; cursor: InstantIdCursor | null },
) {
  const scope = !input.departmentIds
    ? Prisma.empty
    : input.departmentIds.length
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM "CourseAttendee" a JOIN "Person" p ON p.id = a."personId"
                    WHERE a."courseId" = c.id AND p."departmentId" IN (${Prisma.join(input.departmentIds)}))`
      : Prisma.sql`AND false`;
  // A course with no session left cannot be prepared for; the past toggle shows those too.
  const toCome = input.past
    ? Prisma.empty
    : Prisma.sql`AND EXISTS (SELECT 1 FROM "CourseSession" t WHERE t."courseId" = c.id AND t."endsAt" > ${at})`;
  const first = Prisma.sql`coalesce(min(s."startsAt"), ${NO_SESSION})`;
  const op = read.beyond === "gt" ? Prisma.sql`>` : Prisma.sql`<`;
  const way = read.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const past = read.cursor
    ? Prisma.sql`HAVING (${first}, c.id) ${op} (${read.cursor.at}, ${read.cursor.id})`
    : Prisma.empty;
  return Prisma.sql`SELECT c.id, ${first} AS "firstSession"
      FROM "Course" c JOIN "CourseDelivery" d ON d."courseId" = c.id
      LEFT JOIN "CourseSession" s ON s."courseId" = c.id
     WHERE true ${scope} ${toCome}
     GROUP BY c.id ${past}
     ORDER BY 2 ${way}, c.id ${way}
     LIMIT ${PREPARATION_PAGE_SIZE + 1}`;
}

/**
 * Approved courses still to come (their last session has not ended), soonest first session first; with the
 * past toggle every course ever delivered, the latest first session first. A keyset page at a time (ids
 * break ties), grouped by the company-local month of the first session.
 */
export async function preparationList(
  input: { departmentIds: string[] | null; past: boolean; timeZone: string } & PreparationPageQuery,
) {
  const at = now();
  const request = keysetRequest(input, decodeInstantIdCursor);
  const read = { ...keysetReadOrder(input.past ? "desc" : "asc", request), cursor: request.cursor };
  const fetched = await db.$queryRaw<Array<{ id: string; firstSession: Date }>>(preparationIdsSql(input, at, read));
  const page = keysetPage(fetched, request, PREPARATION_PAGE_SIZE, (r) =>
    encodeInstantIdCursor({ at: r.firstSession, id: r.id }),
  );
  const courses = await db.course.findMany({
    where: { id: { in: page.rows.map((r) => r.id) } },
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
  const byId = new Map(courses.map((c) => [c.id, c]));
  const rows = page.rows.flatMap((r) => {
    const c = byId.get(r.id);
    if (!c?.delivery) return [];
    return [
      {
        id: c.id,
        title: c.title,
        kind: c.lecturerKind,
        state: c.delivery.state,
        firstSession: c.sessions[0]?.startsAt ?? null,
        lastEnd: c.sessions.at(-1)?.endsAt ?? null,
        attendeeCount: c._count.attendees,
        readiness: readiness(c.preparation, c.delivery),
      },
    ];
  });
  const months: Array<{ year: number; month: number; courses: typeof rows }> = [];
  for (const row of rows) {
    const d = row.firstSession ? companyDate(row.firstSession, input.timeZone) : { year: 0, month: 0 };
    const last = months.at(-1);
    if (last && last.year === d.year && last.month === d.month) last.courses.push(row);
    else months.push({ year: d.year, month: d.month, courses: [row] });
  }
  return { months, past: input.past, next: page.next, previous: page.previous };
}
