// Pure: the checks an action record (行动记载) must pass before it is saved. Each breach names the
// call-script rule it breaks; the page shows the rule's id and text, and the refusal is counted.
import { TZDate } from "@date-fns/tz";

import { compactForWords, numbersIn, phoneKey } from "./text-normalise";

export const ACTION_TYPES = ["CALL_DEBTOR", "CALL_THIRD_PARTY", "FIELD_VISIT", "LETTER"] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const CALL_TYPES: readonly ActionType[] = ["CALL_DEBTOR", "CALL_THIRD_PARTY"];

/** The rules checked here, in the order breaches are reported. */
export const CHECKED_RULES = ["B3", "B8", "B6", "REC2", "OPS1", "REC3"] as const;
export type CheckedRule = (typeof CHECKED_RULES)[number];

export type ActionInput = {
  type: ActionType;
  /** When the call or visit happened (the agent says; the save time is something else). */
  at: Date;
  numberDialled?: string | null;
  contactName?: string | null;
  note: string;
};
/** The free-text fields every word and number check reads, in the order they are reported. */
export const TEXT_FIELDS = ["contactName", "note"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type ActionContext = {
  timeZone: string;
  /**
   * Contacts already recorded today (company day of the call) with this third party: by the
   * normalised number, and by the third party's name on the case (any of their numbers), whatever the record type.
   */
  thirdPartyCallsToday: number;
  /** This record reaches a third party: by its type or relation, or its number was a third party's before. */
  reachesThirdParty: boolean;
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

/** The normalised phone number B8 counts by (see text-normalise.ts); null when it is not a phone. */
export const numberKey = phoneKey;

/** 接触人 as B8 compares it: letters and digits only ("王 五" is "王五"); empty when no one is named. */
export function contactKey(name: string | null | undefined): string {
  return compactForWords(name ?? "");
}

/** A record reaches a third party by what it says: its type, or a relation other than the debtor. */
export function saysThirdParty(input: { type: ActionType; relation: string }): boolean {
  return input.type === "CALL_THIRD_PARTY" || input.relation !== "SELF";
}

/** Full ID and card numbers (not phones) in a text, however they are typed. */
export function fullNumbersIn(text: string): string[] {
  return numbersIn(text)
    .filter((n) => n.kind === "idNumber" || n.kind === "cardNumber")
    .map((n) => n.digits);
}

/** The listed words a text holds once spaces and punctuation are gone ("老 赖", "老-赖"). */
export function slursIn(text: string, words: readonly string[]): string[] {
  const compact = compactForWords(text);
  const found = new Set<string>();
  for (const word of words) {
    const key = compactForWords(word);
    if (key && compact.includes(key)) found.add(word.trim());
  }
  return [...found];
}

export function checkAction(input: ActionInput, context: ActionContext): Breach[] {
  const breaches: Breach[] = [];
  const isCall = CALL_TYPES.includes(input.type);
  // A letter is not a contact at a time of day; calls and visits are.
  if (input.type !== "LETTER") {
    const second = secondOfDay(input.at, context.timeZone);
    if (second < EARLIEST_SECOND || second > LATEST_SECOND) {
      const two = (n: number) => String(n).padStart(2, "0");
      breaches.push({
        ruleId: "B3",
        detail: { time: `${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}` },
      });
    }
  }
  if (context.reachesThirdParty && context.thirdPartyCallsToday >= MAX_THIRD_PARTY_CALLS_PER_DAY)
    breaches.push({ ruleId: "B8", detail: { calls: context.thirdPartyCallsToday } });

  const texts = TEXT_FIELDS.map((field) => ({ field, text: input[field] ?? "" }));
  const slurs = [...new Set(texts.flatMap(({ text }) => slursIn(text, context.slurWords)))];
  if (slurs.length) {
    const fields = texts.filter(({ text }) => slursIn(text, context.slurWords).length).map((t) => t.field);
    const detail = { words: slurs.join("、"), fields: fields.join(",") };
    breaches.push({ ruleId: "B6", detail });
    breaches.push({ ruleId: "REC2", detail });
  }
  // Every full number in free text, and an ID or card number given as the number dialled.
  const numberFields = [
    ...texts.filter(({ text }) => numbersIn(text).length).map((t) => t.field),
    ...(fullNumbersIn(input.numberDialled ?? "").length ? ["numberDialled"] : []),
  ];
  if (numberFields.length) breaches.push({ ruleId: "OPS1", detail: { fields: numberFields.join(",") } });
  if (isCall && !numberKey(input.numberDialled)) breaches.push({ ruleId: "REC3" });
  return breaches;
}
