import { describe, expect, it } from "vitest";

import { ATTENDANCE_MARKS } from "../attendance/attendance-rules";

import {
  amendRefusal,
  bestAttempt,
  checkScan,
  closeRefusal,
  creditedMinutes,
  MAX_SCAN_BYTES,
  outcomeOf,
  recordOf,
  rosterCounts,
} from "./archive-rules";

const session = { startsAt: new Date("2026-03-02T01:00:00Z"), endsAt: new Date("2026-03-02T03:30:00Z") };
const bytes = (text: string) => new TextEncoder().encode(text);

describe("what a roster row becomes in the archive", () => {
  it.each([
    ["PRESENT", "PRESENT"],
    ["PRESENT_PAPER", "PRESENT"],
    ["LATE", "LATE"],
    ["ABSENT", "ABSENT"],
    ["EXCUSED", "EXCUSED"],
    ["ON_LEAVE", "EXCUSED"],
  ] as const)("%s is recorded as %s", (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });

  it("covers every attendance mark", () => {
    for (const mark of ATTENDANCE_MARKS) expect(outcomeOf(mark)).not.toBeNull();
  });

  it("records the unmarked only when the clerk says they were absent", () => {
    expect(outcomeOf("UNMARKED")).toBeNull();
    expect(outcomeOf("UNMARKED", true)).toBe("ABSENT");
  });

  it("credits the session's length to the present and the late, nothing otherwise", () => {
    expect(creditedMinutes("PRESENT", session)).toBe(150);
    expect(creditedMinutes("LATE", session)).toBe(150);
    expect(creditedMinutes("ABSENT", session)).toBe(0);
    expect(creditedMinutes("EXCUSED", session)).toBe(0);
  });

  it("leaves a make-up owed for a miss without a make-up attended, and names the session a make-up is for", () => {
    const ctx = { session, madeUp: false, unmarkedAsAbsent: false };
    expect(recordOf({ status: "ON_LEAVE", makeUpFor: null }, ctx)).toEqual({
      outcome: "EXCUSED",
      minutes: 0,
      makeUpOwed: true,
      makeUpForSessionId: null,
    });
    expect(recordOf({ status: "ABSENT", makeUpFor: null }, { ...ctx, madeUp: true })?.makeUpOwed).toBe(false);
    expect(recordOf({ status: "LATE", makeUpFor: { missedSessionId: "s1" } }, ctx)).toEqual({
      outcome: "LATE",
      minutes: 150,
      makeUpOwed: false,
      makeUpForSessionId: "s1",
    });
    expect(recordOf({ status: "UNMARKED", makeUpFor: null }, ctx)).toBeNull();
  });

  it("counts marked, unmarked and on leave", () => {
    const rows = ["PRESENT", "UNMARKED", "ON_LEAVE", "ABSENT", "UNMARKED"].map((status) => ({ status }) as const);
    expect(rosterCounts(rows as never)).toEqual({ marked: 2, unmarked: 2, onLeave: 1 });
  });
});

describe("when a roster may be closed", () => {
  const base = {
    at: session.endsAt,
    endsAt: session.endsAt,
    approved: true,
    cancelled: false,
    unmarked: 0,
    unmarkedAsAbsent: false,
  };
  it("from the session's end, for an approved course that was held, with everyone accounted for", () => {
    expect(closeRefusal(base)).toBeNull();
    expect(closeRefusal({ ...base, at: new Date(session.endsAt.getTime() - 1) })).toBe("archive.close.notEnded");
    expect(closeRefusal({ ...base, approved: false })).toBe("archive.close.notApproved");
    expect(closeRefusal({ ...base, cancelled: true })).toBe("archive.close.cancelled");
    expect(closeRefusal({ ...base, unmarked: 2 })).toBe("archive.close.unmarked");
    expect(closeRefusal({ ...base, unmarked: 2, unmarkedAsAbsent: true })).toBeNull();
  });
});

describe("the best quiz attempt", () => {
  it("is the highest submitted score, a pass winning a tie; none without a scored attempt", () => {
    expect(bestAttempt([])).toBeNull();
    expect(bestAttempt([{ scorePercent: null, passed: null }])).toBeNull();
    expect(
      bestAttempt([
        { scorePercent: 70, passed: false },
        { scorePercent: 90, passed: true },
        { scorePercent: 80, passed: true },
      ]),
    ).toEqual({ scorePercent: 90, passed: true });
    expect(
      bestAttempt([
        { scorePercent: 85, passed: false },
        { scorePercent: 85, passed: true },
      ]),
    ).toEqual({ scorePercent: 85, passed: true });
  });
});

describe("amendments", () => {
  it("need a reason and a change", () => {
    expect(amendRefusal({ reason: "  ", from: "ABSENT", to: "EXCUSED" })).toBe("archive.amend.reasonRequired");
    expect(amendRefusal({ reason: "x".repeat(501), from: "ABSENT", to: "EXCUSED" })).toBe(
      "archive.amend.reasonTooLong",
    );
    expect(amendRefusal({ reason: "病假条", from: "ABSENT", to: "ABSENT" })).toBe("archive.amend.sameOutcome");
    expect(amendRefusal({ reason: "病假条", from: "ABSENT", to: "EXCUSED" })).toBeNull();
  });
});

describe("scans", () => {
  it("take PDF, JPEG and PNG by their bytes, whatever the name says", () => {
    expect(checkScan("sheet.png", bytes("%PDF-1.4 ..."))).toEqual({
      ok: true,
      mime: "application/pdf",
      fileName: "sheet.pdf",
    });
    expect(checkScan("C:\\scans\\a.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      mime: "image/jpeg",
      fileName: "a.jpg",
    });
    expect(checkScan("b.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject({
      mime: "image/png",
    });
  });
  it("refuse other types, empty files and files over 10 MB", () => {
    expect(checkScan("sheet.pdf", bytes("<html><script>"))).toEqual({ ok: false, error: "archive.scan.refusedType" });
    expect(checkScan("a.gif", bytes("GIF89a"))).toEqual({ ok: false, error: "archive.scan.refusedType" });
    expect(checkScan("a.pdf", new Uint8Array())).toEqual({ ok: false, error: "archive.scan.empty" });
    const big = new Uint8Array(MAX_SCAN_BYTES + 1);
    big.set(bytes("%PDF-"));
    expect(checkScan("a.pdf", big)).toEqual({ ok: false, error: "archive.scan.tooLarge" });
    expect(checkScan("a.pdf", big.subarray(0, MAX_SCAN_BYTES)).ok).toBe(true);
  });
});
