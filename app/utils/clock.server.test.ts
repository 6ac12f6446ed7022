import { afterEach, describe, expect, it, vi } from "vitest";

const TEST_NOW = "2030-01-07T09:00:00+08:00";
const clockWith = async (vars: Record<string, string>) => {
  // A run under TEST_NOW sets TRAINGATE_TEST_NOW for every test: each case here says what it wants.
  vi.stubEnv("TRAINGATE_TEST_NOW", undefined);
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("./clock.server");
};
const near = (actual: Date, expected: number) => expect(Math.abs(actual.getTime() - expected)).toBeLessThan(1_000);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the clock", () => {
  it("is real time unless told otherwise", async () => {
    const { now } = await clockWith({});
    near(now(), Date.now());
  });

  it("in tests, TRAINGATE_TEST_NOW starts it at that instant and it runs on in real time", async () => {
    const { now } = await clockWith({ TRAINGATE_TEST_NOW: TEST_NOW });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const first = now();
      near(first, Date.parse(TEST_NOW));
      vi.advanceTimersByTime(30_000);
      expect(now().getTime() - first.getTime()).toBe(30_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a production server ignores TRAINGATE_TEST_NOW, unless it runs the test clock", async () => {
    near((await clockWith({ NODE_ENV: "production", TRAINGATE_TEST_NOW: TEST_NOW })).now(), Date.now());
    near(
      (await clockWith({ NODE_ENV: "production", TRAINGATE_TEST_CLOCK: "1", TRAINGATE_TEST_NOW: TEST_NOW })).now(),
      Date.parse(TEST_NOW),
    );
  });

  it("the test clock's advance counts from TRAINGATE_TEST_NOW, and frozen time returns to it", async () => {
    const { now, shiftClock, freezeClock, setClock } = await clockWith({ TRAINGATE_TEST_NOW: TEST_NOW });
    shiftClock(60 * 60_000);
    near(now(), Date.parse(TEST_NOW) + 60 * 60_000);
    shiftClock(0);
    near(now(), Date.parse(TEST_NOW));
    freezeClock("2026-03-02T01:00:00Z");
    expect(now().toISOString()).toBe("2026-03-02T01:00:00.000Z");
    setClock(null);
    near(now(), Date.parse(TEST_NOW));
  });
});
