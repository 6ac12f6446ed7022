import { describe, expect, it } from "vitest";

import { flattenTree, subtreeIds, wouldCreateCycle } from "./department-tree";

const tree = [
  { id: "co", parentId: null, name: "公司" },
  { id: "col1", parentId: "co", name: "催收一部", sortOrder: 2 },
  { id: "col1-1", parentId: "col1", name: "一组" },
  { id: "col2", parentId: "co", name: "催收二部", sortOrder: 3 },
  { id: "trn", parentId: "co", name: "培训部", sortOrder: 1 },
];

describe("department tree", () => {
  it("a department's scope includes its teams, not its siblings", () => {
    expect(subtreeIds(tree, ["col1"]).sort()).toEqual(["col1", "col1-1"]);
  });

  it("lists depth-first in the configured order", () => {
    expect(flattenTree(tree).map((d) => `${d.depth}:${d.id}`)).toEqual([
      "0:co",
      "1:trn",
      "1:col1",
      "2:col1-1",
      "1:col2",
    ]);
  });

  it("refuses to move a department below its own team", () => {
    expect(wouldCreateCycle(tree, "col1", "col1-1")).toBe(true);
    expect(wouldCreateCycle(tree, "col1", "col1")).toBe(true);
    expect(wouldCreateCycle(tree, "col1-1", "col2")).toBe(false);
  });
});
