import { describe, expect, it } from "vitest";

import { groupByYear, hoursOf, hoursPerYear, makeUpState, yearBounds } from "./training-file-rules";

const ZONE = "Asia/Shanghai";

describe("hours per year", () => {
  it("counts a record in the company year its session started, not the UTC year", () => {
    // 2027-01-01 00:30 in Shanghai is still 2026-12-31 in UTC.
    const newYear = new Date("2026-12-31T16:30:00Z");
    const lastDay = new Date("2026-12-31T15:30:00Z"); // 23:30 Shanghai, 2026
    const totals = hoursPerYear(
      [
        { startsAt: newYear, minutes: 90, courseId: "a" },
        { startsAt: lastDay, minutes: 120, courseId: "b" },
      ],
      ZONE,
    );
    expect(totals).toEqual([
      { year: 2027, minutes: 90, hours: 1.5, sessions: 1, courses: 1 },
      { year: 2026, minutes: 120, hours: 2, sessions: 1, courses: 1 },
    ]);
  });

  it("adds minutes of a year, counts each course once and leaves missed sessions out of the counts", () => {
    const at = (d: string) => new Date(`${d}T02:00:00Z`);
    const totals = hoursPerYear(
      [
        { startsAt: at("2026-03-01"), minutes: 60, courseId: "a" },
        { startsAt: at("2026-03-08"), minutes: 45, courseId: "a" },
        { startsAt: at("2026-04-01"), minutes: 0, courseId: "b" },
      ],
      ZONE,
    );
    expect(totals).toEqual([{ year: 2026, minutes: 105, hours: 1.8, sessions: 2, courses: 1 }]);
  });

  it("is empty without records, and rounds to one decimal", () => {
    expect(hoursPerYear([], ZONE)).toEqual([]);
    expect(hoursOf(100)).toBe(1.7);
    expect(hoursOf(0)).toBe(0);
  });

  it("bounds a company year at midnight in the company zone", () => {
    const { start, end } = yearBounds(2027, ZONE);
    expect(start.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(end.toISOString()).toBe("2027-12-31T16:00:00.000Z");
  });
});

describe("grouping", () => {
  it("groups records by year, newest year first, each year in date order", () => {
    const r = (iso: string) => ({ startsAt: new Date(iso) });
    const groups = groupByYear([r("2025-05-01T02:00:00Z"), r("2026-06-01T02:00:00Z"), r("2026-02-01T02:00:00Z")], ZONE);
    expect(groups.map((g) => g.year)).toEqual([2026, 2025]);
    expect(groups[0].records.map((x) => x.startsAt.toISOString().slice(0, 10))).toEqual(["2026-02-01", "2026-06-01"]);
  });
});

describe("make-up state", () => {
  const missed = { sessionId: "s1", makeUpOwed: true, outcome: "ABSENT" };
  it("is owed until a make-up is accepted, scheduled until attended, made up once time is credited", () => {
    expect(makeUpState(missed, [], [])).toBe("owed");
    expect(makeUpState(missed, [], [{ missedSessionId: "s1" }])).toBe("scheduled");
    expect(makeUpState(missed, [{ makeUpForSessionId: "s1", minutes: 60 }], [{ missedSessionId: "s1" }])).toBe(
      "madeUp",
    );
  });
  it("an absent make-up session does not make it up; other sessions' make-ups do not count", () => {
    expect(makeUpState(missed, [{ makeUpForSessionId: "s1", minutes: 0 }], [])).toBe("owed");
    expect(makeUpState(missed, [{ makeUpForSessionId: "s2", minutes: 60 }], [])).toBe("owed");
  });
  it("a session attended owes nothing", () => {
    expect(makeUpState({ sessionId: "s1", makeUpOwed: false, outcome: "PRESENT" }, [], [])).toBe("none");
  });
});
