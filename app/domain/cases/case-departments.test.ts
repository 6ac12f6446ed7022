import { describe, expect, it } from "vitest";

import { importableDepartments, type DepartmentRow } from "./case-departments";

const dept = (id: string, kind: DepartmentRow["kind"], parentId: string | null, sortOrder = 0): DepartmentRow => ({
  id,
  name: id,
  kind,
  parentId,
  sortOrder,
});
const TREE = [
  dept("company", "COMPANY", null),
  dept("training", "DEPARTMENT", "company", 2),
  dept("col2", "DEPARTMENT", "company", 5),
  dept("col1", "DEPARTMENT", "company", 4),
  dept("col1-team", "TEAM", "col1"),
  dept("col2-team", "TEAM", "col2"),
];
// Agents sit in a team of 催收一部 and directly in 催收二部; nobody in 培训部 holds a collection post.
const AGENTS = ["col1-team", "col2"];
const ids = (scope: string[] | null, agents = AGENTS) => importableDepartments(TREE, agents, scope).map((d) => d.id);

describe("where a case batch may be imported", () => {
  it("scope any: every collection department, in the department list's order", () => {
    expect(ids(null)).toEqual(["col1", "col2"]);
  });

  it("a department without people in collection posts, and the company or a team, are never offered", () => {
    expect(ids(null, [...AGENTS, "company", "training-nobody"])).toEqual(["col1", "col2"]);
    expect(ids(null, [])).toEqual([]);
  });

  it("a head's scope (their department and its teams) keeps only their own department", () => {
    expect(ids(["col1", "col1-team"])).toEqual(["col1"]);
    expect(ids(["training"])).toEqual([]);
  });
});
