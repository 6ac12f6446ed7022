import { describe, expect, it } from "vitest";

import {
  LOCK_EVERYONE_AFTER_FAILURES,
  mayCheckPassword,
  secondsToWait,
  shouldLock,
  shouldLockEveryone,
  SOURCE_MAX_DELAY_MS,
  sourceDelayMs,
  sourceDelayTableMs,
} from "./auth-rules";

describe("lockout", () => {
  it("locks at the fifth failure, not before", () => {
    expect(shouldLock(4)).toBe(false);
    expect(shouldLock(5)).toBe(true);
  });

  it("lets a fifth check start while four are failed or under way, never a sixth", () => {
    expect(mayCheckPassword(4)).toBe(true);
    expect(mayCheckPassword(5)).toBe(false);
  });

  it("locks for everyone only when failures from at least four sources add up to 20", () => {
    expect(shouldLockEveryone(19)).toBe(false);
    expect(shouldLockEveryone(20)).toBe(true);
    // One source is locked out after 5, so it alone can never lock the account for everyone.
    expect(Math.ceil(LOCK_EVERYONE_AFTER_FAILURES / 5)).toBeGreaterThanOrEqual(4);
  });
});

describe("throttling a source address", () => {
  it("lets the first ten attempts through at once: an office sharing one address is not slowed", () => {
    for (let attempt = 1; attempt < 10; attempt++) expect(sourceDelayMs(attempt)).toBe(0);
  });

  it("then doubles the wait after each attempt, from one second up to a minute", () => {
    expect([10, 11, 12, 13, 14, 15, 16].map(sourceDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000]);
    expect(sourceDelayMs(40)).toBe(SOURCE_MAX_DELAY_MS);
  });

  it("hands the SQL a table that ends at the cap, one entry per attempt", () => {
    const table = sourceDelayTableMs();
    expect(table.at(-1)).toBe(SOURCE_MAX_DELAY_MS);
    table.forEach((ms, i) => expect(ms).toBe(sourceDelayMs(i + 1)));
  });

  it("tells whole seconds to wait, rounding up and never zero", () => {
    const at = new Date("2026-03-02T01:00:00Z");
    expect(secondsToWait(new Date("2026-03-02T01:00:01.200Z"), at)).toBe(2);
    expect(secondsToWait(new Date("2026-03-02T01:00:00.001Z"), at)).toBe(1);
    expect(secondsToWait(at, at)).toBe(1);
  });
});
