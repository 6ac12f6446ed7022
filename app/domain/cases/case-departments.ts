// Pure: the departments a case batch (委案) may be imported into. Cases go to collection departments
// (a department with someone in a collection post, its teams included), and only to those inside the
// importer's scope: a head's own department(s), or any for an import:case scope of "any".
import { subtreeIds, type DepartmentNode } from "~/utils/department-tree";

export type DepartmentRow = DepartmentNode & { kind: "COMPANY" | "DEPARTMENT" | "TEAM"; sortOrder: number };

/** `agentDepartmentIds`: where people in collection posts are; `scope`: null means every department. */
export function importableDepartments<T extends DepartmentRow>(
  departments: readonly T[],
  agentDepartmentIds: Iterable<string>,
  scope: readonly string[] | null,
): T[] {
  const agents = new Set(agentDepartmentIds);
  return departments
    .filter((d) => d.kind === "DEPARTMENT" && (scope === null || scope.includes(d.id)))
    .filter((d) => subtreeIds(departments, [d.id]).some((id) => agents.has(id)))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "zh-CN"));
}
