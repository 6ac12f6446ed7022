import { describe, expect, it } from "vitest";

import { slursIn } from "./action-rules";
import { DEFAULT_SLUR_WORDS } from "./default-slur-words";
import { compactForWords } from "./text-normalise";

// [what an agent typed, the listed words the refusal names]: one line per case a reviewer wants covered.
const TYPED: Array<[string, string[]]> = [
  ["老赖", ["老赖"]],
  ["老 赖", ["老赖"]],
  ["老-赖", ["老赖"]],
  ["老赖李国栋", ["老赖"]],
  ["这个王八蛋", ["王八蛋"]],
  ["简直是垃圾", ["垃圾"]],
  ["废 物 一 个", ["废物"]],
  ["骗子！", ["骗子"]],
  ["你去死吧", ["去死"]],
  ["本人接听，称月底还款。", []],
  ["家属称债务人已住院，死亡证明待补", []],
];

describe("the default slur list", () => {
  it("holds a compliance list's worth of words, each once and matchable", () => {
    expect(DEFAULT_SLUR_WORDS.length).toBeGreaterThanOrEqual(30);
    expect(DEFAULT_SLUR_WORDS.length).toBeLessThanOrEqual(60);
    const keys = DEFAULT_SLUR_WORDS.map(compactForWords);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k.length >= 2)).toBe(true);
  });

  it.each(TYPED)("%j names %j", (typed, words) => {
    expect(slursIn(typed, DEFAULT_SLUR_WORDS)).toEqual(words);
  });
});
