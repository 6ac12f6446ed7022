// Sessions as company-local wall time, for calendars and forms (the instant is what is stored).
import { TZDate } from "@date-fns/tz";

const pad = (n: number) => String(n).padStart(2, "0");

export function localParts(at: Date | string, timeZone: string) {
  const d = new TZDate(new Date(at).getTime(), timeZone);
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    day: d.getDate(),
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
    weekday: d.getDay() === 0 ? 7 : d.getDay(),
  };
}

/** A month as weeks of day numbers, Monday first; null pads the first and last week. */
export function monthGrid(year: number, month: number, timeZone: string): Array<Array<number | null>> {
  const first = new TZDate(year, month - 1, 1, 12, 0, 0, 0, timeZone);
  const days = new TZDate(year, month, 0, 12, 0, 0, 0, timeZone).getDate();
  const offset = (first.getDay() + 6) % 7;
  const cells: Array<number | null> = [...Array(offset).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
