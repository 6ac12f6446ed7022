// Form fields shared by the needs forms and the annual plan: figures arrive as text and are stored
// as integers (fen, tenths of an hour, months 1–12), never as floats.
import { z } from "zod";

import { messageKey } from "~/utils/validation";

export const CATEGORIES = ["NEW_HIRE", "INTERNAL", "TRANSFER", "EXTERNAL", "GROUP"] as const;
export type Category = (typeof CATEGORIES)[number];
export const DELIVERY_MODES = ["INTERNAL", "EXTERNAL"] as const;
export const PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
export const LECTURER_TYPES = ["INTERNAL", "EXTERNAL", "GROUP"] as const;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** "1234.5" with 2 places → 123450; the text is split, not multiplied, so no float ever rounds. */
export function toUnits(text: string, places: number): number {
  const [whole, fraction = ""] = text.split(".");
  return Number(whole) * 10 ** places + Number(fraction.padEnd(places, "0") || "0");
}

export function fromUnits(units: number, places: number): string {
  const whole = Math.floor(units / 10 ** places);
  const fraction = String(units % 10 ** places)
    .padStart(places, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

const text = () => z.string().trim();
const notNegative = (s: string) => !s.startsWith("-");

/** A non-negative amount with up to `places` decimals, as integer units (e.g. yuan → fen). */
export function decimalUnits(places: number, max: number, formatKey: string) {
  return text()
    .min(1, "validation.required")
    .refine(notNegative, { message: "training.validation.negative", abort: true })
    .refine((s) => new RegExp(`^\\d{1,9}(\\.\\d{1,${places}})?$`).test(s), { message: formatKey, abort: true })
    .transform((s) => toUnits(s, places))
    .pipe(z.number().max(max * 10 ** places, messageKey("validation.tooBig", { max })));
}

/** A whole number from 1 to max (headcount, sessions). */
export function positiveInt(max: number) {
  return text()
    .min(1, "validation.required")
    .refine(notNegative, { message: "training.validation.negative", abort: true })
    .refine((s) => /^\d{1,7}$/.test(s), { message: "training.validation.wholeNumber", abort: true })
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));
}

export const money = () => decimalUnits(2, 10_000_000, "training.validation.money");
export const hours = () =>
  decimalUnits(1, 999, "training.validation.hours").pipe(z.number().min(1, "training.validation.hoursPositive"));

/** A month of the plan year: "7", or "2027-07" when the year is the plan's; anything else is refused. */
export function parseMonth(value: string, year: number): number | null {
  const plain = /^(\d{1,2})$/.exec(value.trim());
  const dated = /^(\d{4})-(\d{1,2})$/.exec(value.trim());
  const month = plain ? Number(plain[1]) : dated && Number(dated[1]) === year ? Number(dated[2]) : NaN;
  return Number.isInteger(month) && month >= 1 && month <= 12 ? month : null;
}

export function monthsOf(year: number) {
  return z.preprocess(
    (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string())
      .min(1, "training.validation.monthRequired")
      .superRefine((values, ctx) => {
        const bad = values.find((v) => parseMonth(v, year) === null);
        if (bad !== undefined)
          ctx.addIssue({ code: "custom", message: messageKey("training.validation.monthOutsideYear", { year }) });
      })
      .transform((values) => [...new Set(values.map((v) => parseMonth(v, year)!))].sort((a, b) => a - b)),
  );
}

export const shortText = (max: number) => text().min(1, "validation.required").max(max);
