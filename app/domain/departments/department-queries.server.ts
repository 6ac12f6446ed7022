import { db } from "~/utils/db.server";

export function listDepartmentsWithCounts() {
  return db.department.findMany({
    select: { id: true, code: true, name: true, kind: true, parentId: true, sortOrder: true, _count: { select: { people: true } } },
  });
}
