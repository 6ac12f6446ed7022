import { describe, expect, it } from "vitest";

import { REPEAT_WINDOW_MS, refusalKey, repeatWindowStart } from "./audit-repeats";

describe("repeatWindowStart: fixed ten-minute windows", () => {
  it("instants in the same ten minutes share a window, the next minute mark after it starts another", () => {
    const start = new Date("2026-12-03T10:10:00.000Z");
    expect(repeatWindowStart(start)).toEqual(start);
    expect(repeatWindowStart(new Date("2026-12-03T10:19:59.999Z"))).toEqual(start);
    expect(repeatWindowStart(new Date("2026-12-03T10:20:00.000Z"))).toEqual(new Date("2026-12-03T10:20:00.000Z"));
    expect(repeatWindowStart(new Date("2026-12-03T10:09:59.999Z"))).toEqual(new Date("2026-12-03T10:00:00.000Z"));
  });

  it("is ten minutes long unless told otherwise", () => {
    expect(REPEAT_WINDOW_MS).toBe(600_000);
    expect(repeatWindowStart(new Date("2026-12-03T10:59:00Z"), 3_600_000)).toEqual(new Date("2026-12-03T10:00:00Z"));
  });
});

describe("refusalKey: what counts as a repeat", () => {
  const base = { action: "auth.refused", actorId: "p1", what: "read:audit", method: "GET" };

  it("the same person refused the same permission is one key, whatever the path", () => {
    expect(refusalKey(base)).toBe(refusalKey({ ...base, method: "get" }));
  });

  it("another person, permission, method or action is another key", () => {
    const keys = [
      base,
      { ...base, actorId: "p2" },
      { ...base, what: "write:person" },
      { ...base, method: "POST" },
      { ...base, action: "auth.login_refused" },
    ].map(refusalKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("anonymous callers are told apart by their source, never mixed with a person", () => {
    const anonymous = { ...base, actorId: null };
    expect(refusalKey({ ...anonymous, source: "10.0.0.1" })).not.toBe(refusalKey({ ...anonymous, source: "10.0.0.2" }));
    expect(refusalKey({ ...anonymous, source: "p1" })).not.toBe(refusalKey(base));
  });
});
