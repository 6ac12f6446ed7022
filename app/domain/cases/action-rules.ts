// Pure: the checks an action record (行动记载) must pass before it is saved. Each breach names the
// call-script rule it breaks; the page shows the rule's id and text, and the refusal is counted.
import { TZDate } from "@date-fns/tz";

export const ACTION_TYPES = ["CALL_DEBTOR", "CALL_THIRD_PARTY", "FIELD_VISIT", "LETTER"] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const CALL_TYPES: readonly ActionType[] = ["CALL_DEBTOR", "CALL_THIRD_PARTY"];

/** The rules checked here, in the order breaches are reported. */
export const CHECKED_RULES = ["B3", "B8", "B6", "REC2", "OPS1", "REC3"] as const;
export type CheckedRule = (typeof CHECKED_RULES)[number];

export type ActionInput = { type: ActionType; at: Date; numberDialled?: string | null; note: string; result?: string };
export type ActionContext = {
  timeZone: string;
  /** Calls already recorded today (company day) to the same third-party number, by anyone. */
  thirdPartyCallsToday: number;
  slurWords: readonly string[];
};
export type Breach = { ruleId: CheckedRule; detail?: Record<string, string | number> };

export const EARLIEST_SECOND = 7 * 3600;
export const LATEST_SECOND = 22 * 3600;
export const MAX_THIRD_PARTY_CALLS_PER_DAY = 2;

/** Seconds since midnight in the company's time zone. */
export function secondOfDay(at: Date, timeZone: string): number {
  const local = new TZDate(at, timeZone);
  return local.getHours() * 3600 + local.getMinutes() * 60 + local.getSeconds();
}

/** Digits only: "021-6888 1234" and "02168881234" are the same number. */
export function numberKey(number: string | null | undefined): string | null {
  const digits = (number ?? "").replace(/\D/g, "");
  return digits.length ? digits : null;
}

// A full ID number (15 or 18 characters) or a bank card number (16–19 digits), groups optionally
// separated by single spaces or dashes as people type them. Phone numbers (11 digits) do not match.
const LONG_NUMBER = /(?<![\dXx])\d(?:[ -]?\d){14,18}(?:[ -]?[Xx])?(?![\dXx])/g;

export function fullNumbersIn(text: string): string[] {
  return [...text.matchAll(LONG_NUMBER)].map((m) => m[0].replace(/[ -]/g, ""));
}

export function slursIn(text: string, words: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return words.filter((w) => w.trim() && lower.includes(w.trim().toLowerCase()));
}

export function checkAction(input: ActionInput, context: ActionContext): Breach[] {
  const breaches: Breach[] = [];
  const isCall = CALL_TYPES.includes(input.type);
  // A letter is not a contact at a time of day; calls and visits are.
  if (input.type !== "LETTER") {
    const second = secondOfDay(input.at, context.timeZone);
    if (second < EARLIEST_SECOND || second > LATEST_SECOND) breaches.push({ ruleId: "B3" });
  }
  if (
    input.type === "CALL_THIRD_PARTY" &&
    numberKey(input.numberDialled) &&
    context.thirdPartyCallsToday >= MAX_THIRD_PARTY_CALLS_PER_DAY
  ) {
    breaches.push({ ruleId: "B8", detail: { calls: context.thirdPartyCallsToday } });
  }
  const text = `${input.note}\n${input.result ?? ""}`;
  const slurs = slursIn(text, context.slurWords);
  if (slurs.length) {
    breaches.push({ ruleId: "B6", detail: { words: slurs.join("、") } });
    breaches.push({ ruleId: "REC2", detail: { words: slurs.join("、") } });
  }
  if (fullNumbersIn(text).length) breaches.push({ ruleId: "OPS1" });
  if (isCall && !numberKey(input.numberDialled)) breaches.push({ ruleId: "REC3" });
  return breaches;
}
