import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

import type { PersonStatusName } from "./people.schema";

export const PAGE_SIZE = 50;

export type PeopleFilter = { q?: string; departmentId?: string; status?: PersonStatusName; page: number };

/** People within the departments in scope (null = every department), filtered and paged. */
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
  const where: Prisma.PersonWhereInput = { AND: and };
  const [total, people] = await Promise.all([
    db.person.count({ where }),
    db.person.findMany({
      where,
      orderBy: { employeeNo: "asc" },
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
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
  return { total, people, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
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
