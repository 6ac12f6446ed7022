import { describe, expect, it } from "vitest";

import { contentChanged, duplicatesIn, normaliseStem } from "./question-review-rules";

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

describe("contentChanged: what sends an imported question back to review", () => {
  const stored = {
    kind: "SINGLE",
    stem: "22:10 债务人回电，你应当？",
    explanation: "B3：22:00 以后不得催收。",
    options: [
      { text: "告知已过作业时间，次日再联系", isCorrect: true },
      { text: "继续催收", isCorrect: false },
    ],
    ruleIds: ["B3"],
  };
  const incoming = {
    ...stored,
    options: stored.options.map((o) => ({ text: o.text, correct: o.isCorrect })),
    ruleIds: ["B3"],
  };

  it("an identical row (spaces around text aside) changes nothing", () => {
    expect(contentChanged(stored, { ...incoming, stem: ` ${stored.stem} ` })).toBe(false);
  });

  it.each([
    [
      "the right answer",
      {
        options: [
          { text: "告知已过作业时间，次日再联系", correct: false },
          { text: "继续催收", correct: true },
        ],
      },
    ],
    [
      "an option's text",
      {
        options: [
          { text: "告知已过作业时间", correct: true },
          { text: "继续催收", correct: false },
        ],
      },
    ],
    [
      "the order of the options",
      {
        options: [
          { text: "继续催收", correct: false },
          { text: "告知已过作业时间，次日再联系", correct: true },
        ],
      },
    ],
    ["the stem", { stem: "22:30 债务人回电，你应当？" }],
    ["the explanation", { explanation: "B3：21:00 以后不得催收。" }],
    ["the rules", { ruleIds: ["B3", "B5"] }],
    ["the kind", { kind: "MULTIPLE" }],
  ])("a change of %s is a change", (_what, change) => {
    expect(contentChanged(stored, { ...incoming, ...change })).toBe(true);
  });
});
