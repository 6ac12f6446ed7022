// Every rule about time reads the clock here, so tests can set it.
let override: (() => Date) | null = null;

export function now(): Date {
  return override ? override() : new Date();
}

export function setClock(fn: (() => Date) | null) {
  override = fn;
}

export function freezeClock(at: Date | string) {
  const fixed = new Date(at);
  override = () => new Date(fixed);
}
