import { describe, expect, it } from "vitest";

import { compactForWords, normaliseNumbers, numbersIn, phoneKey } from "./text-normalise";

// One row per way of typing: [typed, the one spelling B8 counts by (null: not a phone)].
const PHONE_KEYS: Array<[string, string | null]> = [
  ["02168881234", "02168881234"],
  ["021-6888-1234", "02168881234"],
  ["021 6888 1234", "02168881234"],
  ["(021) 6888-1234", "02168881234"],
  ["021.6888.1234", "02168881234"],
  ["+86 21 6888 1234", "02168881234"],
  ["0086 21 68881234", "02168881234"],
  ["０２１－６８８８－１２３４", "02168881234"],
  ["13800138000", "13800138000"],
  ["138 0013 8000", "13800138000"],
  ["138  0013  8000", "13800138000"],
  ["138.0013.8000", "13800138000"],
  ["１３８００１３８０００", "13800138000"],
  ["１３８　００１３　８０００", "13800138000"],
  ["+86 138 0013 8000", "13800138000"],
  ["+86-13800138000", "13800138000"],
  ["8613800138000", "13800138000"],
  ["68881234", null], // a local number without its area code
  ["31010419850101123X", null], // an ID number
  ["110101199003071234", null],
  ["6222 0012 3456 7890", null], // a card number
  ["本人 13800138000", null],
  ["", null],
];

// [text, the full numbers found in it (kind:digits)].
const FOUND: Array<[string, string[]]> = [
  ["电话１３８００１３８０００", ["mobile:13800138000"]],
  ["电话 138.0013.8000 已核实", ["mobile:13800138000"]],
  ["电话 138  0013  8000", ["mobile:13800138000"]],
  ["座机 +86 21 6888 1234", ["landline:02168881234"]],
  ["座机（021）6888-1234", ["landline:02168881234"]],
  ["身份证 31010419850101123X", ["idNumber:31010419850101123X"]],
  ["身份证３１０１０４１９８５０１０１１２３ｘ", ["idNumber:31010419850101123X"]],
  ["身份证 310104 1985 0101 123X", ["idNumber:31010419850101123X"]],
  ["老身份证 310104850101123", ["idNumber:310104850101123"]],
  ["卡号 6222.0012.3456.7890", ["cardNumber:6222001234567890"]],
  ["尾号 7890，金额 1234567.89 元，2026-11-30 10:00", []],
  ["承诺 12 月 15 日还 3000 元", []],
];

describe("text normalisation", () => {
  it.each(PHONE_KEYS)("phoneKey(%j) is %j", (typed, key) => {
    expect(phoneKey(typed)).toBe(key);
  });

  it.each(FOUND)("numbers in %j: %j", (text, found) => {
    expect(numbersIn(text).map((n) => `${n.kind}:${n.digits}`)).toEqual(found);
  });

  it("full-width becomes ASCII and separators inside numbers go, words stay", () => {
    expect(normaliseNumbers("电话：１３８　００１３　８０００")).toBe("电话:13800138000");
    expect(normaliseNumbers("2026 年 1 月")).toBe("2026 年 1 月");
  });

  it("word checks read letters and digits only", () => {
    expect(compactForWords("老 赖")).toBe("老赖");
    expect(compactForWords("老-赖！")).toBe("老赖");
    expect(compactForWords("老　·　赖")).toBe("老赖");
    expect(compactForWords("ＳＢ")).toBe("sb");
  });
});
