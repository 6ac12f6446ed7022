import { describe, expect, it } from "vitest";

import { changedFields, diffById, diffSets } from "./revision-diff";

describe("comparing two revisions", () => {
  it("lists only the fields that differ, in the order asked, with before and after", () => {
    const before = { title: "话术规范", capacity: 30, tags: ["a", "b"] };
    const after = { title: "话术规范", capacity: 25, tags: ["a", "b"] };
    expect(changedFields(before, after, ["title", "tags", "capacity"])).toEqual([
      { field: "capacity", before: 30, after: 25 },
    ]);
    expect(changedFields(before, { ...after, capacity: 30, tags: ["b", "a"] }, ["tags"])).toEqual([
      { field: "tags", before: ["a", "b"], after: ["b", "a"] },
    ]);
    expect(
      changedFields(before, { ...after, tags: ["b", "a"] }, ["tags"], (_f, v) => [...(v as string[])].sort()),
    ).toEqual([]);
  });

  it("matches rows by id: a renamed row is changed, not removed and added", () => {
    const diff = diffById(
      [
        { id: "1", title: "旧名", n: 1 },
        { id: "2", title: "删掉的", n: 2 },
      ],
      [
        { id: "1", title: "新名", n: 1 },
        { id: "3", title: "新加的", n: 3 },
      ],
      ["title", "n"],
    );
    expect(diff.added.map((r) => r.id)).toEqual(["3"]);
    expect(diff.removed.map((r) => r.id)).toEqual(["2"]);
    expect(diff.changed).toEqual([
      { id: "1", title: "新名", changes: [{ field: "title", before: "旧名", after: "新名" }] },
    ]);
  });

  it("compares sets by key, ignoring order and rows equal in every keyed part", () => {
    expect(diffSets(["p1", "p2"], ["p2", "p3"])).toEqual({ added: ["p3"], removed: ["p1"] });
    const s = (id: string, at: string) => ({ id, at });
    expect(diffSets([s("x", "09:00")], [s("y", "09:00")], (v) => v.at)).toEqual({ added: [], removed: [] });
  });
});
