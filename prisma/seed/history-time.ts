// Pure helpers of the closed year: a seeded random sequence (the demo must come out the same on every
// run) and the working days of a month in the company's calendar.
import { sessionInterval } from "../../app/domain/course/course-rules";
import { yearMonth } from "../../app/domain/monthly-plan/monthly-plan-rules";

export const ZONE = "Asia/Shanghai";
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

// Spring Festival (first day of the lunar year): its week off is no day for training.
const SPRING_FESTIVAL: Record<number, string> = {
  2024: "02-10",
  2025: "01-29",
  2026: "02-17",
  2027: "02-06",
  2028: "01-26",
  2029: "02-13",
  2030: "02-03",
  2031: "01-23",
  2032: "02-11",
};

function isHoliday(year: number, month: number, day: number): boolean {
  if ((month === 1 && day <= 3) || (month === 5 && day <= 5) || (month === 10 && day <= 8)) return true;
  const festival = SPRING_FESTIVAL[year];
  if (!festival) return false;
  const [fm, fd] = festival.split("-").map(Number);
  const offset = (Date.UTC(year, month - 1, day) - Date.UTC(year, fm - 1, fd)) / DAY;
  return offset >= -3 && offset <= 6;
}

/** The month's working days (Monday–Friday, public holidays left out), as day numbers. */
export function workingDays(year: number, month: number): number[] {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const days: number[] = [];
  for (let day = 1; day <= last; day++) {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(year, month, day)) days.push(day);
  }
  return days;
}

export const dayOf = (year: number, month: number, day: number) =>
  `${yearMonth(year, month)}-${String(day).padStart(2, "0")}`;

/** An instant on a day of the month at a wall-clock time in the company's zone. */
export const wallClock = (year: number, month: number, day: number, hm: string) =>
  sessionInterval(dayOf(year, month, day), hm, "23:59", ZONE).startsAt;
