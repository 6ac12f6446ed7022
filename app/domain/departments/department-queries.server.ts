import { db } from "~/utils/db.server";

export function listDepartmentsWithCounts() {
  return db.department.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      parentId: true,
      sortOrder: true,
      _count: { select: { people: true } },
    },
  });
}

/** Codes and names, for the people import template's reference sheet. */
export function listDepartmentCodes() {
  return db.department.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } });
}
