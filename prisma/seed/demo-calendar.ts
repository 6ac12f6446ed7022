// Which days and years the demo company covers, from the clock's today (pure, shared with the tests).
import { nextMonth as monthAfter } from "../../app/domain/monthly-plan/monthly-plan-rules";
import { DEFAULT_SETTINGS } from "../../app/domain/settings/settings.schema";
import { companyDate } from "../../app/utils/company-calendar";

/** The demo company keeps the default time zone. */
export const DEMO_ZONE = DEFAULT_SETTINGS.timeZone;

/** The years whose annual plan the demo approves: those of the two months before today, today's and next month's. */
export function demoPlanYears(today: Date): number[] {
  const { year, month } = companyDate(today, DEMO_ZONE);
  const years = new Set<number>();
  for (const offset of [-2, -1, 0, 1]) years.add(year + Math.floor((month - 1 + offset) / 12));
  return [...years].sort((a, b) => a - b);
}

/** The first year after the demo's plans: free for a test to survey and plan. */
export function freeYear(today: Date): number {
  return Math.max(...demoPlanYears(today)) + 1;
}

/** The month after today's, in the company's zone. */
export function nextMonth(today: Date): { year: number; month: number } {
  const { year, month } = companyDate(today, DEMO_ZONE);
  return monthAfter(year, month);
}

/**
 * The demo's closed year: the twelve months before the earliest month the demo plans (two before
 * today's), oldest first, in the company's zone.
 */
export function demoHistoryMonths(today: Date): Array<{ year: number; month: number }> {
  const { year, month } = companyDate(today, DEMO_ZONE);
  const months: Array<{ year: number; month: number }> = [];
  for (let back = 14; back >= 3; back--) {
    const index = year * 12 + month - 1 - back;
    months.push({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  }
  return months;
}
