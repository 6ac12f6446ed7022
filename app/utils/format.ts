// Dates and times always in the company's time zone (a setting), whatever the browser's zone.
export function formatDateTime(value: Date | string | null | undefined, locale: string, timeZone: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    // Not `hour12: false`: Node's ICU reads that as h24 for English ("24:56") while browsers write
    // "00:56", so the server's HTML and the browser's render disagreed and React re-rendered the page.
    hourCycle: "h23",
  }).format(new Date(value));
}

export function formatDate(value: Date | string | null | undefined, locale: string, timeZone: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(value),
  );
}

/** A calendar date (no time of day), e.g. a hire date: shown as stored, never shifted by a zone. */
export function formatCalendarDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  return new Date(value).toISOString().slice(0, 10);
}
