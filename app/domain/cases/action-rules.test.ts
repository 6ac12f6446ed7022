import { describe, expect, it } from "vitest";

import {
  checkAction,
  contactKey,
  fullNumbersIn,
  numberKey,
  saysThirdParty,
  type ActionContext,
  type ActionInput,
} from "./action-rules";

const TZ = "Asia/Shanghai";
// 2026-11-30 in Shanghai (UTC+8): hh:mm local → instant.
const at = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+08:00`);
const context: ActionContext = {
  timeZone: TZ,
  thirdPartyCallsToday: 0,
  reachesThirdParty: false,
  slurWords: ["老赖", "骗子", "王八蛋"],
};
const call = (over: Partial<ActionInput> = {}): ActionInput => ({
  type: "CALL_DEBTOR",
  at: at("10:00"),
  numberDialled: "13800138000",
  note: "本人接听，承诺月底还款。",
  ...over,
});
const rules = (input: ActionInput, ctx: Partial<ActionContext> = {}) =>
  checkAction(input, { ...context, ...ctx }).map((b) => b.ruleId);

describe("action record rule checks", () => {
  it("a proper call in the daytime breaks nothing", () => {
    expect(rules(call())).toEqual([]);
  });

  it("B3: calls and visits only from 07:00 to 22:00 company time; a letter has no time of day", () => {
    expect(rules(call({ at: at("06:59") }))).toEqual(["B3"]);
    expect(rules(call({ at: at("07:00") }))).toEqual([]);
    expect(rules(call({ at: at("22:00") }))).toEqual([]);
    expect(rules(call({ at: at("22:30") }))).toEqual(["B3"]);
    expect(rules(call({ type: "FIELD_VISIT", at: at("23:10"), numberDialled: null }))).toEqual(["B3"]);
    expect(rules(call({ type: "LETTER", at: at("23:10"), numberDialled: null }))).toEqual([]);
  });

  it("B3 reads the company's time zone, not the server's", () => {
    // 14:30 UTC is 22:30 in Shanghai but 09:30 in New York.
    const instant = new Date("2026-11-30T14:30:00Z");
    expect(rules(call({ at: instant }))).toEqual(["B3"]);
    expect(rules(call({ at: instant }), { timeZone: "America/New_York" })).toEqual([]);
  });

  it("B8: the third contact in a day with the same third party is refused, the second is not", () => {
    expect(rules(call(), { reachesThirdParty: true, thirdPartyCallsToday: 1 })).toEqual([]);
    expect(rules(call(), { reachesThirdParty: true, thirdPartyCallsToday: 2 })).toEqual(["B8"]);
    // Calls to the debtor are not limited by B8.
    expect(rules(call(), { thirdPartyCallsToday: 5 })).toEqual([]);
  });

  // [typed, field, expected rule ids]: one line per way of slipping a listed word into a record.
  const WORDS: Array<[string, "contactName" | "note", string[]]> = [
    ["此人就是个老赖，拒不还款", "note", ["B6", "REC2"]],
    ["老 赖", "contactName", ["B6", "REC2"]],
    ["老-赖", "contactName", ["B6", "REC2"]],
    ["老赖李国栋", "contactName", ["B6", "REC2"]],
    ["老　赖", "note", ["B6", "REC2"]],
    ["老·赖！", "note", ["B6", "REC2"]],
    ["王 八 蛋", "note", ["B6", "REC2"]],
    ["李国栋", "contactName", []],
    ["本人称下月还款", "note", []],
  ];
  it.each(WORDS)("B6/REC2: %j in %s gives %j", (typed, field, expected) => {
    expect(rules(call({ [field]: typed }))).toEqual(expected);
  });

  it("B6 names the word and the field that holds it; an empty list refuses nothing", () => {
    expect(checkAction(call({ contactName: "骗 子" }), context)[0].detail).toEqual({
      words: "骗子",
      fields: "contactName",
    });
    expect(rules(call({ note: "老赖" }), { slurWords: [] })).toEqual([]);
  });

  // [typed, field, expected rule ids]: one line per way of slipping a full number into a record.
  const NUMBERS: Array<[string, "numberDialled" | "contactName" | "note", string[]]> = [
    ["核对卡号 6222 0012 3456 7890 无误", "note", ["OPS1"]],
    ["身份证 31010419850101123X", "note", ["OPS1"]],
    ["身份证３１０１０４１９８５０１０１１２３Ｘ", "note", ["OPS1"]],
    ["身份证 310104.1985.0101.123X", "note", ["OPS1"]],
    ["身份证 310104  19850101  123X", "note", ["OPS1"]],
    ["电话 13800138000", "note", ["OPS1"]],
    ["电话１３８００１３８０００", "note", ["OPS1"]],
    ["电话 138.0013.8000", "note", ["OPS1"]],
    ["电话 138  0013  8000", "note", ["OPS1"]],
    ["电话 +86 138 0013 8000", "note", ["OPS1"]],
    ["座机 +86 21 6888 1234", "note", ["OPS1"]],
    ["尾号 7890 的卡，金额 1234567.89，12 月 15 日", "note", []],
    ["张伟强 31010419850101123X", "contactName", ["OPS1"]],
    ["３１０１０４１９８５０１０１１２３Ｘ", "contactName", ["OPS1"]],
    ["李四 138 0013 8000", "contactName", ["OPS1"]],
    ["张伟强", "contactName", []],
    ["31010419850101123X", "numberDialled", ["OPS1", "REC3"]],
    ["6222001234567890", "numberDialled", ["OPS1", "REC3"]],
    ["１３８００１３８０００", "numberDialled", []],
    ["+86 21 6888 1234", "numberDialled", []],
  ];
  it.each(NUMBERS)("OPS1: %j in %s gives %j", (typed, field, expected) => {
    expect(rules(call({ [field]: typed }))).toEqual(expected);
  });

  it("REC3: a call without the number dialled; a visit needs none", () => {
    expect(rules(call({ numberDialled: "" }))).toEqual(["REC3"]);
    expect(rules(call({ numberDialled: null, type: "FIELD_VISIT" }))).toEqual([]);
  });

  it("several breaches are all reported, in rule order", () => {
    expect(rules(call({ at: at("22:30"), numberDialled: null, note: "老赖 6222001234567890" }))).toEqual([
      "B3",
      "B6",
      "REC2",
      "OPS1",
      "REC3",
    ]);
  });
});

describe("helpers", () => {
  it("a third party is known by its name in letters and digits, and by what the record says", () => {
    expect(contactKey(" 王 五 ")).toBe("王五");
    expect(contactKey("王-五")).toBe(contactKey("王五"));
    expect(saysThirdParty({ type: "CALL_DEBTOR", relation: "FRIEND" })).toBe(true);
    expect(saysThirdParty({ type: "FIELD_VISIT", relation: "SPOUSE" })).toBe(true);
    expect(saysThirdParty({ type: "CALL_THIRD_PARTY", relation: "COLLEAGUE" })).toBe(true);
    expect(saysThirdParty({ type: "CALL_DEBTOR", relation: "SELF" })).toBe(false);
  });
  it("numbers are compared by their digits", () => {
    expect(numberKey("021-6888 1234")).toBe("02168881234");
    expect(numberKey("+86 21 6888 1234")).toBe("02168881234");
    expect(numberKey("  ")).toBeNull();
  });
  it("finds ID and card numbers only, not phones", () => {
    expect(fullNumbersIn("a 123456789012345 b")).toEqual(["123456789012345"]);
    expect(fullNumbersIn("12345678901234")).toEqual([]);
    expect(fullNumbersIn("13800138000")).toEqual([]);
  });
});
