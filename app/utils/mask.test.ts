import { describe, expect, it } from "vitest";

import { maskEmail, maskIdNumber, maskNumbersInText, maskPhone } from "./mask";

describe("masking personal numbers", () => {
  it("keeps only the first three and last four digits of a phone", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone(null)).toBe("");
  });

  // [stored text, as the history shows it]: a full number never shows whole, however it was typed.
  it.each([
    ["电话１３８００１３８０００", "电话138****8000"],
    ["电话 138.0013.8000", "电话 138****8000"],
    ["电话 138  0013  8000", "电话 138****8000"],
    ["身份证 31010419850101123X", "身份证 310***********123X"],
    ["座机 +86 21 6888 1234", "座机 862*****1234"],
    ["尾号 7890，金额 1234567.89", "尾号 7890，金额 1234567.89"],
  ])("masks the numbers in %j", (text, shown) => {
    expect(maskNumbersInText(text)).toBe(shown);
  });

  it("keeps only the ends of an ID number", () => {
    expect(maskIdNumber("110101199003071234")).toBe("1101**********1234");
  });

  it("hides most of an e-mail's local part", () => {
    expect(maskEmail("c0101@jyxh.example.com")).toBe("c***@jyxh.example.com");
  });
});
