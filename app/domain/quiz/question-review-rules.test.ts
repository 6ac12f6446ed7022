import { describe, expect, it } from "vitest";

import { duplicatesIn, normaliseStem } from "./question-review-rules";

describe("the same stem, however it is typed", () => {
  it.each([
    ["  夜间来电，你应当？ ", "夜间来电,你应当?"],
    ["２２：００ 以后\t可以催收吗", "22:00 以后 可以催收吗"],
    ["Who is   buried\nin Grant's tomb?", "who is buried in grant's tomb?"],
    ["ＡＢＣ　全角空格", "abc 全角空格"],
  ])("%j is %j", (stem, normal) => {
    expect(normaliseStem(stem)).toBe(normal);
  });

  it("flags a candidate whose normalised stem is already in the bank, but not itself", () => {
    const bank = [
      { id: "old", stem: "２２：００以后可以催收吗？" },
      { id: "other", stem: "完全不同的题目" },
      { id: "new1", stem: "22:00以后可以催收吗?" },
      { id: "new2", stem: "新的题目" },
    ];
    const found = duplicatesIn(
      bank.filter((q) => q.id.startsWith("new")),
      bank,
    );
    expect([...found.keys()]).toEqual(["new1"]);
    expect(found.get("new1")!.map((q) => q.id)).toEqual(["old"]);
  });
});
