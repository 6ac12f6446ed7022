import { describe, expect, it } from "vitest";

import { isPastMonth, monthHeadcount, monthShare, nextMonth, parseYearMonth } from "./monthly-plan-rules";

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

describe("which months can be planned", () => {
  const today = { year: 2026, month: 12 };
  it.each([
    [{ year: 2026, month: 11 }, true],
    [{ year: 2025, month: 12 }, true],
    [{ year: 2026, month: 12 }, false],
    [{ year: 2027, month: 1 }, false],
  ])("%o is past: %s", (target, past) => expect(isPastMonth(target, today)).toBe(past));
  it("in January, December of last year is past", () =>
    expect(isPastMonth({ year: 2026, month: 12 }, { year: 2027, month: 1 })).toBe(true));
});

describe("an annual item's headcount in a month", () => {
  const item = { headcount: 26, months: [1, 7] };
  it("is the annual item's headcount in each month it is held in: its people may come in either", () => {
    expect(monthHeadcount(item, 7)).toBe(26);
    expect(monthHeadcount(item, 1)).toBe(26);
  });
  it("none in a month the item is not held in, nor for an item stating no headcount", () => {
    expect(monthHeadcount(item, 11)).toBeNull();
    expect(monthHeadcount({ headcount: 0, months: [1] }, 1)).toBeNull();
  });
});
