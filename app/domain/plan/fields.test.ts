import { describe, expect, it } from "vitest";

import "~/utils/validation";
import { fromUnits, hours, money, monthsOf, parseMonth, positiveInt, toUnits } from "./fields";

describe("figures are stored as integers", () => {
  it.each([
    ["0", 0],
    ["12", 1200],
    ["12.5", 1250],
    ["12.05", 1205],
    ["9999999.99", 999999999],
  ])("money %s yuan is %i fen", (input, fen) => {
    expect(money().parse(input)).toBe(fen);
    expect(toUnits(input, 2)).toBe(fen);
  });

  it("0.1 + 0.2 yuan style inputs never lose a fen", () => {
    expect(toUnits("0.1", 2) + toUnits("0.2", 2)).toBe(30);
    expect(fromUnits(30, 2)).toBe("0.3");
    expect(fromUnits(123456, 2)).toBe("1234.56");
    expect(fromUnits(15, 1)).toBe("1.5");
  });

  it.each([
    ["", "validation.required"],
    ["-5", "training.validation.negative"],
    ["12.345", "training.validation.money"],
    ["abc", "training.validation.money"],
  ])("money %j is refused with %s", (input, key) => {
    expect(money().safeParse(input).error?.issues[0].message).toBe(key);
  });

  it("hours allow one decimal and must be positive", () => {
    expect(hours().parse("1.5")).toBe(15);
    expect(hours().safeParse("0").error?.issues[0].message).toBe("training.validation.hoursPositive");
    expect(hours().safeParse("-2").error?.issues[0].message).toBe("training.validation.negative");
  });

  it("headcounts are whole numbers from 1", () => {
    expect(positiveInt(999).parse("30")).toBe(30);
    expect(positiveInt(999).safeParse("0").error?.issues[0].message).toBe('validation.tooSmall::{"min":1}');
    expect(positiveInt(999).safeParse("-1").error?.issues[0].message).toBe("training.validation.negative");
    expect(positiveInt(999).safeParse("2.5").error?.issues[0].message).toBe("training.validation.wholeNumber");
  });
});

describe("months belong to the plan year", () => {
  it("accepts 1–12 and YYYY-MM of the plan year, sorted without duplicates", () => {
    expect(monthsOf(2027).parse(["9", "2027-03", "3"])).toEqual([3, 9]);
    expect(parseMonth("2027-12", 2027)).toBe(12);
  });

  it.each([["13"], ["0"], ["2026-05"], ["2028-01"], ["May"]])("refuses %s for 2027", (value) => {
    expect(monthsOf(2027).safeParse([value]).error?.issues[0].message).toBe(
      'training.validation.monthOutsideYear::{"year":2027}',
    );
  });

  it("needs at least one month", () => {
    expect(monthsOf(2027).safeParse(undefined).error?.issues[0].message).toBe("training.validation.monthRequired");
  });
});
