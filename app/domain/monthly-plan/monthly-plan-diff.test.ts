import { describe, expect, it } from "vitest";

import { diffMonthlyPlans, type MonthlySnapshotItem } from "./monthly-plan-diff";

const item = (over: Partial<MonthlySnapshotItem>): MonthlySnapshotItem => ({
  id: "a",
  planItemId: "p1",
  title: "年终合规复训",
  category: "INTERNAL",
  targetPeople: "全体催收员",
  headcount: 20,
  sessions: 2,
  budgetFen: 1000_00,
  unplannedReason: null,
  ...over,
});

describe("what changed in a monthly plan since the rejected revision", () => {
  it("names added and removed items, and each changed item with its changed fields before and after", () => {
    const before = {
      title: "12 月培训计划",
      items: [
        item({}),
        item({ id: "b", planItemId: null, title: "转岗培训", category: "TRANSFER", unplannedReason: "客服转催收" }),
      ],
    };
    const after = {
      title: "12 月培训计划",
      items: [
        item({ headcount: 24, budgetFen: 1200_00 }),
        item({
          id: "c",
          planItemId: null,
          title: "新员工入职培训",
          category: "NEW_HIRE",
          unplannedReason: "本月新入职 4 人",
        }),
      ],
    };
    const diff = diffMonthlyPlans(before, after);
    expect(diff.added.map((i) => i.title)).toEqual(["新员工入职培训"]);
    expect(diff.removed.map((i) => i.title)).toEqual(["转岗培训"]);
    expect(diff.changed).toEqual([
      {
        id: "a",
        title: "年终合规复训",
        changes: [
          { field: "headcount", before: 20, after: 24 },
          { field: "budgetFen", before: 1000_00, after: 1200_00 },
        ],
      },
    ]);
  });

  it("an item whose annual item was deleted shows as become unplanned, with its new reason", () => {
    const diff = diffMonthlyPlans(
      { title: "x", items: [item({})] },
      { title: "x", items: [item({ planItemId: null, unplannedReason: "年度计划已删去该项，本月仍须开展" })] },
    );
    expect(diff.changed[0].changes).toEqual([
      { field: "planItemId", before: "p1", after: null },
      { field: "unplannedReason", before: null, after: "年度计划已删去该项，本月仍须开展" },
    ]);
  });

  it("an unchanged resubmission shows no changes", () => {
    expect(diffMonthlyPlans({ title: "x", items: [item({})] }, { title: "x", items: [item({})] })).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});
