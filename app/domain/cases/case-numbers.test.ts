import { describe, expect, it } from "vitest";

import { maskIdNumber } from "~/utils/mask";

import { demoCardNumber, demoIdNumber } from "../../../prisma/seed/cases";

import { isValidCardNumber, isValidIdNumber, maskCardNumber, normaliseNumber } from "./case-numbers";

describe("case numbers", () => {
  it("checks the ID number's check character and the card's Luhn digit", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidCardNumber("4111111111111111")).toBe(true);
    expect(isValidCardNumber("4111111111111112")).toBe(false);
    for (let i = 1; i < 30; i++) {
      expect(isValidIdNumber(demoIdNumber(i))).toBe(true);
      expect(isValidCardNumber(demoCardNumber(i))).toBe(true);
    }
  });

  it("masks a card as 6222 **** **** 1234 and an ID keeping its length", () => {
    expect(maskCardNumber("6222 0012 3456 1234")).toBe("6222 **** **** 1234");
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X");
    expect(normaliseNumber("11010519491231002x")).toBe("11010519491231002X");
  });
});
