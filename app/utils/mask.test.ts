import { describe, expect, it } from "vitest";

import { maskEmail, maskIdNumber, maskPhone } from "./mask";

describe("masking personal numbers", () => {
  it("keeps only the first three and last four digits of a phone", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone(null)).toBe("");
  });

  it("keeps only the ends of an ID number", () => {
    expect(maskIdNumber("110101199003071234")).toBe("1101**********1234");
  });

  it("hides most of an e-mail's local part", () => {
    expect(maskEmail("c0101@jyxh.example.com")).toBe("c***@jyxh.example.com");
  });
});
