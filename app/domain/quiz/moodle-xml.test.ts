import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { serverT } from "~/utils/i18n";
import { translateMessage } from "~/utils/validation";

import { readMoodleXml } from "./moodle-xml";
import type { ReadQuestion } from "./question-import-rules";

const source = readFileSync(new URL("../../../tests/fixtures/moodle/questions.xml", import.meta.url), "utf8");
const read = readMoodleXml(source);
if (!read.ok) throw new Error(read.error);
const question = (where: string) => read.questions.find((q) => q.where === where) as ReadQuestion;
const right = (q: ReadQuestion) => q.options.filter((o) => o.correct).map((o) => o.text);

describe("the Moodle XML fixture, read as Moodle grades it", () => {
  it("Jesus' hometown: the 100 % answer is the one right answer, feedback stays with each answer", () => {
    const q = question("Jesus' hometown");
    expect(q.kind).toBe("SINGLE");
    expect(right(q)).toEqual(["Nazareth"]);
    expect(q.options.find((o) => o.text === "Bethlehem")?.feedback).toBe("He was born here, but not raised here.");
    expect(q.explanation).toBe("He grew up in Nazareth.");
  });

  it("<single>false</single> with 50 % + 50 %: both right, the negative ones wrong", () => {
    expect(question("Grant's tomb, two people").kind).toBe("MULTIPLE");
    expect(right(question("Grant's tomb, two people"))).toEqual(["Grant", "Grant's wife"]);
    expect(right(question("Primary colours"))).toEqual(["Red", "Green", "Blue"]);
  });

  it("true/false answers in TrainGate's words, each with its feedback", () => {
    expect(question("Sun rises").options).toEqual([
      { text: "正确", correct: true, feedback: "Right: it rises in the east." },
      { text: "错误", correct: false, feedback: "Wrong: it rises in the east." },
    ]);
  });

  it("decodes entities inside CDATA and XML-escaped HTML alike", () => {
    const q = question("Entities");
    expect(q.stem).toBe("“Quoted” — one space, 中测 and <tag>");
    expect(q.options.map((o) => o.text)).toEqual(["“Right” answer", "Wrong…"]);
    expect(q.options[0].feedback).toBe("Feedback with & and 测");
  });

  it("refuses image and audio stems, partial credit only and every other type, with the reason", () => {
    const zh = serverT("zh-CN");
    const reasons = Object.fromEntries(read.unsupported.map((u) => [u.where, translateMessage(zh, u.message)]));
    expect(reasons).toEqual({
      "Partial only": expect.stringContaining("部分分"),
      "Image stem": expect.stringContaining("图片"),
      "Audio stem": expect.stringContaining("音频"),
      "Short answer": expect.stringContaining("简答题"),
      "Grant born": expect.stringContaining("数字题"),
      Capitals: expect.stringContaining("匹配题"),
      Biography: expect.stringContaining("论述题"),
      "Fill in": expect.stringContaining("填空题"),
      Instructions: expect.stringContaining("说明文字"),
      "Drag words": expect.stringContaining("拖放题"),
    });
    const en = serverT("en");
    expect(translateMessage(en, read.unsupported.find((u) => u.where === "Short answer")!.message)).toContain(
      "short answer",
    );
  });
});
