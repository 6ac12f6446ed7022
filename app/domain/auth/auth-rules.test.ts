import { describe, expect, it } from "vitest";

import {
  FAILURE_WINDOW_MS,
  LOCK_AFTER_FAILURES,
  LOCK_DURATION_MS,
  LOCK_EVERYONE_AFTER_FAILURES,
  secondsToWait,
  SOURCE_MAX_DELAY_MS,
  sourceDelayMs,
  sourceDelayTableMs,
} from "./auth-rules";

describe("lockout", () => {
  it("one address alone can never lock an account for everyone: it is locked out first", () => {
    expect(LOCK_EVERYONE_AFTER_FAILURES).toBeGreaterThan(LOCK_AFTER_FAILURES * 3);
  });

  it("a lock lasts at least the window, so the counts start afresh when it ends", () => {
    expect(LOCK_DURATION_MS).toBeGreaterThanOrEqual(FAILURE_WINDOW_MS);
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
