import { describe, expect, it } from "vitest";

import { agreedFeeDifferences, budgetCost, courseBudgetWarnings, overBy, rollUp } from "./budget-rules";

describe("budget roll-up: course → monthly item → annual item", () => {
  const input = {
    annualItems: [
      { id: "A", title: "话术规范培训", category: "INTERNAL" as const, budgetFen: 3_000_00 },
      { id: "B", title: "新员工入职培训", category: "NEW_HIRE" as const, budgetFen: 2_000_00 },
    ],
    monthlyItems: [
      {
        id: "m11",
        planItemId: "A",
        month: 11,
        category: "INTERNAL" as const,
        title: "话术规范培训",
        budgetFen: 1_500_00,
      },
      {
        id: "m12",
        planItemId: "A",
        month: 12,
        category: "INTERNAL" as const,
        title: "话术规范培训",
        budgetFen: 1_500_00,
      },
      { id: "u11", planItemId: null, month: 11, category: "TRANSFER" as const, title: "转岗培训", budgetFen: 0 },
    ],
    courses: [
      { id: "c1", monthlyItemId: "m11", costFen: 1_000_33, approved: true },
      { id: "c2", monthlyItemId: "m11", costFen: 600_34, approved: false },
      { id: "c3", monthlyItemId: "m12", costFen: 1_499_99, approved: true },
      { id: "c4", monthlyItemId: "u11", costFen: 1, approved: true },
    ],
  };
  const r = rollUp(input);

  it("each monthly item holds its courses, approved as committed and the rest as pending", () => {
    expect(r.monthlyItems.find((m) => m.id === "m11")).toMatchObject({
      plannedFen: 1_500_00,
      committedFen: 1_000_33,
      pendingFen: 600_34,
    });
    expect(overBy(r.monthlyItems.find((m) => m.id === "m11")!)).toBe(100_67);
    expect(overBy(r.monthlyItems.find((m) => m.id === "m12")!)).toBe(0);
  });

  it("an annual item adds up its months; an unplanned item counts in its month but in no annual item", () => {
    expect(r.annualItems.find((a) => a.id === "A")).toMatchObject({
      plannedFen: 3_000_00,
      monthlyPlannedFen: 3_000_00,
      committedFen: 2_500_32,
      pendingFen: 600_34,
    });
    expect(r.annualItems.find((a) => a.id === "B")).toMatchObject({ committedFen: 0, pendingFen: 0 });
    expect(r.byMonth[10]).toEqual({ month: 11, plannedFen: 1_500_00, committedFen: 1_000_34, pendingFen: 600_34 });
    expect(r.byCategory.find((c) => c.category === "TRANSFER")).toMatchObject({ committedFen: 1 });
  });

  it("items outside the annual plan (计划外) are one line beside the annual items", () => {
    expect(r.unplanned).toEqual({ plannedFen: 0, monthlyPlannedFen: 0, committedFen: 1, pendingFen: 0 });
    const annualTable = [...r.annualItems, r.unplanned].reduce((s, a) => s + a.committedFen + a.pendingFen, 0);
    expect(annualTable).toBe(r.total.committedFen + r.total.pendingFen);
  });

  it("a monthly item whose annual item is gone counts as unplanned, not lost", () => {
    const orphan = rollUp({
      ...input,
      monthlyItems: [{ ...input.monthlyItems[0], planItemId: "deleted" }],
      courses: [{ id: "c1", monthlyItemId: "m11", costFen: 2_000_00, approved: true }],
    });
    expect(orphan.unplanned).toMatchObject({ monthlyPlannedFen: 1_500_00, committedFen: 2_000_00 });
    expect(overBy(orphan.unplanned)).toBe(500_00);
  });

  it("no fen is lost: months, categories and courses add up to the same totals", () => {
    const all = input.courses.reduce((s, c) => s + c.costFen, 0);
    expect(r.total.committedFen + r.total.pendingFen).toBe(all);
    expect(r.byCategory.reduce((s, c) => s + c.committedFen + c.pendingFen, 0)).toBe(all);
    expect(r.byMonth.reduce((s, m) => s + m.plannedFen, 0)).toBe(3_000_00);
  });
});

describe("over-budget warning for a course", () => {
  it("warns for each level the course takes over its budget, with the amount over", () => {
    const warnings = courseBudgetWarnings({
      costFen: 800_00,
      monthly: { title: "话术规范培训", budgetFen: 1_500_00, otherCoursesFen: 800_00 },
      annual: { title: "话术规范培训", budgetFen: 3_000_00, otherCoursesFen: 1_000_00 },
    });
    expect(warnings).toEqual([
      { level: "monthly", title: "话术规范培训", plannedFen: 1_500_00, spentFen: 1_600_00, overFen: 100_00 },
    ]);
  });
  it("exactly on budget is no warning; an unplanned item has no annual level", () => {
    expect(
      courseBudgetWarnings({
        costFen: 500_00,
        monthly: { title: "x", budgetFen: 1_000_00, otherCoursesFen: 500_00 },
        annual: null,
      }),
    ).toEqual([]);
    expect(
      courseBudgetWarnings({ costFen: 1, monthly: { title: "x", budgetFen: 0, otherCoursesFen: 0 }, annual: null }),
    ).toMatchObject([{ level: "monthly", overFen: 1 }]);
  });
});

describe("agreed external fees (step 008)", () => {
  it("an agreed fee replaces the budgeted external fee in the course's cost", () => {
    expect(budgetCost({ costFen: 1_500_00, externalFeeFen: 1_000_00, agreedFeeFen: null })).toBe(1_500_00);
    expect(budgetCost({ costFen: 1_500_00, externalFeeFen: 1_000_00, agreedFeeFen: 1_200_00 })).toBe(1_700_00);
    expect(budgetCost({ costFen: 1_500_00, externalFeeFen: 1_000_00, agreedFeeFen: 0 })).toBe(500_00);
  });

  it("lists each difference by month and sums them", () => {
    const r = agreedFeeDifferences([
      { id: "b", title: "投诉处理", month: 12, budgetedFen: 1_000_00, agreedFen: 1_200_00 },
      { id: "a", title: "合规外训", month: 11, budgetedFen: 800_00, agreedFen: 750_00 },
    ]);
    expect(r.rows.map((x) => [x.id, x.differenceFen])).toEqual([
      ["a", -50_00],
      ["b", 200_00],
    ]);
    expect(r.totalFen).toBe(150_00);
  });
});
