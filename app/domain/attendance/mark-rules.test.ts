import { describe, expect, it } from "vitest";

import { makeUpEffect, markingRefusal, rosterTally, signInWay } from "./mark-rules";
import { parseMarks } from "./mark-schema";

const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+08:00`);
const session = { startsAt: at("09:00"), endsAt: at("11:00") };

describe("when a clerk may mark", () => {
  it("from the opening of sign-in onward, long after the end too; never on a cancelled course", () => {
    expect(markingRefusal(at("08:29"), session, 30, false)).toBe("attendance.marking.tooEarly");
    expect(markingRefusal(at("08:30"), session, 30, false)).toBeNull();
    expect(markingRefusal(at("23:00"), session, 30, false)).toBeNull();
    expect(markingRefusal(at("10:00"), session, 30, true)).toBe("attendance.marking.cancelled");
  });
});

describe("the roster's counts", () => {
  it("expects everyone not on leave and counts the room, the late, the missing and the unmarked", () => {
    const rows = (["PRESENT", "PRESENT_PAPER", "LATE", "ABSENT", "EXCUSED", "ON_LEAVE", "UNMARKED"] as const).map(
      (status) => ({ status }),
    );
    expect(rosterTally(rows)).toEqual({
      total: 7,
      expected: 6,
      attended: 3,
      present: 2,
      late: 1,
      absent: 1,
      excused: 1,
      onLeave: 1,
      unmarked: 1,
    });
  });

  it("names a paper signature as such, whoever typed it in", () => {
    expect(signInWay({ mark: "PRESENT_PAPER", source: "CLERK" })).toBe("PAPER");
    expect(signInWay({ mark: "LATE", source: "QR" })).toBe("QR");
  });
});

describe("a change of mark and the make-up", () => {
  it("offers one for a new miss, takes it back when the miss is corrected, leaves leave to the leave form", () => {
    expect(makeUpEffect("UNMARKED", "ABSENT")).toBe("offer");
    expect(makeUpEffect("PRESENT", "EXCUSED")).toBe("offer");
    expect(makeUpEffect("ABSENT", "EXCUSED")).toBeNull();
    expect(makeUpEffect("ON_LEAVE", "ABSENT")).toBeNull();
    expect(makeUpEffect("ABSENT", "PRESENT_PAPER")).toBe("close");
    expect(makeUpEffect("UNMARKED", "LATE")).toBeNull();
  });
});

describe("the roster form", () => {
  it("keeps only the rows whose choice differs from what the page showed", () => {
    const parsed = parseMarks({
      intent: "mark",
      mark_a: "PRESENT",
      was_a: "PRESENT",
      mark_b: "LATE",
      was_b: "",
      note_b: " 堵车 ",
      mark_c: "ABSENT",
      was_c: "ABSENT",
      note_c: "电话未接",
      wasNote_c: "",
    });
    expect(parsed).toEqual({
      ok: true,
      entries: [
        { personId: "b", mark: "LATE", note: "堵车" },
        { personId: "c", mark: "ABSENT", note: "电话未接" },
      ],
    });
  });

  it("refuses the whole form when any mark is not one of the five", () => {
    expect(parseMarks({ mark_a: "PRESENT", mark_b: "HOLIDAY" })).toEqual({
      ok: false,
      errors: { mark_b: "attendance.marking.badMark" },
    });
  });
});
