import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { keysetPage, keysetAfter, keysetRequest } from "~/utils/keyset";

import type { PersonStatusName } from "./people.schema";

export const PAGE_SIZE = 50;

export type PeopleFilter = {
  q?: string;
  departmentId?: string;
  status?: PersonStatusName;
  /** Keyset cursors: the employee number of the last row of the page before (`after`) or of the first row of
   * the page after (`before`). */
  after?: string;
  before?: string;
};

const decodeCursor = (value: string | undefined) => (value ? value : null);

/** People within the departments in scope (null = every department), filtered, by employee number, one keyset
 * page at a time (the unique index on the employee number; no OFFSET). The search is backed by trigram
 * indexes on the name, the employee number and the post. `total`: how many match, in scope. */
export async function listPeople(scopeDepartmentIds: string[] | null, filter: PeopleFilter) {
  const and: Prisma.PersonWhereInput[] = [];
  if (scopeDepartmentIds) and.push({ departmentId: { in: scopeDepartmentIds } });
  if (filter.departmentId) and.push({ departmentId: filter.departmentId });
  if (filter.status) and.push({ status: filter.status });
  if (filter.q)
    and.push({
      OR: [
        { employeeNo: { contains: filter.q, mode: "insensitive" } },
        { name: { contains: filter.q } },
        { post: { contains: filter.q } },
      ],
    });
  const request = keysetRequest(filter, decodeCursor);
  const where: Prisma.PersonWhereInput = { AND: and };
  const keyset = keysetAfter("Person", "asc", request, ["employeeNo"], (c) => [c]);
  const [total, fetched] = await Promise.all([
    db.person.count({ where }),
    db.person.findMany({
      where: { AND: [...and, keyset.where] },
      orderBy: keyset.orderBy,
      take: PAGE_SIZE + 1,
      select: {
        id: true,
        employeeNo: true,
        name: true,
        post: true,
        phone: true,
        status: true,
        disabledAt: true,
        department: { select: { name: true } },
        roles: { select: { role: true } },
      },
    }),
  ]);
  const page = keysetPage(fetched, request, PAGE_SIZE, (p) => p.employeeNo);
  return { total, people: page.rows, next: page.next, previous: page.previous };
}

/** One person, or null when missing or outside the scope (the caller answers 404 either way). */
export async function getPerson(id: string, scopeDepartmentIds: string[] | null) {
  const person = await db.person.findUnique({
    where: { id },
    select: {
      id: true,
      employeeNo: true,
      name: true,
      post: true,
      phone: true,
      email: true,
      status: true,
      hireDate: true,
      disabledAt: true,
      updatedAt: true,
      departmentId: true,
      department: { select: { name: true } },
      roles: { select: { role: true, departmentId: true } },
    },
  });
  if (!person) return null;
  if (scopeDepartmentIds && !scopeDepartmentIds.includes(person.departmentId)) return null;
  return person;
}

export function listDepartmentOptions(scopeDepartmentIds: string[] | null) {
  return db.department.findMany({
    where: scopeDepartmentIds ? { id: { in: scopeDepartmentIds } } : undefined,
    select: { id: true, name: true, parentId: true, sortOrder: true, code: true },
  });
}
