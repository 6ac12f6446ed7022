import { describe, expect, it } from "vitest";

import { candidateRefusal, mayChooseMakeUp, rankCandidates, type SessionOnOffer } from "./make-up-rules";

const at = new Date("2026-12-31T15:30:00Z");
const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
const missed = { sessionId: "m", courseId: "A", monthlyItemId: "I" };
const session = (over: Partial<SessionOnOffer> = {}): SessionOnOffer => ({
  id: "s",
  courseId: "B",
  monthlyItemId: "I",
  startsAt: later(24),
  open: true,
  capacity: 10,
  taken: 9,
  ...over,
});
const refusal = (s: SessionOnOffer, onRoster = false) => candidateRefusal(s, missed, { at, onRoster });

describe("which sessions can make up a missed one", () => {
  it("a later session of the same course, or of another course of the same item, with a seat free", () => {
    expect(refusal(session({ courseId: "A", monthlyItemId: "I" }))).toBeNull();
    expect(refusal(session())).toBeNull();
  });

  it("not an unrelated course, the missed session itself, one that has begun, a closed or full one", () => {
    expect(refusal(session({ monthlyItemId: "J" }))).toBe("unrelated");
    expect(refusal(session({ id: "m", courseId: "A" }))).toBe("unrelated");
    expect(refusal(session({ startsAt: at }))).toBe("started");
    expect(refusal(session({ open: false }))).toBe("closed");
    expect(refusal(session({ taken: 10 }))).toBe("full");
  });

  it("not a session whose roster the trainee is on already", () => {
    expect(refusal(session({ courseId: "A" }), true)).toBe("onRoster");
  });

  it("offers the nearest first, the same course first on the same instant", () => {
    const ranked = rankCandidates(
      [
        session({ id: "far", startsAt: later(48) }),
        session({ id: "other", startsAt: later(24) }),
        session({ id: "same", courseId: "A", startsAt: later(24) }),
      ],
      missed,
    );
    expect(ranked.map((s) => s.id)).toEqual(["same", "other", "far"]);
  });
});

describe("changing a make-up", () => {
  it("is open while owed and until the chosen session starts; closed once under way or done", () => {
    expect(mayChooseMakeUp({ standing: "OWED", makeUpStartsAt: null, at })).toBe(true);
    expect(mayChooseMakeUp({ standing: "ENROLLED", makeUpStartsAt: later(1), at })).toBe(true);
    expect(mayChooseMakeUp({ standing: "ENROLLED", makeUpStartsAt: at, at })).toBe(false);
    expect(mayChooseMakeUp({ standing: "DONE", makeUpStartsAt: later(-5), at })).toBe(false);
    expect(mayChooseMakeUp({ standing: "NONE", makeUpStartsAt: null, at })).toBe(false);
  });
});
