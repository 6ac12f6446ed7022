// Pure rules of a person's training file: which company year a record counts in, hours per year, and
// whether a missed session is still owed or was made up. No I/O, so the page, the print and the
// workbook agree by construction.
import { TZDate } from "@date-fns/tz";

import { companyDate } from "~/utils/company-calendar";

/** The first instant of a company year and of the next one, in the company's time zone. */
export function yearBounds(year: number, timeZone: string): { start: Date; end: Date } {
  return {
    start: new Date(new TZDate(year, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
    end: new Date(new TZDate(year + 1, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
  };
}

/** Minutes as hours with one decimal (90 → 1.5): the unit the paper archive counts in. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

export type YearTotal = { year: number; minutes: number; hours: number; sessions: number; courses: number };

/**
 * Hours per company year, newest year first. A record counts in the year its session started, in the
 * company's zone (a session at 2027-01-01 00:30 Shanghai is 2027's, though it is still 2026 in UTC).
 * Sessions and courses count only where time was credited (present or late).
 */
export function hoursPerYear(
  records: ReadonlyArray<{ startsAt: Date; minutes: number; courseId: string }>,
  timeZone: string,
): YearTotal[] {
  const years = new Map<number, { minutes: number; sessions: number; courses: Set<string> }>();
  for (const r of records) {
    const { year } = companyDate(r.startsAt, timeZone);
    const y = years.get(year) ?? { minutes: 0, sessions: 0, courses: new Set<string>() };
    y.minutes += r.minutes;
    if (r.minutes > 0) {
      y.sessions += 1;
      y.courses.add(r.courseId);
    }
    years.set(year, y);
  }
  return [...years]
    .sort((a, b) => b[0] - a[0])
    .map(([year, y]) => ({
      year,
      minutes: y.minutes,
      hours: hoursOf(y.minutes),
      sessions: y.sessions,
      courses: y.courses.size,
    }));
}

/** Records grouped under their company year, newest year first, each year's records oldest first. */
export function groupByYear<T extends { startsAt: Date }>(
  records: readonly T[],
  timeZone: string,
): Array<{ year: number; records: T[] }> {
  const years = new Map<number, T[]>();
  for (const r of records) {
    const { year } = companyDate(r.startsAt, timeZone);
    years.set(year, [...(years.get(year) ?? []), r]);
  }
  return [...years]
    .sort((a, b) => b[0] - a[0])
    .map(([year, list]) => ({ year, records: [...list].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) }));
}

export type MakeUpState = "none" | "owed" | "scheduled" | "madeUp";

/**
 * A missed session's make-up as the file shows it: made up once a record of this person credits time
 * for it (makeUpForSessionId), scheduled when a make-up was accepted but not yet attended, owed when the
 * roster closed with a make-up owed and nothing since. A record never owed stays "none".
 */
export function makeUpState(
  record: { sessionId: string; makeUpOwed: boolean; outcome: string },
  makeUpRecords: ReadonlyArray<{ makeUpForSessionId: string | null; minutes: number }>,
  acceptedMakeUps: ReadonlyArray<{ missedSessionId: string }>,
): MakeUpState {
  const missed = record.outcome === "ABSENT" || record.outcome === "EXCUSED";
  if (!missed && !record.makeUpOwed) return "none";
  if (makeUpRecords.some((m) => m.makeUpForSessionId === record.sessionId && m.minutes > 0)) return "madeUp";
  if (acceptedMakeUps.some((m) => m.missedSessionId === record.sessionId)) return "scheduled";
  return record.makeUpOwed ? "owed" : "none";
}
