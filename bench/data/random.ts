// The generator's pure parts: a seeded random sequence, row ids and COPY text lines. Everything the
// bench company holds is derived from one seed (and one anchor instant), so two runs give the same rows.
import { seededRandom } from "../../prisma/seed/history-time";

// The demo seed's generator (mulberry32): one algorithm for every made-up sequence.
export { seededRandom };

export type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
};

export function rng(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** Ids that read like the app's own (short, URL-safe) and never collide with a cuid: "bk" + kind + number. */
export function benchId(kind: string, n: number): string {
  return `bk${kind}${n.toString(36).padStart(7, "0")}`;
}

/** A value for one column: string, number, boolean, Date, null/undefined (NULL), an array, or JSON. */
export type Cell = unknown;

function escapeText(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

function arrayLiteral(values: ReadonlyArray<string | number>): string {
  const quote = (v: string) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return `{${values.map((v) => (typeof v === "number" ? String(v) : quote(v))).join(",")}}`;
}

/**
 * An instant as toISOString() writes it, several times faster for instants on the same UTC day as the
 * previous call (the day's part is kept): the generator writes millions of them.
 */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== isoDay.day) isoDay = { day, prefix: new Date(day * 86_400_000).toISOString().slice(0, 11) };
  let rest = ms - day * 86_400_000;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const s = rest % 60;
  rest = (rest - s) / 60;
  const m = rest % 60;
  const h = (rest - m) / 60;
  const ms3 = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${isoDay.prefix}${two(h)}:${two(m)}:${two(s)}.${ms3}Z`;
}
let isoDay = { day: Number.NaN, prefix: "" };
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** One row in PostgreSQL's COPY text format: tab-separated, \N for NULL, arrays and JSON as literals. */
export function copyLine(cells: readonly Cell[]): string {
  return (
    cells
      .map((c) => {
        if (c === null || c === undefined) return "\\N";
        if (typeof c === "boolean") return c ? "t" : "f";
        if (typeof c === "number") return String(c);
        if (typeof c === "string") return escapeText(c);
        if (c instanceof Date) return c.toISOString();
        if (Array.isArray(c)) return escapeText(arrayLiteral(c as ReadonlyArray<string | number>));
        return escapeText(JSON.stringify(c));
      })
      .join("\t") + "\n"
  );
}
