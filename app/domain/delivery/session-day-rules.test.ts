import { describe, expect, it } from "vitest";

import { checklistLine, dayOf, dayPair, isoDate, pickDay, rosterCounts } from "./session-day-rules";

const ZONE = "Asia/Shanghai";
// 2026-12-09 23:30 in Shanghai is still 15:30 UTC on the 9th; 00:30 on the 10th is 16:30 UTC on the 9th.
const lateOn9th = new Date("2026-12-09T15:30:00Z");
const earlyOn10th = new Date("2026-12-09T16:30:00Z");

describe("the company's day", () => {
  it("is the date in the company's zone, not the server's", () => {
    expect(isoDate(lateOn9th, ZONE)).toBe("2026-12-09");
    expect(isoDate(earlyOn10th, ZONE)).toBe("2026-12-10");
  });
  it("takes an asked date only when it is a real calendar date, else today", () => {
    expect(pickDay("2026-12-15", earlyOn10th, ZONE)).toBe("2026-12-15");
    for (const bad of [null, "", "2026-02-30", "2026-13-01", "15.12.2026", "1999-12-01"])
      expect(pickDay(bad, earlyOn10th, ZONE)).toBe("2026-12-10");
  });
  it("pairs the day with the next, across a month's end", () => {
    const pair = dayPair("2026-12-31", ZONE);
    expect(pair.first.date).toBe("2026-12-31");
    expect(pair.second.date).toBe("2027-01-01");
    expect(pair.first.start.toISOString()).toBe("2026-12-30T16:00:00.000Z");
    expect(pair.second.end.toISOString()).toBe("2027-01-01T16:00:00.000Z");
  });
  it("puts a session on today, tomorrow or neither by its company-local start", () => {
    const pair = dayPair("2026-12-10", ZONE);
    expect(dayOf(earlyOn10th, pair)).toBe("first");
    expect(dayOf(lateOn9th, pair)).toBeNull();
    expect(dayOf(new Date("2026-12-11T01:00:00Z"), pair)).toBe("second");
    expect(dayOf(new Date("2026-12-11T16:00:00Z"), pair)).toBeNull();
  });
});

describe("checklistLine", () => {
  it("labels a standard key through the catalog and an added line by its own text", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    expect(checklistLine({ id: "1", key: "venue", label: null, doneAt: at })).toEqual({
      id: "1",
      done: true,
      labelKey: "sessionDay.checklist.venue",
      label: null,
    });
    expect(checklistLine({ id: "2", key: null, label: "借投影仪", doneAt: null })).toEqual({
      id: "2",
      done: false,
      labelKey: null,
      label: "借投影仪",
    });
    expect(checklistLine({ id: "3", key: "unknownKey", label: null, doneAt: null }).label).toBe("unknownKey");
  });
});

describe("rosterCounts", () => {
  it("expects everyone not on leave", () => {
    const row = { personId: "p", employeeNo: "C0101", name: "甲", department: "催收一部" };
    expect(rosterCounts([row, { ...row, leave: null }, { ...row, leave: { kind: "LEAVE" } }])).toEqual({
      total: 3,
      onLeave: 1,
      expected: 2,
    });
  });
});
