// The company's calendar: which day, month and year it is for the company, in its time zone (a
// setting, Asia/Shanghai by default), whatever the server's own zone. Pure, so pages and rules share it.
import { TZDate } from "@date-fns/tz";

export type CompanyDate = { year: number; month: number; day: number };

/** The company's calendar date at an instant (month 1–12). */
export function companyDate(at: Date, timeZone: string): CompanyDate {
  const local = new TZDate(at.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** The company's calendar day around an instant: its first instant and the first instant of the next day. */
export function companyDay(at: Date, timeZone: string): { start: Date; end: Date } {
  const { year, month, day } = companyDate(at, timeZone);
  const start = new TZDate(year, month - 1, day, 0, 0, 0, 0, timeZone);
  const end = new TZDate(year, month - 1, day + 1, 0, 0, 0, 0, timeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}
