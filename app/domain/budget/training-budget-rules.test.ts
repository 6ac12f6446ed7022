import { describe, expect, it } from "vitest";

import {
  acknowledgementCheck,
  amountWithinCap,
  companyWarnings,
  effectiveLimit,
  settableYear,
  submitConcerns,
  yearLine,
} from "./training-budget-rules";

describe("the year's budget and the general manager's cap", () => {
  it("the budget may equal the cap but not go above it; without a cap any budget is fine", () => {
    expect(amountWithinCap(40_000_00, 40_000_00)).toBe(true);
    expect(amountWithinCap(40_000_01, 40_000_00)).toBe(false);
    expect(amountWithinCap(99_000_00, null)).toBe(true);
  });

  it("what may be spent is the lower of the two that are set", () => {
    expect(effectiveLimit({ amountFen: 25_000_00, capFen: 30_000_00 })).toBe(25_000_00);
    expect(effectiveLimit({ amountFen: 35_000_00, capFen: 30_000_00 })).toBe(30_000_00);
    expect(effectiveLimit({ amountFen: null, capFen: 30_000_00 })).toBe(30_000_00);
    expect(effectiveLimit({ amountFen: null, capFen: null })).toBeNull();
  });

  it("the line shows what is left, negative when over, and flags a budget above a lowered cap", () => {
    expect(yearLine({ year: 2026, amountFen: 25_000_00, capFen: 30_000_00 }, 23_300_00)).toEqual({
      year: 2026,
      amountFen: 25_000_00,
      capFen: 30_000_00,
      usedFen: 23_300_00,
      remainingFen: 1_700_00,
      amountOverCap: false,
    });
    expect(yearLine({ year: 2026, amountFen: 35_000_00, capFen: 30_000_00 }, 31_000_00)).toMatchObject({
      remainingFen: -1_000_00,
      amountOverCap: true,
    });
    expect(yearLine({ year: 2026, amountFen: null, capFen: null }, 1)).toMatchObject({ remainingFen: null });
  });

  it("a budget is set for this year or the next only", () => {
    expect(settableYear(2026, 2026)).toBe(true);
    expect(settableYear(2027, 2026)).toBe(true);
    expect(settableYear(2025, 2026)).toBe(false);
    expect(settableYear(2028, 2026)).toBe(false);
  });
});

describe("a course against the company's budget and the cap", () => {
  const limits = { amountFen: 25_000_00, capFen: 30_000_00 };
  it("within both: no warning; exactly on the budget is within", () => {
    expect(companyWarnings({ year: 2026, limits, otherCoursesFen: 20_000_00, costFen: 5_000_00 })).toEqual([]);
  });
  it("over the budget but within the cap: one warning; over the cap too: two", () => {
    expect(companyWarnings({ year: 2026, limits, otherCoursesFen: 20_000_00, costFen: 5_000_01 })).toEqual([
      { level: "company", title: "2026", plannedFen: 25_000_00, spentFen: 25_000_01, overFen: 1 },
    ]);
    const both = companyWarnings({ year: 2026, limits, otherCoursesFen: 28_000_00, costFen: 3_000_00 });
    expect(both.map((w) => [w.level, w.overFen])).toEqual([
      ["company", 6_000_00],
      ["cap", 1_000_00],
    ]);
  });
  it("a cap below the budget is what the course runs into first", () => {
    const w = companyWarnings({
      year: 2026,
      limits: { amountFen: 40_000_00, capFen: 30_000_00 },
      otherCoursesFen: 29_000_00,
      costFen: 2_000_00,
    });
    expect(w.map((x) => x.level)).toEqual(["cap"]);
  });
  it("nothing set: nothing to be over", () => {
    expect(
      companyWarnings({ year: 2026, limits: { amountFen: null, capFen: null }, otherCoursesFen: 9e9, costFen: 1 }),
    ).toEqual([]);
  });
});

describe("what a submission must acknowledge", () => {
  const concerns = submitConcerns({
    warnings: [{ level: "monthly", title: "话术规范", plannedFen: 100, spentFen: 150, overFen: 50 }],
    rooms: [{ title: "投诉处理", self: false, location: "A301", sessions: 2 }],
    people: [{ title: "投诉处理", self: false, count: 3 }],
  });

  it("each budget level over and each clash group is one concern", () => {
    expect(concerns.map((c) => c.kind)).toEqual(["budget", "room", "people"]);
    expect(concerns[1]).toEqual({ kind: "room", title: "投诉处理", self: false, location: "A301", count: 2 });
  });
  it("with concerns: refused without the tick, refused without a reason, accepted with both", () => {
    expect(acknowledgementCheck(concerns, { acknowledged: false, reason: "x" })).toMatchObject({
      ok: false,
      field: "acknowledged",
    });
    expect(acknowledgementCheck(concerns, { acknowledged: true, reason: null })).toMatchObject({
      ok: false,
      field: "acknowledgement",
    });
    expect(acknowledgementCheck(concerns, { acknowledged: true, reason: "总经理已同意" })).toEqual({
      ok: true,
      keep: true,
    });
  });
  it("without concerns nothing is asked and nothing kept", () => {
    expect(acknowledgementCheck([], { acknowledged: false, reason: null })).toEqual({ ok: true, keep: false });
  });
});
