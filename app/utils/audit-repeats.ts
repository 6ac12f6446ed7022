// Refusals are audited, but a flood of them must not flood the append-only log: the first refusal of a
// key in a window writes an audit row, the repeats in that window are only counted (table AuditRepeat),
// and the key's next row, in a later window, says how many repeats came since the previous one
// (`repeats`). Only refusals are aggregated; every change of state keeps its own row. Pure: no I/O.

/** Windows are fixed ten-minute spans counted from the epoch, so every server process agrees on them. */
export const REPEAT_WINDOW_MS = 10 * 60_000;

/** The start of the window an instant falls in. */
export function repeatWindowStart(at: Date, windowMs = REPEAT_WINDOW_MS): Date {
  return new Date(Math.floor(at.getTime() / windowMs) * windowMs);
}

export type Refusal = {
  action: string;
  /** The person refused; null for an anonymous caller, then `source` (their address) tells them apart. */
  actorId: string | null;
  source?: string | null;
  /** What was refused: the permission (not the path, which a caller can vary without end). */
  what: string;
  method?: string;
};

/** Refusals with the same key are repeats of one another: the same caller refused the same thing. */
export function refusalKey(refusal: Refusal): string {
  const who = refusal.actorId ? `person:${refusal.actorId}` : `anonymous:${refusal.source ?? "unknown"}`;
  return [refusal.action, who, refusal.what, (refusal.method ?? "").toUpperCase()].join("|");
}
