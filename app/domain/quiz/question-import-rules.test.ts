import { describe, expect, it } from "vitest";

import { serverT } from "~/utils/i18n";
import { translateMessage } from "~/utils/validation";

import { gradeByWeight, needsMedia, plainText, unsupportedType } from "./question-import-rules";

describe("answer weights, graded as Moodle grades them", () => {
  it.each([
    // weights, declared, kind, correct
    [[0, 25, 50, 100], null, "SINGLE", [false, false, false, true]],
    [[100, 0, 0], "single", "SINGLE", [true, false, false]],
    [[-100, 50, 50, -100], null, "MULTIPLE", [false, true, true, false]],
    [[-100, 50, 50, -100], "multiple", "MULTIPLE", [false, true, true, false]],
    [[33.33333, 33.33333, 33.33333, -100], null, "MULTIPLE", [true, true, true, false]],
    [[100, -50, 0], "multiple", "MULTIPLE", [true, false, false]],
  ] as const)("%j (%s) is %s with %j right", (weights, declared, kind, correct) => {
    expect(gradeByWeight([...weights], declared)).toMatchObject({ ok: true, kind, correct });
  });

  it("says when a single answer question's partial credit is dropped", () => {
    expect(gradeByWeight([0, 25, 50, 100], null)).toMatchObject({ partialDropped: true });
    expect(gradeByWeight([0, 100], null)).toMatchObject({ partialDropped: false });
  });

  it.each([
    [[50, 30, 0], null, "quiz.import.unsupported.partialCredit"],
    [[50, 50, 0], "single", "quiz.import.unsupported.partialCredit"],
    [[50, 20], "multiple", "quiz.import.unsupported.partialCredit"],
    [[0, 0], null, "quiz.import.unsupported.partialCredit"],
    [[100, 100, 0], null, "quiz.import.unsupported.severalFull"],
  ] as const)("refuses %j (%s): %s", (weights, declared, reason) => {
    expect(gradeByWeight([...weights], declared)).toEqual({ ok: false, reason });
  });
});

describe("plain text from HTML", () => {
  it.each([
    ["&ldquo;引号&rdquo;", "“引号”"],
    ["a&mdash;b", "a—b"],
    ["one&nbsp;two", "one two"],
    ["&#20013;&#x6D4B;&#X6D4B;", "中测测"],
    ["&lt;b&gt; &amp;lt;", "<b> &lt;"],
    ["<p>first</p><p>second</p>", "first\nsecond"],
    ["caf&eacute; &hellip;", "café …"],
  ])("%s → %s", (html, text) => {
    expect(plainText(html)).toBe(text);
  });
});

describe("content that needs a file", () => {
  it.each([
    '<img src="x.png">',
    '<audio controls src="@@PLUGINFILE@@/a.mp3"></audio>',
    "@@PLUGINFILE@@/a.png",
    "<video src=v.mp4></video>",
    "![map](map.png)",
  ])("%s is refused", (html) => expect(needsMedia(html)).toBe(true));
  it("plain text passes", () => expect(needsMedia("Which city? <b>Rome</b>")).toBe(false));
});

describe("question types TrainGate cannot hold are named in the reader's language", () => {
  const zh = serverT("zh-CN");
  const en = serverT("en");
  it.each([
    ["Short", "简答题", "short answer"],
    ["shortanswer", "简答题", "short answer"],
    ["Matching", "匹配题", "matching"],
    ["numerical", "数字题", "numerical"],
    ["Essay", "论述题", "essay"],
    ["cloze", "填空题", "cloze"],
    ["ddwtos", "拖放题", "drag and drop"],
  ])("%s → %s / %s", (type, zhName, enName) => {
    const { message } = unsupportedType("q", type);
    expect(translateMessage(zh, message)).toContain(zhName);
    expect(translateMessage(en, message)).toContain(enName);
    expect(translateMessage(zh, message)).not.toContain(type);
  });
  it("an unknown type is named as the file names it", () => {
    expect(translateMessage(zh, unsupportedType("q", "ordering").message)).toContain("ordering");
  });
});
