import { describe, expect, it } from "vitest";

import { mayShowAnswers, missedPerRule } from "./result-rules";

describe("when the result page shows the answers", () => {
  it.each([
    { passed: false, certified: false, showAnswers: "afterPassing", shown: false },
    { passed: true, certified: false, showAnswers: "afterPassing", shown: true },
    { passed: false, certified: true, showAnswers: "afterPassing", shown: true },
    { passed: true, certified: true, showAnswers: "never", shown: false },
    { passed: false, certified: false, showAnswers: "never", shown: false },
  ] as const)("passed $passed, certified $certified, setting $showAnswers → shown $shown", (c) => {
    expect(mayShowAnswers(c)).toBe(c.shown);
  });
});

it("counts missed questions per rule, a question with two rules for each", () => {
  expect(
    Object.fromEntries(missedPerRule([{ ruleIds: ["B3"] }, { ruleIds: ["B3", "B5"] }, { ruleIds: ["B1"] }])),
  ).toEqual({
    B3: 2,
    B5: 1,
    B1: 1,
  });
});
