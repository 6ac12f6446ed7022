// Reads of the internal lecturer list: who is marked (with the courses they still have to give), and, for a
// search, the employees who could be marked.
import type { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

const matching = (q: string) => ({
  OR: [
    { name: { contains: q } },
    { employeeNo: { contains: q, mode: "insensitive" as const } },
    { post: { contains: q } },
    { department: { name: { contains: q } } },
  ],
});
const inScope = (scope: string[] | null) => (scope ? { departmentId: { in: scope } } : {});
const shown = {
  id: true,
  name: true,
  employeeNo: true,
  post: true,
  status: true,
  disabledAt: true,
  department: { select: { name: true } },
} as const;

/**
 * lecturer-rules.ts `notYetHeld` as a query: not cancelled, and no session yet or one still to end. Only these
 * courses are read (not every course a lecturer ever gave); lecturer-pages.test.ts holds it to the rule.
 */
export const notYetHeldWhere = (at: Date): Prisma.CourseWhereInput => ({
  NOT: { delivery: { is: { state: "CANCELLED" } } },
  OR: [{ sessions: { none: {} } }, { sessions: { some: { endsAt: { gt: at } } } }],
});

/** The marked lecturers in scope (those who left too, so their mark can be taken back), by employee no. */
export async function listLecturers(search: string, scope: string[] | null) {
  const q = search.trim();
  const people = await db.person.findMany({
    where: { roles: { some: { role: "LECTURER" } }, ...inScope(scope), ...(q ? matching(q) : {}) },
    orderBy: { employeeNo: "asc" },
    select: {
      ...shown,
      coursesLectured: {
        where: { lecturerKind: "INTERNAL", ...notYetHeldWhere(now()) },
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true },
      },
    },
  });
  return people.map(({ coursesLectured, department, ...p }) => ({
    ...p,
    department: department.name,
    upcoming: coursesLectured,
  }));
}

/** With a search, up to 20 employees still working here, in scope and not yet marked; without one, none. */
export async function lecturerCandidates(search: string, scope: string[] | null) {
  const q = search.trim();
  if (!q) return [];
  const people = await db.person.findMany({
    where: {
      disabledAt: null,
      status: { not: "LEFT" },
      roles: { none: { role: "LECTURER" } },
      ...inScope(scope),
      ...matching(q),
    },
    orderBy: { employeeNo: "asc" },
    take: 20,
    select: shown,
  });
  return people.map(({ department, ...p }) => ({ ...p, department: department.name }));
}
