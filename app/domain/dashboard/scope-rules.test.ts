import { describe, expect, it } from "vitest";

import { dashboardScope, rowResolver, upFrom, type ScopeDepartment } from "./scope-rules";

const d = (id: string, parentId: string | null, kind: ScopeDepartment["kind"], sortOrder = 0): ScopeDepartment => ({
  id,
  parentId,
  name: id,
  kind,
  sortOrder,
});
const TREE = [
  d("co", null, "COMPANY"),
  d("trn", "co", "DEPARTMENT", 2),
  d("col1", "co", "DEPARTMENT", 4),
  d("col2", "co", "DEPARTMENT", 5),
  d("col1-1", "col1", "TEAM", 1),
  d("col1-2", "col1", "TEAM", 2),
  d("col2-1", "col2", "TEAM", 1),
];
const ok = (r: ReturnType<typeof dashboardScope>) => {
  if (!r.ok) throw new Error(`refused ${r.status}`);
  return r.scope;
};

describe("who sees which part of the dashboard", () => {
  it("leaders see the company, its departments as rows, and anyone directly in the company on a row of its own", () => {
    const s = ok(dashboardScope(TREE, null, null));
    expect(s.focus).toBeNull();
    expect(s.rows.map((r) => r.id)).toEqual(["trn", "col1", "col2"]);
    expect(s.departmentIds).toHaveLength(TREE.length);
    const rowFor = rowResolver(TREE, s);
    expect(rowFor("col1-2")).toBe("col1");
    expect(rowFor("co")).toBe("co");
  });

  it("a leader drilling into a department sees its teams as rows", () => {
    const s = ok(dashboardScope(TREE, null, "col1"));
    expect(s.focus?.id).toBe("col1");
    expect(s.departmentIds.sort()).toEqual(["col1", "col1-1", "col1-2"]);
    expect(s.rows.map((r) => r.id)).toEqual(["col1-1", "col1-2"]);
    expect(rowResolver(TREE, s)("col1")).toBe("col1");
    expect(rowResolver(TREE, s)("col2-1")).toBeNull();
  });

  it("a head lands on their own department and is refused another one", () => {
    const mine = ["col1", "col1-1", "col1-2"];
    expect(ok(dashboardScope(TREE, mine, null)).focus?.id).toBe("col1");
    expect(ok(dashboardScope(TREE, mine, "col1-2")).departmentIds).toEqual(["col1-2"]);
    expect(dashboardScope(TREE, mine, "col2")).toEqual({ ok: false, status: 403 });
    expect(dashboardScope(TREE, mine, "nope")).toEqual({ ok: false, status: 403 });
  });

  it("an unknown department is not found for a leader", () => {
    expect(dashboardScope(TREE, null, "nope")).toEqual({ ok: false, status: 404 });
  });

  it("a head of two departments sees both as rows", () => {
    const s = ok(dashboardScope(TREE, ["col1", "col1-1", "col1-2", "col2", "col2-1"], null));
    expect(s.focus).toBeNull();
    expect(s.rows.map((r) => r.id)).toEqual(["col1", "col2"]);
  });

  it("up one level: to the parent, to the company, never above a head's own department", () => {
    expect(upFrom(TREE, null, TREE[4])).toEqual({ departmentId: "col1" });
    expect(upFrom(TREE, null, TREE[2])).toEqual({ departmentId: null });
    expect(upFrom(TREE, ["col1", "col1-1", "col1-2"], TREE[2])).toBeNull();
    expect(upFrom(TREE, ["col1", "col1-1", "col1-2"], TREE[4])).toEqual({ departmentId: "col1" });
    expect(upFrom(TREE, null, null)).toBeNull();
  });
});
