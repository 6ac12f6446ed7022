// The list of training files a reader may open: one page of people, and for just those people their
// hours and courses this company year and their case-work certification, each read in one query.
import { certificationsFor } from "~/domain/certification/certification-queries.server";
import type { Prisma } from "~/generated/prisma/client";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";
import { keysetPage, keysetAfter, keysetRequest } from "~/utils/keyset";

import { hoursOf, yearBounds } from "./training-file-rules";

export const FILES_PAGE_SIZE = 30;

/** `after` / `before`: keyset cursors, the employee number of the last row of the page before or of the first
 * row of the page after (the unique index on the employee number; no OFFSET). */
export type FileFilter = { q?: string; departmentId?: string; after?: string; before?: string };

const decodeCursor = (value: string | undefined) => (value ? value : null);

/** `scope`: the departments in the reader's scope (null: every department). */
export async function listTrainingFiles(
  scope: string[] | null,
  filter: FileFilter,
  settings: { timeZone: string; at: Date },
) {
  const and: Prisma.PersonWhereInput[] = [];
  if (scope) and.push({ departmentId: { in: scope } });
  if (filter.departmentId) {
    // A department stands for itself and its teams; the scope above still bounds it.
    const departments = await db.department.findMany({ select: { id: true, parentId: true, name: true } });
    and.push({ departmentId: { in: subtreeIds(departments, [filter.departmentId]) } });
  }
  if (filter.q)
    and.push({
      OR: [{ employeeNo: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q } }],
    });
  const request = keysetRequest(filter, decodeCursor);
  const keyset = keysetAfter("Person", "asc", request, ["employeeNo"], (c) => [c]);
  const [total, fetched] = await Promise.all([
    db.person.count({ where: { AND: and } }),
    db.person.findMany({
      where: { AND: [...and, keyset.where] },
      orderBy: keyset.orderBy,
      take: FILES_PAGE_SIZE + 1,
      select: {
        id: true,
        employeeNo: true,
        name: true,
        post: true,
        status: true,
        disabledAt: true,
        department: { select: { name: true } },
      },
    }),
  ]);
  const page = keysetPage(fetched, request, FILES_PAGE_SIZE, (p) => p.employeeNo);
  const people = page.rows;
  const year = companyDate(settings.at, settings.timeZone).year;
  const { start, end } = yearBounds(year, settings.timeZone);
  const ids = people.map((p) => p.id);
  const inYear = { personId: { in: ids }, startsAt: { gte: start, lt: end } };
  const [minutes, courses, certs] = await Promise.all([
    db.trainingRecord.groupBy({ by: ["personId"], where: inYear, _sum: { minutes: true } }),
    db.trainingRecord.groupBy({ by: ["personId", "courseId"], where: { ...inYear, minutes: { gt: 0 } } }),
    certificationsFor(people),
  ]);
  const minutesOf = new Map(minutes.map((m) => [m.personId, m._sum.minutes ?? 0]));
  const coursesOf = new Map<string, number>();
  for (const c of courses) coursesOf.set(c.personId, (coursesOf.get(c.personId) ?? 0) + 1);
  return {
    year,
    total,
    next: page.next,
    previous: page.previous,
    people: people.map((p) => ({
      id: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      post: p.post,
      status: p.status,
      disabled: Boolean(p.disabledAt),
      department: p.department.name,
      hours: hoursOf(minutesOf.get(p.id) ?? 0),
      courses: coursesOf.get(p.id) ?? 0,
      certification: certs.get(p.id)!.status,
    })),
  };
}
