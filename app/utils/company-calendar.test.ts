import { describe, expect, it } from "vitest";

import { companyDate, companyDay } from "./company-calendar";

const SHANGHAI = "Asia/Shanghai";

describe("the company's calendar", () => {
  it("at 23:30 on 31 December in Shanghai (15:30 UTC) it is still that year", () => {
    expect(companyDate(new Date("2026-12-31T15:30:00Z"), SHANGHAI)).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it("at 00:30 on 1 January in Shanghai (16:30 UTC the day before) the new year has begun", () => {
    expect(companyDate(new Date("2026-12-31T16:30:00Z"), SHANGHAI)).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it("a day runs from midnight to midnight in the company's zone", () => {
    expect(companyDay(new Date("2026-12-31T16:30:00Z"), SHANGHAI)).toEqual({
      start: new Date("2026-12-31T16:00:00Z"),
      end: new Date("2027-01-01T16:00:00Z"),
    });
  });

  it("a day with a clock change is 23 or 25 hours long where the zone has one", () => {
    const spring = companyDay(new Date("2026-03-08T12:00:00Z"), "America/New_York");
    expect(spring).toEqual({ start: new Date("2026-03-08T05:00:00Z"), end: new Date("2026-03-09T04:00:00Z") });
  });
});
