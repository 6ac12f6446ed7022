import { describe, expect, it } from "vitest";

import { dayStart, splitWindow, tallyDay } from "./tally-window";

const at = (iso: string) => new Date(iso);

describe("tally days", () => {
  it("a day runs from 00:00 to 24:00 in UTC+8", () => {
    expect(tallyDay(at("2026-03-01T15:59:59.999Z"))).toBe("2026-03-01");
    expect(tallyDay(at("2026-03-01T16:00:00.000Z"))).toBe("2026-03-02");
    expect(dayStart("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
  });
});

describe("splitting a window", () => {
  it("a company year in Asia/Shanghai is whole days only", () => {
    const s = splitWindow({ from: at("2025-12-31T16:00:00Z"), to: at("2026-12-31T16:00:00Z") });
    expect(s.days).toEqual({ firstDay: "2026-01-01", endDay: "2027-01-01" });
    expect(s.head.to.getTime() - s.head.from.getTime()).toBe(0);
    expect(s.tail.to.getTime() - s.tail.from.getTime()).toBe(0);
  });

  it("part days at either end are left to the raw answers, and they meet the whole days exactly", () => {
    const w = { from: at("2026-01-10T03:17:00.123Z"), to: at("2026-02-01T09:00:00Z") };
    const s = splitWindow(w);
    expect(s.days).toEqual({ firstDay: "2026-01-11", endDay: "2026-02-01" });
    expect(s.head).toEqual({ from: w.from, to: dayStart("2026-01-11") });
    expect(s.tail).toEqual({ from: dayStart("2026-02-01"), to: w.to });
  });

  it("a window inside one day, or across one day's end, is read raw whole", () => {
    for (const w of [
      { from: at("2026-01-10T03:00:00Z"), to: at("2026-01-10T09:00:00Z") },
      { from: at("2026-01-10T12:00:00Z"), to: at("2026-01-11T12:00:00Z") },
    ]) {
      const s = splitWindow(w);
      expect(s.days).toBeNull();
      expect(s.head).toEqual(w);
      expect(s.tail.from.getTime()).toBe(s.tail.to.getTime());
    }
  });

  it("exactly one whole day", () => {
    const s = splitWindow({ from: dayStart("2026-05-05"), to: dayStart("2026-05-06") });
    expect(s.days).toEqual({ firstDay: "2026-05-05", endDay: "2026-05-06" });
  });
});
