import { describe, expect, it } from "vitest";

import { icsSummary } from "./ics-summary";

const ics = [
  "BEGIN:VCALENDAR",
  "METHOD:REQUEST",
  "BEGIN:VTIMEZONE",
  "TZID:Asia/Shanghai",
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "END:STANDARD",
  "END:VTIMEZONE",
  "BEGIN:VEVENT",
  "UID:session-abc@traingate",
  "SEQUENCE:2",
  "DTSTART;TZID=Asia/Shanghai:20261210T090000",
  "DTEND:20261210T040000Z",
  "SUMMARY:催收合规\\, 第一期",
  "LOCATION:三楼培训室",
  "STATUS:CONFIRMED",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

describe("an invite's key fields", () => {
  it("method, UID, SEQUENCE and the event's times in the company zone", () => {
    expect(icsSummary(ics, "Asia/Shanghai")).toEqual({
      method: "REQUEST",
      uid: "session-abc@traingate",
      sequence: 2,
      summary: "催收合规, 第一期",
      location: "三楼培训室",
      start: "2026-12-10 09:00",
      end: "2026-12-10 12:00",
      status: "CONFIRMED",
    });
  });

  it("reads folded lines", () => {
    expect(icsSummary("BEGIN:VEVENT\r\nUID:abc\r\n def\r\nEND:VEVENT", "Asia/Shanghai").uid).toBe("abcdef");
  });
});
