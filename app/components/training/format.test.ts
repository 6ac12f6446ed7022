import { describe, expect, it } from "vitest";

import { formatYuan } from "./format";

describe("amounts of money, on every page", () => {
  it.each([
    [0, "¥0.00"],
    [5, "¥0.05"],
    [150, "¥1.50"],
    [100, "¥1.00"],
    [300_000, "¥3,000.00"],
    [1_234_567, "¥12,345.67"],
    [123_456_789_012, "¥1,234,567,890.12"],
    [-150, "-¥1.50"],
    [-1_234_500, "-¥12,345.00"],
  ])("%i fen reads %s", (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
