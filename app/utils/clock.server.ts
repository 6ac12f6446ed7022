// Every rule about time reads the clock here, so tests can set it. The override lives on globalThis:
// the server's own modules (the clearance API) and the app build each load a copy of this file, and
// the browser tests' clock (/__test/clock) must move both.
const KEY = Symbol.for("traingate.clock");
type Holder = { [KEY]?: (() => Date) | null };
const holder = globalThis as Holder;

export function now(): Date {
  const override = holder[KEY];
  return override ? override() : new Date();
}

export function setClock(fn: (() => Date) | null) {
  holder[KEY] = fn;
}

export function freezeClock(at: Date | string) {
  const fixed = new Date(at);
  holder[KEY] = () => new Date(fixed);
}
