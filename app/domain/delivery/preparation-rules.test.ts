import { describe, expect, it } from "vitest";

import {
  addItemBlocker,
  feeDifference,
  isStandardKey,
  MAX_ITEMS,
  mayPublish,
  readiness,
  standardItems,
  tickBlocker,
} from "./preparation-rules";

const item = (id: string, done: boolean, key: string | null = id, label: string | null = null) => ({
  id,
  key,
  label,
  doneAt: done ? new Date("2026-12-01T02:00:00Z") : null,
});

describe("standard items", () => {
  it("keeps the keys and order the migration backfilled", () => {
    expect(standardItems("INTERNAL")).toEqual([
      { key: "venue", sortOrder: 1 },
      { key: "equipment", sortOrder: 2 },
      { key: "materials", sortOrder: 3 },
      { key: "signInSheet", sortOrder: 4 },
    ]);
    expect(standardItems("EXTERNAL").map((i) => i.key)).toEqual([
      "institutionContacted",
      "timeConfirmed",
      "placeConfirmed",
      "feeConfirmed",
    ]);
    expect(isStandardKey("venue")).toBe(true);
    expect(isStandardKey("feeConfirmed")).toBe(true);
    expect(isStandardKey(null)).toBe(false);
    expect(isStandardKey("custom")).toBe(false);
  });
});

describe("readiness", () => {
  it("counts ticks, names what is missing and rounds the percent down", () => {
    const r = readiness([item("venue", true), item("equipment", false), item("x", false, null, "茶歇")], null);
    expect(r).toEqual({
      done: 1,
      total: 3,
      percent: 33,
      missing: [
        { id: "equipment", key: "equipment", label: "preparation.items.equipment" },
        { id: "x", key: null, label: "茶歇" },
      ],
      complete: false,
      overridden: false,
    });
    expect(mayPublish(r)).toBe(false);
  });

  it("is complete only when every line is ticked, and an empty list is not ready", () => {
    expect(readiness([item("venue", true)], null)).toMatchObject({ complete: true, percent: 100, missing: [] });
    expect(readiness([], null)).toMatchObject({ complete: false, percent: 0, total: 0 });
  });

  it("an override lets an incomplete list be published", () => {
    const r = readiness([item("venue", false)], { overrideReason: "场地由合作方提供" });
    expect(r).toMatchObject({ complete: false, overridden: true });
    expect(mayPublish(r)).toBe(true);
  });
});

describe("fee difference", () => {
  it("is agreed minus budgeted, and nothing before a fee is agreed", () => {
    expect(feeDifference(null, 500_00)).toBeNull();
    expect(feeDifference(650_00, 500_00)).toBe(150_00);
    expect(feeDifference(450_00, 500_00)).toBe(-50_00);
  });
});

describe("what a tick needs first", () => {
  const none = { institutionContact: null, agreedFeeFen: null };
  it("the institution's contact before 'contacted', the agreed fee before 'fee confirmed'", () => {
    expect(tickBlocker("institutionContacted", none)).toBe("preparation.needsContact");
    expect(tickBlocker("institutionContacted", { ...none, institutionContact: "  " })).toBe("preparation.needsContact");
    expect(tickBlocker("institutionContacted", { ...none, institutionContact: "王老师 021-5555" })).toBeNull();
    expect(tickBlocker("feeConfirmed", none)).toBe("preparation.needsFee");
    expect(tickBlocker("feeConfirmed", { ...none, agreedFeeFen: 0 })).toBeNull();
    expect(tickBlocker("venue", none)).toBeNull();
    expect(tickBlocker(null, none)).toBeNull();
  });
});

describe("adding a line", () => {
  it("needs words, at most 100 characters, room on the list and no repeat", () => {
    expect(addItemBlocker("   ", [])).toBe("validation.required");
    expect(addItemBlocker("a".repeat(101), [])).toBe("preparation.labelTooLong");
    expect(addItemBlocker("a".repeat(100), [])).toBeNull();
    const full = Array.from({ length: MAX_ITEMS }, (_, i) => ({ key: null, label: `第${i}项` }));
    expect(addItemBlocker("茶歇", full)).toBe("preparation.tooManyItems");
    expect(addItemBlocker(" 茶 歇 ", [{ key: null, label: "茶歇" }])).toBe("preparation.duplicateItem");
    expect(addItemBlocker("茶歇", [{ key: "venue", label: null }])).toBeNull();
  });
});
