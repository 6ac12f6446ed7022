// The key fields of an invite's iCalendar text, for the outbox page: what a mail client will show.
import { TZDate } from "@date-fns/tz";

export type IcsSummary = {
  method: string | null;
  uid: string | null;
  sequence: number | null;
  summary: string | null;
  location: string | null;
  /** Company-local wall-clock times, "YYYY-MM-DD HH:mm". */
  start: string | null;
  end: string | null;
  status: string | null;
};

type Property = { name: string; params: Record<string, string>; value: string };

// RFC 5545 folds long lines: a line starting with a space or tab continues the one before.
function properties(text: string): Property[] {
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .replace(/\n[ \t]/g, "")
    .split(/\r?\n/);
  return lines.flatMap((line) => {
    const colon = line.indexOf(":");
    if (colon <= 0) return [];
    const [name, ...params] = line.slice(0, colon).split(";");
    const entries = params.map((p) => p.split("=") as [string, string | undefined]);
    return [
      {
        name: name.toUpperCase(),
        params: Object.fromEntries(entries.map(([k, v]) => [k.toUpperCase(), v ?? ""])),
        value: line.slice(colon + 1),
      },
    ];
  });
}

const unescape = (value: string) => value.replace(/\\n/gi, " ").replace(/\\([,;\\])/g, "$1");

/** A DATE-TIME as company-local "YYYY-MM-DD HH:mm": UTC ("…Z") and TZID values converted, floating as is. */
export function icsTime(property: Property | undefined, timeZone: string): string | null {
  if (!property) return null;
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/.exec(property.value.trim());
  if (!m) return property.value;
  const [, y, mo, d, h = "00", mi = "00", s = "00", z] = m;
  const zone = z ? "UTC" : property.params.TZID;
  if (!zone || zone === timeZone) return `${y}-${mo}-${d} ${h}:${mi}`;
  const instant = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), zone);
  const local = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  return `${day} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/** The invite's method, UID, SEQUENCE and times (of its first event), read from its text. */
export function icsSummary(text: string, timeZone: string): IcsSummary {
  const all = properties(text);
  const eventStart = all.findIndex((p) => p.name === "BEGIN" && p.value.toUpperCase() === "VEVENT");
  const event = eventStart >= 0 ? all.slice(eventStart) : [];
  const find = (list: Property[], name: string) => list.find((p) => p.name === name);
  const sequence = find(event, "SEQUENCE")?.value;
  return {
    method: find(all, "METHOD")?.value ?? null,
    uid: find(event, "UID")?.value ?? null,
    sequence: sequence !== undefined && /^\d+$/.test(sequence) ? Number(sequence) : null,
    summary: find(event, "SUMMARY") ? unescape(find(event, "SUMMARY")!.value) : null,
    location: find(event, "LOCATION") ? unescape(find(event, "LOCATION")!.value) : null,
    start: icsTime(find(event, "DTSTART"), timeZone),
    end: icsTime(find(event, "DTEND"), timeZone),
    status: find(event, "STATUS")?.value ?? null,
  };
}
