// Every rule about time reads the clock here, so tests can set it. The override lives on globalThis:
// the server's own modules (the clearance API) and the app build each load a copy of this file, and
// the browser tests' clock (/__test/clock) must move both.
//
// TRAINGATE_TEST_NOW (an ISO instant; only in tests or with TRAINGATE_TEST_CLOCK=1) starts the clock
// at that instant and lets it run in real time, so the whole suite — seeds included — can be run as
// if it were 31 December at 23:30 in Shanghai (docs/testing.md, "Any date").
const KEY = Symbol.for("traingate.clock");
const BASE = Symbol.for("traingate.clock.base");
type Holder = { [KEY]?: (() => Date) | null; [BASE]?: number };
const holder = globalThis as Holder;

function baseOffsetMs(): number {
  if (holder[BASE] !== undefined) return holder[BASE];
  const start = process.env.TRAINGATE_TEST_NOW;
  const allowed = process.env.NODE_ENV === "test" || process.env.VITEST || process.env.TRAINGATE_TEST_CLOCK === "1";
  let offset = 0;
  if (start && allowed) {
    const at = Date.parse(start);
    if (Number.isNaN(at)) throw new Error(`TRAINGATE_TEST_NOW: expected an ISO instant such as 2026-12-31T23:30:00+08:00, got "${start}"`);
    offset = at - Date.now();
  }
  return (holder[BASE] = offset);
}

/** Real time, moved to TRAINGATE_TEST_NOW when that is set; ignores setClock overrides. */
export function systemNow(): Date {
  return new Date(Date.now() + baseOffsetMs());
}

export function now(): Date {
  const override = holder[KEY];
  return override ? override() : systemNow();
}

export function setClock(fn: (() => Date) | null) {
  holder[KEY] = fn;
}

export function freezeClock(at: Date | string) {
  const fixed = new Date(at);
  holder[KEY] = () => new Date(fixed);
}
