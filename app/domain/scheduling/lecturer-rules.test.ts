import { describe, expect, it } from "vitest";

import { mayLecture, notYetHeld } from "./lecturer-rules";

const at = new Date("2026-12-10T02:00:00Z");
const before = new Date("2026-12-10T01:00:00Z");
const after = new Date("2026-12-10T03:00:00Z");

describe("marking internal lecturers", () => {
  it("marks only people still working here with a sign-in", () => {
    expect(mayLecture({ disabledAt: null, status: "ACTIVE" })).toBe(true);
    expect(mayLecture({ disabledAt: null, status: "LEFT" })).toBe(false);
    expect(mayLecture({ disabledAt: at, status: "ACTIVE" })).toBe(false);
  });

  it("a course is not yet held with a session still to end or no session yet, unless it is cancelled", () => {
    expect(notYetHeld({ cancelled: false, sessions: [{ endsAt: before }, { endsAt: after }] }, at)).toBe(true);
    expect(notYetHeld({ cancelled: false, sessions: [] }, at)).toBe(true);
    expect(notYetHeld({ cancelled: false, sessions: [{ endsAt: before }] }, at)).toBe(false);
    expect(notYetHeld({ cancelled: false, sessions: [{ endsAt: at }] }, at)).toBe(false);
    expect(notYetHeld({ cancelled: true, sessions: [{ endsAt: after }] }, at)).toBe(false);
  });
});
