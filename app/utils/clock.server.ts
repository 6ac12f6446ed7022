// Every rule about time reads the clock here, so tests can set it. TRAINGATE_TEST_NOW (honoured only
// with NODE_ENV=test or TRAINGATE_TEST_CLOCK=1) starts the clock at that instant; it then runs on in
// real time. The clearance API and the quiz calls run on the app build's copy of this module, the
// same as the browser tests' /__test/clock moves (ADR 0012).
import { env } from "./env.server";

function testNowOffsetMs(): number {
  const { NODE_ENV, TRAINGATE_TEST_CLOCK, TRAINGATE_TEST_NOW } = env();
  if (!TRAINGATE_TEST_NOW || (NODE_ENV !== "test" && !TRAINGATE_TEST_CLOCK)) return 0;
  return TRAINGATE_TEST_NOW.getTime() - Date.now();
}

// Read when the process loads the clock: "now" starts at TRAINGATE_TEST_NOW at start.
let startOffsetMs = testNowOffsetMs();
let override: (() => Date) | null = null;

/**
 * Starts the clock again at TRAINGATE_TEST_NOW, running, as a fresh process would. The test workers
 * keep one module graph for several test files; each file starts with this.
 */
export function restartClock() {
  startOffsetMs = testNowOffsetMs();
  override = null;
}

export function now(): Date {
  return override ? override() : new Date(Date.now() + startOffsetMs);
}

export function setClock(fn: (() => Date) | null) {
  override = fn;
}

export function freezeClock(at: Date | string) {
  const fixed = new Date(at);
  override = () => new Date(fixed);
}

/** The running clock moved by `ms` (the test clock's "advance"); 0 puts it back. */
export function shiftClock(ms: number) {
  override = ms === 0 ? null : () => new Date(Date.now() + startOffsetMs + ms);
}
