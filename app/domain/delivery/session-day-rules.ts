// Pure: the clerk's session day (010) — which sessions are "today" and "tomorrow" for the company,
// what the checklist lines are called, and the shape of a roster row (filled from attendance, 011).
import { TZDate } from "@date-fns/tz";

import type { RosterStatus } from "~/domain/attendance/attendance-rules";
import type { SignInWay } from "~/domain/attendance/mark-rules";
import { companyDate, companyDay } from "~/utils/company-calendar";

const pad = (n: number) => String(n).padStart(2, "0");
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A company calendar date as "YYYY-MM-DD". */
export function isoDate(at: Date, timeZone: string): string {
  const { year, month, day } = companyDate(at, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The day a `?date=` asks for, or today when it is missing or not a real calendar date. */
export function pickDay(asked: string | null | undefined, now: Date, timeZone: string): string {
  const match = DATE.exec(asked ?? "");
  if (!match) return isoDate(now, timeZone);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const noon = new TZDate(year, month - 1, day, 12, 0, 0, 0, timeZone);
  const real = noon.getFullYear() === year && noon.getMonth() === month - 1 && noon.getDate() === day;
  return real && year >= 2000 && year <= 2999 ? (asked as string) : isoDate(now, timeZone);
}

/** The instant interval of a company date, and the date `days` after it. */
export function dayInterval(date: string, timeZone: string, days = 0): { date: string; start: Date; end: Date } {
  const [year, month, day] = date.split("-").map(Number);
  const noon = new TZDate(year, month - 1, day + days, 12, 0, 0, 0, timeZone);
  const { start, end } = companyDay(new Date(noon.getTime()), timeZone);
  return { date: isoDate(start, timeZone), start, end };
}

/** The shown day and the one after it ("today" and "tomorrow" when the shown day is today). */
export function dayPair(date: string, timeZone: string) {
  return { first: dayInterval(date, timeZone), second: dayInterval(date, timeZone, 1) };
}

/** Which of the two days a session belongs to, by when it starts; null when neither. */
export function dayOf(startsAt: Date, pair: ReturnType<typeof dayPair>): "first" | "second" | null {
  const t = startsAt.getTime();
  if (t >= pair.first.start.getTime() && t < pair.first.end.getTime()) return "first";
  if (t >= pair.second.start.getTime() && t < pair.second.end.getTime()) return "second";
  return null;
}

/** The checklist lines a course gets from its kind; an added line carries its own label. */
export const STANDARD_CHECKLIST_KEYS = [
  "venue",
  "equipment",
  "materials",
  "signInSheet",
  "institutionContacted",
  "timeConfirmed",
  "placeConfirmed",
  "feeConfirmed",
] as const;
export type StandardChecklistKey = (typeof STANDARD_CHECKLIST_KEYS)[number];

export type ChecklistLine = { id: string; done: boolean; labelKey: string | null; label: string | null };

/** A checklist line for the page: a known key is shown through the catalog, anything else by its text. */
export function checklistLine(item: { id: string; key: string | null; label: string | null; doneAt: Date | null }) {
  const known = (STANDARD_CHECKLIST_KEYS as readonly string[]).includes(item.key ?? "");
  return {
    id: item.id,
    done: item.doneAt !== null,
    labelKey: known ? `sessionDay.checklist.${item.key}` : null,
    label: known ? null : (item.label ?? item.key ?? ""),
  } satisfies ChecklistLine;
}

/** Why an attendee will not be in the room: an approved leave form (with its reason), or excused on the day. */
export type RosterLeave = { kind: "LEAVE" | "EXCUSED"; reason?: string | null };

/** A line of the day view's roster: the shared session roster (step 011) as the card shows it. */
export type RosterRow = {
  personId: string;
  employeeNo: string;
  name: string;
  department: string;
  leave?: RosterLeave | null;
  status?: RosterStatus;
  /** When and how they signed in or were marked ("09:02", QR). */
  time?: string | null;
  way?: SignInWay | null;
  /** Here to make up a session of this course missed earlier. */
  makeUp?: boolean;
};

/** Head counts of a roster: expected in the room is everyone not on approved leave. */
export function rosterCounts(rows: readonly RosterRow[]) {
  const onLeave = rows.filter((r) => r.leave).length;
  return { total: rows.length, onLeave, expected: rows.length - onLeave };
}
