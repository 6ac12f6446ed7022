import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { serverT } from "~/utils/i18n";
import { translateMessage } from "~/utils/validation";

import { readGift } from "./gift";
import type { ReadQuestion } from "./question-import-rules";

const source = readFileSync(new URL("../../../tests/fixtures/moodle/questions.gift", import.meta.url), "utf8");
const read = readGift(source);
if (!read.ok) throw new Error(read.error);
const question = (where: string) => read.questions.find((q) => q.where === where) as ReadQuestion;
const right = (q: ReadQuestion) => q.options.filter((o) => o.correct).map((o) => o.text);

describe("the GIFT fixture, read as Moodle grades it", () => {
  it("Jesus' hometown: Nazareth (100 %) is the one right answer; the partial credit is noted", () => {
    expect(question("Jesus' hometown")).toMatchObject({ kind: "SINGLE" });
    expect(right(question("Jesus' hometown"))).toEqual(["Nazareth"]);
    expect(read.notes).toContainEqual({ where: "Jesus' hometown", message: "quiz.import.notes.partialDropped" });
  });

  it("~%100% is a right answer as much as =", () => {
    expect(right(question("Capital of France"))).toEqual(["Paris"]);
  });

  it("50 % + 50 % is a multiple answer question with both right; negative weights are wrong", () => {
    expect(question("Grant's tomb, two people").kind).toBe("MULTIPLE");
    expect(right(question("Grant's tomb, two people"))).toEqual(["Grant", "Grant's wife"]);
    expect(right(question("Primary colours"))).toEqual(["Red", "Green", "Blue"]);
  });

  it("each answer keeps its own feedback, and none of it goes into the explanation", () => {
    const q = question("Jesus' hometown");
    expect(q.options.find((o) => o.text === "Galilee")?.feedback).toBe("You need to be more specific.");
    expect(q.options.find((o) => o.text === "Nazareth")?.feedback).toBe("Yes! That's right!");
    expect(q.explanation).toBe("");
    expect(question("Grant's tomb").options.find((o) => o.text === "no one")?.feedback).toBe(
      "Right: Grant is entombed, not buried.",
    );
  });

  it("true/false feedback goes with the answer it is written for", () => {
    const rises = question("Sun rises");
    expect(rises.options).toEqual([
      { text: "正确", correct: true, feedback: "Right: it rises in the east." },
      { text: "错误", correct: false, feedback: "Wrong: it rises in the east." },
    ]);
    expect(question("Sun sets").options).toEqual([
      { text: "正确", correct: false, feedback: "It sets in the west." },
      { text: "错误", correct: true, feedback: "Correct, it sets in the west." },
    ]);
  });

  it("decodes every HTML entity", () => {
    const q = question("Entities");
    expect(q.stem).toBe("“Quoted” — one space, 中测 and <tag>");
    expect(q.options.map((o) => o.text)).toEqual(["“Right” answer", "Wrong…"]);
    expect(q.options[0].feedback).toBe("Feedback with & and 测");
  });

  it("refuses the image stem, partial credit only and every type it cannot hold, with the reason", () => {
    const zh = serverT("zh-CN");
    const reasons = Object.fromEntries(read.unsupported.map((u) => [u.where, translateMessage(zh, u.message)]));
    expect(reasons).toEqual({
      "Partial only": expect.stringContaining("部分分"),
      "Image stem": expect.stringContaining("图片"),
      "Short answer": expect.stringContaining("简答题"),
      "Fill in": expect.stringContaining("填空题"),
      Capitals: expect.stringContaining("匹配题"),
      "Grant born": expect.stringContaining("数字题"),
      Biography: expect.stringContaining("论述题"),
      "#18": expect.stringContaining("说明文字"),
    });
    expect(read.questions.map((q) => q.where)).not.toContain("Image stem");
  });

  it("a syntax error quotes the line number and the line", () => {
    const broken = readGift("::a:: fine {=yes ~no}\n\n::b:: Who is it? {=Grant ~Lee\n\n::c:: next {T}\n");
    expect(broken).toEqual({ ok: false, error: expect.stringContaining("quiz.import.errors.giftSyntax") });
    if (broken.ok) return;
    const message = translateMessage(serverT("zh-CN"), broken.error)!;
    expect(message).toContain("第 3 行");
    expect(message).toContain("::b:: Who is it? {=Grant ~Lee");
  });
});
