// Pure: coverage of the year's plan — sessions the approved monthly plans planned, beside the sessions
// of approved courses that were held (ended and closed into the archive), month by month.
import { percent } from "./hours-rules";

export type MonthCount = { month: number; sessions: number };

export function planCoverage(planned: readonly MonthCount[], held: readonly MonthCount[]) {
  const sum = (rows: readonly MonthCount[], month: number) =>
    rows.filter((r) => r.month === month).reduce((s, r) => s + r.sessions, 0);
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const p = sum(planned, i + 1);
    const h = sum(held, i + 1);
    return { month: i + 1, planned: p, held: h, rate: percent(h, p) };
  });
  const totalPlanned = byMonth.reduce((s, m) => s + m.planned, 0);
  const totalHeld = byMonth.reduce((s, m) => s + m.held, 0);
  return { byMonth, planned: totalPlanned, held: totalHeld, rate: percent(totalHeld, totalPlanned) };
}
