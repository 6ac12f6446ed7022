// Dates and times always in the company's time zone (a setting), whatever the browser's zone.

// Making an Intl.DateTimeFormat costs far more than formatting with one (a page of 50 rows made 100 of
// them: ~5 % of the server's CPU per page, docs/benchmarks.md session 10), so one per locale, zone and kind
// is kept. Locales and zones are a handful (two languages, the company's zone).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "date" | "dateTime", locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(
      locale,
      kind === "date"
        ? { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }
        : {
            timeZone,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            // Not `hour12: false`: Node's ICU reads that as h24 for English ("24:56") while browsers write
            // "00:56", so the server's HTML and the browser's render disagreed and React re-rendered the page.
            hourCycle: "h23",
          },
    );
    formatters.set(key, made);
  }
  return made;
}

export function formatDateTime(value: Date | string | null | undefined, locale: string, timeZone: string): string {
  if (!value) return "";
  return formatter("dateTime", locale, timeZone).format(new Date(value));
}

export function formatDate(value: Date | string | null | undefined, locale: string, timeZone: string): string {
  if (!value) return "";
  return formatter("date", locale, timeZone).format(new Date(value));
}

/** A calendar date (no time of day), e.g. a hire date: shown as stored, never shifted by a zone. */
export function formatCalendarDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  return new Date(value).toISOString().slice(0, 10);
}
