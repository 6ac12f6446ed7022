import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { personId, seedDemoCompany, demoCompanyBeforeEachTest } from "../../../tests/integration/support";

import { importQuestions } from "./import-questions.server";
import { exportQuestionsXlsx } from "./question-xlsx.server";

let actor: { id: string; employeeNo: string };
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  actor = { id: await personId("T0001"), employeeNo: "T0001" };
});

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const opts = { defaultRuleId: null, skipUnsupported: false };

async function workbookBytes(edit: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(exportQuestionsXlsx()).arrayBuffer());
  edit(workbook.worksheets[0]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// A round trip of the whole bank rewrites every question; on a busy 2-core machine that takes a while.
describe("the .xlsx question bank", { timeout: 60_000 }, () => {
  it("exports the bank and imports it back unchanged", async () => {
    const count = await db.quizQuestion.count();
    const outcome = await importQuestions(actor, { name: "bank.xlsx", bytes: await workbookBytes(() => {}) }, opts);
    expect(outcome).toMatchObject({ ok: true, created: 0, updated: count, batchId: null });
    expect(await db.quizQuestion.count()).toBe(count);
    expect(await db.quizQuestion.count({ where: { reviewPending: true } })).toBe(0);
  });

  it("a row whose answer key changed goes back to review, switched off; the unchanged rows stay live", async () => {
    const activeBefore = await db.quizQuestion.count({ where: { active: true } });
    let changedId = "";
    const bytes = await workbookBytes((sheet) => {
      const row = sheet.getRow(2);
      changedId = String(row.getCell(1).value);
      // The answer letters: A becomes B (or B becomes A), as a slip or a tampering in a spreadsheet would.
      row.getCell(10).value = String(row.getCell(10).value) === "A" ? "B" : "A";
    });
    const outcome = await importQuestions(actor, { name: "bank.xlsx", bytes }, opts);
    expect(outcome).toMatchObject({ ok: true, created: 0 });
    if (!outcome.ok) return;
    expect(outcome.batchId).toEqual(expect.any(String));
    expect(outcome.notes.map((n) => n.message)).toContain("quiz.import.notes.changedToReview");
    const changed = await db.quizQuestion.findUniqueOrThrow({ where: { id: changedId } });
    expect(changed).toMatchObject({ active: false, reviewPending: true, importBatchId: outcome.batchId });
    expect(await db.quizQuestion.count({ where: { reviewPending: true } })).toBe(1);
    expect(await db.quizQuestion.count({ where: { active: true } })).toBe(activeBefore - 1);
  });

  it("is all or nothing: one bad row and no row is saved, with every problem listed by row", async () => {
    const before = await db.quizQuestion.count();
    const bytes = await workbookBytes((sheet) => {
      sheet.getRow(2).getCell(3).value = "已修改的题干：第一行本身没有问题";
      sheet.getRow(3).getCell(10).value = "Z"; // no such answer letter
      sheet.addRow(["", "单选", "新题：只有一个选项", "唯一选项", "", "", "", "", "", "A", "B3", "解析说明文字", "是"]);
      sheet.addRow(["", "多选", "新题：规范编号错误", "甲", "乙", "丙", "", "", "", "AB", "B99", "解析说明文字", "是"]);
    });
    const outcome = await importQuestions(actor, { name: "bank.xlsx", bytes }, opts);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const rows = [...new Set(outcome.errors.map((e) => e.where))].sort();
    expect(rows).toEqual(["3", String(before + 2), String(before + 3)].sort());
    expect(await db.quizQuestion.count()).toBe(before);
    expect(await db.quizQuestion.count({ where: { stem: { startsWith: "已修改" } } })).toBe(0);
  });
});

const MOODLE = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/催收规范/B3</text></category></question>
  <question type="multichoice">
    <name><text>夜间来电</text></name>
    <questiontext format="html"><text><![CDATA[<p>22:10 债务人回电，你应当？</p>]]></text></questiontext>
    <generalfeedback format="html"><text>B3：22:00 以后不得催收。</text></generalfeedback>
    <single>true</single>
    <answer fraction="100"><text>约定次日再联系</text><feedback><text>对</text></feedback></answer>
    <answer fraction="0"><text>立即催收</text></answer>
  </question>
  <question type="truefalse">
    <name><text>作业时间</text></name>
    <questiontext format="html"><text>每天 7:00–22:00 可以催收。</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
    <tags><tag><text>B3</text></tag></tags>
  </question>
  <question type="essay"><name><text>论述题</text></name><questiontext><text>谈谈礼貌催收。</text></questiontext></question>
  <question type="matching"><name><text>配对题</text></name><questiontext><text>配对</text></questiontext></question>
</quiz>`;

const GIFT = `// [tag:B5]
::身份:: 电话中应如何介绍自己？ {=受银行委托的本公司 #正确 ~银行法务部 #冒用身份 ####B5 的要求}

::多选:: 哪些身份严禁使用？ {~%50%银行 ~%50%银联 ~%-100%受托的本公司}

::数值题:: 每天最多联系第三方几次？ {#2}
`;

describe("Moodle XML and GIFT imports", () => {
  it("Moodle: lists what cannot be represented and imports nothing until that is confirmed", async () => {
    const before = await db.quizQuestion.count();
    const first = await importQuestions(actor, file("moodle.xml", MOODLE), opts);
    expect(first).toMatchObject({ ok: false, needsConfirmation: true });
    expect(first.unsupported.map((u) => u.where)).toEqual(["论述题", "配对题"]);
    expect(await db.quizQuestion.count()).toBe(before);

    const second = await importQuestions(actor, file("moodle.xml", MOODLE), { ...opts, skipUnsupported: true });
    expect(second).toMatchObject({ ok: true, created: 2 });
    const imported = await db.quizQuestion.findMany({
      where: { source: "moodle" },
      select: {
        kind: true,
        explanation: true,
        rules: { select: { ruleId: true } },
        options: { select: { text: true, isCorrect: true, feedback: true } },
      },
    });
    expect(imported.map((q) => q.kind).sort()).toEqual(["SINGLE", "TRUE_FALSE"]);
    expect(imported.every((q) => q.rules.some((r) => r.ruleId === "B3"))).toBe(true);
    const single = imported.find((q) => q.kind === "SINGLE")!;
    expect(single.explanation).toBe("B3：22:00 以后不得催收。");
    expect(single.options).toContainEqual({ text: "约定次日再联系", isCorrect: true, feedback: "对" });
    expect(imported.find((q) => q.kind === "TRUE_FALSE")!.options).toContainEqual({
      text: "正确",
      isCorrect: true,
      feedback: null,
    });
  });

  it("GIFT: multiple answers by weight, tags as rules, the numerical question listed", async () => {
    const outcome = await importQuestions(actor, file("bank.gift", GIFT), {
      defaultRuleId: "B5",
      skipUnsupported: true,
    });
    expect(outcome).toMatchObject({ ok: true, created: 2 });
    expect(outcome.unsupported).toEqual([{ where: "数值题", message: "quiz.import.unsupported.types.numerical" }]);
    const multi = await db.quizQuestion.findFirstOrThrow({
      where: { source: "gift", kind: "MULTIPLE" },
      select: { options: { where: { isCorrect: true }, select: { text: true } } },
    });
    expect(multi.options.map((o) => o.text).sort()).toEqual(["银联", "银行"]);
  });

  it("a question with no rule and no default rule is an error, and nothing is imported", async () => {
    const before = await db.quizQuestion.count();
    const outcome = await importQuestions(actor, file("bank.gift", "::无标签:: 可以挂断电话吗？ {F}\n"), opts);
    expect(outcome).toMatchObject({ ok: false, errors: [{ where: "无标签", field: "ruleIds" }] });
    expect(await db.quizQuestion.count()).toBe(before);
  });
});
