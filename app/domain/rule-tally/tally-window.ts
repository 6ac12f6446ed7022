// Pure: how a window of instants splits over RuleTally's days. A day is the date in UTC+8 (the migration's
// "rule_tally_day"), i.e. [day 00:00+08:00, next day 00:00+08:00). The whole days inside the window are
// summed from the tally; the part days at its ends (before the first whole day, after the last) are counted
// from the raw answers. No I/O.

const DAY = 86_400_000;
/** Where a tally day starts, relative to UTC midnight of the same date: 00:00 in UTC+8. */
const OFFSET = 8 * 3_600_000;

/** The tally day an instant counts on, as YYYY-MM-DD. */
export function tallyDay(at: Date): string {
  return new Date(at.getTime() + OFFSET).toISOString().slice(0, 10);
}

/** The first instant of a tally day (YYYY-MM-DD). */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET);
}

export type Split = {
  /** Whole days [firstDay, endDay) summed from the tally; null when the window holds no whole day. */
  days: { firstDay: string; endDay: string } | null;
  /** The raw parts: [from, headTo) and [tailFrom, to); either may be empty (from = to). */
  head: { from: Date; to: Date };
  tail: { from: Date; to: Date };
};

export function splitWindow(window: { from: Date; to: Date }): Split {
  const { from, to } = window;
  // The first day starting at or after `from`, and the last day starting at or before `to`.
  const start = Math.ceil((from.getTime() + OFFSET) / DAY) * DAY - OFFSET;
  const end = Math.floor((to.getTime() + OFFSET) / DAY) * DAY - OFFSET;
  if (start >= end) return { days: null, head: { from, to }, tail: { from: to, to } };
  const firstDay = tallyDay(new Date(start));
  const endDay = tallyDay(new Date(end));
  return { days: { firstDay, endDay }, head: { from, to: new Date(start) }, tail: { from: new Date(end), to } };
}
