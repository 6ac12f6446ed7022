import { describe, expect, it } from "vitest";

import {
  makeUpStanding,
  markAllPresentTargets,
  markForSignIn,
  rosterStatus,
  signInTimeRefusal,
} from "./attendance-rules";

const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+08:00`);
const session = { startsAt: at("09:00"), endsAt: at("11:00") };

describe("a roster row's standing", () => {
  it("is the recorded mark first, then approved leave, then unmarked", () => {
    expect(rosterStatus({ mark: "LATE", leaveApproved: true })).toBe("LATE");
    expect(rosterStatus({ mark: null, leaveApproved: true })).toBe("ON_LEAVE");
    expect(rosterStatus({ mark: null, leaveApproved: false })).toBe("UNMARKED");
  });
});

describe("the sign-in window", () => {
  it("opens the set minutes before the start and closes at the end", () => {
    expect(signInTimeRefusal(at("08:29"), session, 30)).toBe("attendance.notOpenYet");
    expect(signInTimeRefusal(at("08:30"), session, 30)).toBeNull();
    expect(signInTimeRefusal(at("10:59"), session, 30)).toBeNull();
    expect(signInTimeRefusal(at("11:00"), session, 30)).toBe("attendance.closed");
  });

  it("counts a sign-in after the threshold as late, and one at the threshold as on time", () => {
    expect(markForSignIn(at("09:10"), session.startsAt, 10)).toBe("PRESENT");
    expect(markForSignIn(new Date(at("09:10").getTime() + 1000), session.startsAt, 10)).toBe("LATE");
    expect(markForSignIn(at("08:45"), session.startsAt, 0)).toBe("PRESENT");
  });
});

describe("mark all present", () => {
  it("skips the excused, those on leave and those already marked", () => {
    const rows = [
      { personId: "a", status: "UNMARKED" as const },
      { personId: "b", status: "ON_LEAVE" as const },
      { personId: "c", status: "EXCUSED" as const },
      { personId: "d", status: "LATE" as const },
      { personId: "e", status: "ABSENT" as const },
      { personId: "f", status: "UNMARKED" as const },
    ];
    expect(markAllPresentTargets(rows)).toEqual(["a", "f"]);
  });
});

describe("a make-up", () => {
  it("is owed for a missed session once it is over, until a make-up session is attended", () => {
    expect(makeUpStanding({ status: "ON_LEAVE", sessionEnded: false, makeUp: null })).toBe("NONE");
    expect(makeUpStanding({ status: "PRESENT", sessionEnded: true, makeUp: null })).toBe("NONE");
    expect(makeUpStanding({ status: "UNMARKED", sessionEnded: true, makeUp: null })).toBe("NONE");
    expect(makeUpStanding({ status: "ABSENT", sessionEnded: true, makeUp: null })).toBe("OWED");
    expect(makeUpStanding({ status: "ON_LEAVE", sessionEnded: true, makeUp: null })).toBe("OWED");
    const ahead = { sessionEnded: false, status: "UNMARKED" as const };
    expect(makeUpStanding({ status: "EXCUSED", sessionEnded: true, makeUp: ahead })).toBe("ENROLLED");
    const missedAgain = { sessionEnded: true, status: "ABSENT" as const };
    expect(makeUpStanding({ status: "EXCUSED", sessionEnded: true, makeUp: missedAgain })).toBe("OWED");
    const madeUp = { sessionEnded: true, status: "PRESENT_PAPER" as const };
    expect(makeUpStanding({ status: "EXCUSED", sessionEnded: true, makeUp: madeUp })).toBe("DONE");
  });
});
