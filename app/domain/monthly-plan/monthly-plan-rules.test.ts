import { describe, expect, it } from "vitest";

import { monthShare, nextMonth, parseYearMonth } from "./monthly-plan-rules";

describe("an annual item's share of a month", () => {
  it("splits sessions and budget over the item's months; the shares add up to the item", () => {
    const item = { months: [12, 11], sessions: 3, budgetFen: 3_000_01 };
    expect(monthShare(item, 11)).toEqual({ sessions: 2, budgetFen: 1_500_01 });
    expect(monthShare(item, 12)).toEqual({ sessions: 1, budgetFen: 1_500_00 });
    expect(monthShare(item, 10)).toBeNull();
  });
});

describe("months", () => {
  it.each([
    ["2026-12", { year: 2026, month: 12 }],
    ["2027-1", { year: 2027, month: 1 }],
    ["2026-13", null],
    ["12", null],
    ["", null],
  ])("%s", (v, expected) => {
    expect(parseYearMonth(v)).toEqual(expected);
  });
  it("December is followed by January of the next year", () =>
    expect(nextMonth(2026, 12)).toEqual({ year: 2027, month: 1 }));
});
