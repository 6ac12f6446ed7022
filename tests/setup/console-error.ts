/**
 * setupFiles entry of the `unit` and `integration` projects (Epic Stack style): a console.error
 * during a test fails that test. The message is still printed.
 *
 * Where an error log is expected, replace the implementation in the test, which turns the check off
 * for that test:
 *
 *   const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
 *   ...
 *   expect(consoleError).toHaveBeenCalledTimes(1);
 */
import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

const originalConsoleError = console.error;
let spy: MockInstance<typeof console.error> | undefined;
let failing: ((...args: unknown[]) => void) | undefined;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  failing = (...args: unknown[]) => {
    calls.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
    originalConsoleError(...args);
  };
  spy = vi.spyOn(console, "error").mockImplementation(failing);
});

afterEach(() => {
  const stillOurs = spy && spy.getMockImplementation() === failing;
  spy?.mockRestore();
  spy = undefined;
  if (stillOurs && calls.length > 0) {
    const first = calls[0].split("\n").slice(0, 5).join("\n");
    throw new Error(
      `console.error was called ${calls.length} time(s) during this test; the first:\n${first}\n` +
        `If this is expected, stub it in the test: vi.spyOn(console, "error").mockImplementation(() => {})`,
    );
  }
});
