// The course list: one keyset page at a time, newest month first, and within a month in the order the courses
// were made. Only the page's courses are read, each with its sessions and head count.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { keysetPage, keysetReadOrder, keysetRequest, type KeysetRequest } from "~/utils/keyset";

import { decodeCourseCursor, encodeCourseCursor, type CourseCursor } from "./course-list-rules";
import { COST_SELECT, courseCost } from "./course-rules";

export const COURSES_PAGE_SIZE = 30;

export type CourseListFilter = {
  year?: number;
  month?: number;
  /** The departments in the reader's scope (null: every department): courses one of their people attends. */
  departmentIds: string[] | null;
  after?: string;
  before?: string;
};

/** Rows after the cursor in list order (`after`), or before it (`before`): months descending, then made. */
function beyond(cursor: CourseCursor, request: KeysetRequest<unknown>): Prisma.CourseWhereInput {
  const older = keysetReadOrder("desc", request).beyond;
  const later = keysetReadOrder("asc", request).beyond;
  const sameMonth = { monthlyItem: { plan: { year: cursor.year, month: cursor.month } } };
  return {
    OR: [
      { monthlyItem: { plan: { year: { [older]: cursor.year } } } },
      { monthlyItem: { plan: { year: cursor.year, month: { [older]: cursor.month } } } },
      { ...sameMonth, createdAt: { [later]: cursor.createdAt } },
      { ...sameMonth, createdAt: cursor.createdAt, id: { [later]: cursor.id } },
    ],
  };
}

export async function listCourses(filter: CourseListFilter) {
  const request = keysetRequest(filter, decodeCourseCursor);
  const and: Prisma.CourseWhereInput[] = [];
  if (filter.year)
    and.push({ monthlyItem: { plan: { year: filter.year, ...(filter.month ? { month: filter.month } : {}) } } });
  if (filter.departmentIds)
    and.push({ attendees: { some: { person: { departmentId: { in: filter.departmentIds } } } } });
  if (request.cursor) and.push(beyond(request.cursor, request));
  const [monthOrder, madeOrder] = [keysetReadOrder("desc", request).dir, keysetReadOrder("asc", request).dir];
  const fetched = await db.course.findMany({
    where: { AND: and },
    orderBy: [
      { monthlyItem: { plan: { year: monthOrder } } },
      { monthlyItem: { plan: { month: monthOrder } } },
      { createdAt: madeOrder },
      { id: madeOrder },
    ],
    take: COURSES_PAGE_SIZE + 1,
    select: {
      id: true,
      title: true,
      capacity: true,
      createdAt: true,
      ...COST_SELECT,
      approval: { select: { state: true, revision: true } },
      monthlyItem: { select: { title: true, category: true, plan: { select: { id: true, year: true, month: true } } } },
      sessions: { orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true, location: true } },
      _count: { select: { attendees: true } },
    },
  });
  const page = keysetPage(fetched, request, COURSES_PAGE_SIZE, (c) =>
    encodeCourseCursor({ ...c.monthlyItem.plan, createdAt: c.createdAt, id: c.id }),
  );
  return {
    courses: page.rows.map(({ createdAt: _made, ...r }) => ({ ...r, costFen: courseCost(r) })),
    next: page.next,
    previous: page.previous,
  };
}
