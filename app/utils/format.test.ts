import { describe, expect, it } from "vitest";

import { formatDate, formatDateTime } from "./format";

describe("dates on pages, in the company's time zone", () => {
  // 16:56 UTC on 31 December is 00:56 on 1 January in Shanghai.
  const justAfterMidnight = "2026-12-31T16:56:00.000Z";

  it.each(["en", "zh-CN"])("writes the first hour of the day as 00, never 24 (%s)", (locale) => {
    const text = formatDateTime(justAfterMidnight, locale, "Asia/Shanghai");
    expect(text).toContain("00:56");
    expect(text).not.toContain("24:");
    expect(text).toContain("2027");
  });

  it("writes afternoon hours on the 24-hour clock", () => {
    expect(formatDateTime("2026-12-10T06:00:00.000Z", "en", "Asia/Shanghai")).toContain("14:00");
  });

  it("takes the date in the company's zone, not the server's", () => {
    expect(formatDate(justAfterMidnight, "zh-CN", "Asia/Shanghai")).toBe("2027/01/01");
  });

  it("keeps the zone and language of each call although the formatters are reused", () => {
    expect(formatDate(justAfterMidnight, "zh-CN", "Asia/Shanghai")).toBe("2027/01/01");
    expect(formatDate(justAfterMidnight, "zh-CN", "UTC")).toBe("2026/12/31");
    expect(formatDate(justAfterMidnight, "en", "UTC")).toBe("12/31/2026");
    expect(formatDateTime(justAfterMidnight, "zh-CN", "UTC")).toContain("16:56");
    expect(formatDateTime(justAfterMidnight, "zh-CN", "Asia/Shanghai")).toContain("00:56");
    expect(formatDate(justAfterMidnight, "zh-CN", "Asia/Shanghai")).toBe("2027/01/01");
  });
});
