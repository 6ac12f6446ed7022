import { describe, expect, it } from "vitest";

import { needsTouch, sessionExpiry, sessionState } from "./session-rules";

const t0 = new Date("2026-03-02T01:00:00Z");
const plus = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("session lifetime", () => {
  const session = { createdAt: t0, lastSeenAt: t0, expiresAt: sessionExpiry(t0) };

  it("is valid while used within 30 minutes", () => {
    expect(sessionState(session, plus(29))).toBe("valid");
  });

  it("ends after 30 idle minutes", () => {
    expect(sessionState(session, plus(30))).toBe("idle");
  });

  it("ends after 12 hours however active", () => {
    expect(sessionState({ ...session, lastSeenAt: plus(12 * 60 - 1) }, plus(12 * 60))).toBe("expired");
    expect(sessionState({ ...session, lastSeenAt: plus(11 * 60 + 50) }, plus(11 * 60 + 59))).toBe("valid");
  });

  it("records activity at most once a minute", () => {
    expect(needsTouch(session, plus(0.5))).toBe(false);
    expect(needsTouch(session, plus(1))).toBe(true);
  });
});
