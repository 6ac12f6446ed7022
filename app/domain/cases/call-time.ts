// Pure: the time of a call or visit as the agent gives it (company time, to the minute). A record is often
// saved minutes after the call; the rules read the call's time, which may not lie in the future nor
// before the case reached the agent.
import { TZDate } from "@date-fns/tz";

/** The form's value for an instant: "2026-11-30T21:58" in the company's time zone. */
export function localDateTimeValue(at: Date, timeZone: string): string {
  const local = new TZDate(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}`;
  return `${date}T${two(local.getHours())}:${two(local.getMinutes())}`;
}

/** "2026-11-30T21:58" read in the company's time zone; null when it is no real minute. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const at = new TZDate(y, mo - 1, d, h, mi, 0, timeZone);
  // 2026-02-30 rolls over to March: not a minute anyone lived.
  return localDateTimeValue(at, timeZone) === value ? new Date(at.getTime()) : null;
}

/** The minute the form shows is rounded down: a call "now" may lie up to a minute past the clock. */
export const FUTURE_ALLOWANCE_MS = 60_000;

export type CallTimeProblem = "cases.action.calledAtFuture" | "cases.action.calledAtBeforeAssigned";

export function callTimeProblem(at: Date, bounds: { now: Date; assignedAt: Date | null }): CallTimeProblem | null {
  if (at.getTime() > bounds.now.getTime() + FUTURE_ALLOWANCE_MS) return "cases.action.calledAtFuture";
  // The form gives minutes: a call in the minute the case was assigned is fine.
  if (bounds.assignedAt && at.getTime() < Math.floor(bounds.assignedAt.getTime() / 60_000) * 60_000)
    return "cases.action.calledAtBeforeAssigned";
  return null;
}
