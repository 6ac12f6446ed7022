import { describe, expect, it } from "vitest";

import { callTimeProblem, localDateTimeValue, parseLocalDateTime } from "./call-time";

const TZ = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);

describe("the call's own time", () => {
  it("reads and writes the form's minute in the company's time zone", () => {
    expect(parseLocalDateTime("2026-11-30T21:58", TZ)).toEqual(at("2026-11-30T21:58:00+08:00"));
    expect(localDateTimeValue(at("2026-11-30T13:58:31Z"), TZ)).toBe("2026-11-30T21:58");
    expect(parseLocalDateTime("2026-12-31T23:59", TZ)).toEqual(at("2026-12-31T23:59:00+08:00"));
  });

  it.each(["", "2026-11-30", "2026-02-30T10:00", "2026-11-30T24:10", "2026-11-30 10:00", "x"])(
    "refuses %j as a time",
    (value) => {
      expect(parseLocalDateTime(value, TZ)).toBeNull();
    },
  );

  // [call time, saved at, case assigned at, problem]
  it.each([
    ["2026-11-30T21:58:00+08:00", "2026-11-30T22:01:00+08:00", "2026-11-01T09:00:00+08:00", null],
    ["2026-11-30T22:01:00+08:00", "2026-11-30T22:00:30+08:00", null, null],
    ["2026-11-30T22:05:00+08:00", "2026-11-30T22:01:00+08:00", null, "cases.action.calledAtFuture"],
    ["2026-12-01T10:00:00+08:00", "2026-11-30T22:01:00+08:00", null, "cases.action.calledAtFuture"],
    [
      "2026-10-31T10:00:00+08:00",
      "2026-11-30T22:01:00+08:00",
      "2026-11-01T09:00:00+08:00",
      "cases.action.calledAtBeforeAssigned",
    ],
    ["2026-11-01T09:00:00+08:00", "2026-11-30T22:01:00+08:00", "2026-11-01T09:00:42+08:00", null],
  ])("called %s, saved %s, assigned %s: %s", (called, saved, assigned, problem) => {
    expect(callTimeProblem(at(called), { now: at(saved), assignedAt: assigned ? at(assigned) : null })).toBe(problem);
  });
});
