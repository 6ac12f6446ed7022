import { describe, expect, it } from "vitest";

import {
  diffPlans,
  isEmptyDiff,
  lecturerMismatch,
  planTotals,
  spread,
  uncoveredNeeds,
  usesBlockingDeletion,
  type MonthlyUse,
  type SnapshotItem,
} from "./plan-rules";

describe("plan totals", () => {
  it("splits whole sessions and fen evenly, earlier months taking the remainder", () => {
    expect(spread(5, 2)).toEqual([3, 2]);
    expect(spread(100_01, 3)).toEqual([33_34, 33_34, 33_33]);
    expect(spread(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it("sums hours and budget by month and category without losing a fen", () => {
    const totals = planTotals([
      { category: "INTERNAL", months: [9, 3], sessions: 4, hoursTenths: 15, budgetFen: 3_000_01 },
      { category: "NEW_HIRE", months: [3], sessions: 1, hoursTenths: 80, budgetFen: 0 },
    ]);
    expect(totals.byMonth[2]).toEqual({ month: 3, sessions: 3, hoursTenths: 2 * 15 + 80, budgetFen: 1_500_01 });
    expect(totals.byMonth[8]).toEqual({ month: 9, sessions: 2, hoursTenths: 30, budgetFen: 1_500_00 });
    expect(totals.byCategory.find((c) => c.category === "INTERNAL")).toEqual({
      category: "INTERNAL",
      items: 1,
      sessions: 4,
      hoursTenths: 60,
      budgetFen: 3_000_01,
    });
    expect(totals.total).toEqual({ items: 2, sessions: 5, hoursTenths: 140, budgetFen: 3_000_01 });
    expect(totals.byMonth.reduce((s, m) => s + m.budgetFen, 0)).toBe(totals.total.budgetFen);
  });
});

describe("needs covered by the plan", () => {
  it("lists the needs no item links to", () => {
    const needs = [{ id: "n1" }, { id: "n2" }, { id: "n3" }];
    expect(uncoveredNeeds(needs, [{ needIds: ["n1"] }, { needIds: ["n3", "n1"] }])).toEqual([{ id: "n2" }]);
  });

  it("a need the training manager did not adopt is answered too: it waits for nothing", () => {
    const needs = [
      { id: "n1", outcome: "NOT_ADOPTED" },
      { id: "n2", outcome: "PENDING" },
    ];
    expect(uncoveredNeeds(needs, [])).toEqual([{ id: "n2", outcome: "PENDING" }]);
  });
});

describe("what changed since the rejected revision", () => {
  const item = (over: Partial<SnapshotItem>): SnapshotItem => ({
    id: "a",
    title: "话术规范培训",
    category: "INTERNAL",
    months: [3],
    targetPeople: "全体催收员",
    sessions: 4,
    hoursTenths: 20,
    delivery: "INTERNAL",
    lecturerType: "INTERNAL",
    budgetFen: 0,
    headcount: 40,
    departmentId: "d1",
    department: "培训部",
    lecturerId: "p1",
    lecturerName: null,
    lecturer: "周雅琴",
    needIds: ["n1", "n2"],
    ...over,
  });

  it("names added, removed and changed items with before and after", () => {
    const before = { title: "计划", items: [item({}), item({ id: "b", title: "情绪管理" })] };
    const after = {
      title: "计划",
      items: [item({ months: [3, 9], budgetFen: 500_00, needIds: ["n2", "n1"] }), item({ id: "c", title: "法律法规" })],
    };
    const diff = diffPlans(before, after);
    expect(diff.added.map((i) => i.title)).toEqual(["法律法规"]);
    expect(diff.removed.map((i) => i.title)).toEqual(["情绪管理"]);
    expect(diff.changed).toEqual([
      {
        id: "a",
        title: "话术规范培训",
        changes: [
          { field: "months", before: [3], after: [3, 9] },
          { field: "budgetFen", before: 0, after: 500_00 },
        ],
      },
    ]);
  });

  it("shows the headcount, responsible department and lecturer as the paper names them", () => {
    const before = { title: "计划", items: [item({})] };
    const after = {
      title: "计划",
      items: [
        item({ headcount: 45, departmentId: "d2", department: "客服部", lecturerId: null, lecturer: "外聘讲师" }),
      ],
    };
    expect(diffPlans(before, after).changed[0].changes).toEqual([
      { field: "headcount", before: 40, after: 45 },
      { field: "department", before: "培训部", after: "客服部" },
      { field: "lecturer", before: "周雅琴", after: "外聘讲师" },
    ]);
  });

  it("a revision stored before items had these columns counts them as not stated, not as a change", () => {
    const old = item({ department: undefined as unknown as null, lecturer: undefined as unknown as null });
    expect(isEmptyDiff(diffPlans({ title: "x", items: [old] }, { title: "x", items: [item({})] }))).toBe(false);
    const none = item({ department: null, lecturer: null });
    expect(isEmptyDiff(diffPlans({ title: "x", items: [old] }, { title: "x", items: [none] }))).toBe(true);
  });

  it("an unchanged resubmission shows no changes", () => {
    expect(isEmptyDiff(diffPlans({ title: "x", items: [item({})] }, { title: "x", items: [item({})] }))).toBe(true);
  });
});

describe("the lecturer fits the lecturer type", () => {
  it("an internal person only for an internal lecturer, an outside name only for an outside trainer", () => {
    expect(lecturerMismatch({ lecturerType: "INTERNAL", lecturerId: "p1" })).toBeNull();
    expect(lecturerMismatch({ lecturerType: "EXTERNAL", lecturerName: "某律所" })).toBeNull();
    expect(lecturerMismatch({ lecturerType: "GROUP" })).toBeNull();
    expect(lecturerMismatch({ lecturerType: "INTERNAL", lecturerName: "某律所" })?.field).toBe("lecturerName");
    expect(lecturerMismatch({ lecturerType: "EXTERNAL", lecturerId: "p1" })?.field).toBe("lecturerId");
    expect(lecturerMismatch({ lecturerType: "GROUP", lecturerId: "p1" })?.field).toBe("lecturerId");
  });
});

describe("which uses of an annual item forbid deleting it", () => {
  const use = (over: Partial<MonthlyUse>): MonthlyUse => ({
    id: "m",
    title: "话术规范培训",
    unplannedReason: null,
    year: 2027,
    month: 2,
    planState: "DRAFT",
    courses: [],
    ...over,
  });
  it("submitted and approved monthly plans, and any item with courses; not a bare draft", () => {
    const uses = [
      use({ id: "draft" }),
      use({ id: "submitted", planState: "SUBMITTED" }),
      use({ id: "approved", planState: "APPROVED" }),
      use({ id: "draftWithCourse", courses: ["话术复训"] }),
    ];
    expect(usesBlockingDeletion(uses).map((u) => u.id)).toEqual(["submitted", "approved", "draftWithCourse"]);
  });
});
