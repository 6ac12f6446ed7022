import { describe, expect, it } from "vitest";

import { checkAction, fullNumbersIn, numberKey, type ActionContext, type ActionInput } from "./action-rules";

const TZ = "Asia/Shanghai";
// 2026-11-30 in Shanghai (UTC+8): hh:mm local → instant.
const at = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+08:00`);
const context: ActionContext = { timeZone: TZ, thirdPartyCallsToday: 0, slurWords: ["老赖", "骗子"] };
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

  it("B8: the third call in a day to the same third party is refused, the second is not", () => {
    const thirdParty = call({ type: "CALL_THIRD_PARTY" });
    expect(rules(thirdParty, { thirdPartyCallsToday: 1 })).toEqual([]);
    expect(rules(thirdParty, { thirdPartyCallsToday: 2 })).toEqual(["B8"]);
    // Calls to the debtor are not limited by B8.
    expect(rules(call(), { thirdPartyCallsToday: 5 })).toEqual([]);
  });

  it("B6 and REC2: a note with a word from the training manager's list", () => {
    expect(rules(call({ note: "此人就是个老赖，拒不还款" }))).toEqual(["B6", "REC2"]);
    expect(checkAction(call({ note: "骗子" }), context)[0].detail).toEqual({ words: "骗子" });
    expect(rules(call({ note: "老赖" }), { slurWords: [] })).toEqual([]);
  });

  it("OPS1: a full card or ID number in the note, however it is spaced", () => {
    expect(rules(call({ note: "核对卡号 6222 0012 3456 7890 无误" }))).toEqual(["OPS1"]);
    expect(rules(call({ note: "身份证 31010419850101123X" }))).toEqual(["OPS1"]);
    expect(rules(call({ note: "尾号 7890 的卡，电话 13800138000，金额 1234567.89" }))).toEqual([]);
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
  it("numbers are compared by their digits", () => {
    expect(numberKey("021-6888 1234")).toBe("02168881234");
    expect(numberKey("  ")).toBeNull();
  });
  it("finds 15–19 digit numbers only", () => {
    expect(fullNumbersIn("a 123456789012345 b")).toEqual(["123456789012345"]);
    expect(fullNumbersIn("12345678901234")).toEqual([]);
  });
});
