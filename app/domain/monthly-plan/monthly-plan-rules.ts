// Pure rules of the monthly plan: what an annual item brings into a month.
import { spread } from "~/domain/plan/plan-rules";

export type AnnualItemFigures = { months: number[]; sessions: number; budgetFen: number };

/**
 * The share of an annual item held in a month: the item's sessions and budget split over its months
 * as the annual plan's totals split them (earlier months take the remainder), so the monthly shares
 * of an item add up to the item exactly.
 */
export function monthShare(item: AnnualItemFigures, month: number): { sessions: number; budgetFen: number } | null {
  const months = [...item.months].sort((a, b) => a - b);
  const i = months.indexOf(month);
  if (i < 0) return null;
  return { sessions: spread(item.sessions, months.length)[i], budgetFen: spread(item.budgetFen, months.length)[i] };
}

/** "2026-12" → { year, month }; anything else is null. */
export function parseYearMonth(value: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? { year, month } : null;
}

export const yearMonth = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

/** The month after, for "plan next month". */
export function nextMonth(year: number, month: number) {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

type YearMonth = { year: number; month: number };

/**
 * A month before the company's current month is history: a plan for it would schedule training that
 * can no longer happen. This month (still running) and later months can be planned.
 */
export const isPastMonth = (target: YearMonth, today: YearMonth) =>
  target.year * 12 + target.month < today.year * 12 + today.month;

/**
 * How many people an annual item plans for a month it is held in: the item's headcount (人数 of the
 * annual plan). Its people may come in any of its months, so each month may take them all; the monthly
 * item starts there, and more than that needs a reason. An item stating no headcount (0, made before the
 * column existed) or not held in the month sets no figure (null).
 */
export function monthHeadcount(item: { headcount: number; months: number[] }, month: number): number | null {
  return item.headcount > 0 && item.months.includes(month) ? item.headcount : null;
}
