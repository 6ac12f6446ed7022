// Attack: plant spreadsheet formulas in data others export — a plan item titled
// =HYPERLINK("http://evil","x"), a question whose text starts with @, + or - — so that the person who
// opens the exported workbook in another reader runs them. Exports quote such text; numbers stay numbers.
import ExcelJS from "exceljs";
import { expect, it } from "vitest";

import { importQuestions } from "~/domain/quiz/import-questions.server";
import { saveQuestion } from "~/domain/quiz/save-question.server";
import { loader as planExport } from "~/routes/_app.plans.$planId.export";
import { action as itemAction } from "~/routes/_app.plans.$planId.items.$itemId";
import { action as plansAction } from "~/routes/_app.plans._index";
import { loader as questionExport } from "~/routes/_app.quiz.questions.export";
import { db } from "~/utils/db.server";

import { cookieFor, FREE_YEAR, outcome, personId, requestAs, demoCompanyBeforeEachTest } from "../integration/support";

const ctx = { context: { cspNonce: "" } };
const HYPERLINK = '=HYPERLINK("http://evil","x")';

demoCompanyBeforeEachTest();

async function workbookOf(response: unknown) {
  expect(response).toBeInstanceOf(Response);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await (response as Response).arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

function expectQuotedText(cell: ExcelJS.Cell, text: string) {
  expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(cell.formula).toBeUndefined();
  expect(cell.value).toBe(`'${text}`);
}

it("the annual plan export quotes a formula-like title and target group; its numbers stay numbers", async () => {
  const cookie = await cookieFor("T0001");
  const created = await outcome(() =>
    plansAction({ request: requestAs(cookie, "/plans", { form: { year: String(FREE_YEAR) } }), params: {}, ...ctx }),
  );
  const planId = created.location!.split("/")[2];
  const item = {
    title: HYPERLINK,
    category: "INTERNAL",
    months: ["3"],
    targetPeople: "@SUM(1)",
    sessions: "4",
    hoursPerSession: "1.5",
    delivery: "INTERNAL",
    lecturerType: "INTERNAL",
    budget: "1200.50",
    headcount: "40",
    departmentId: (await db.department.findUniqueOrThrow({ where: { code: "TRN" }, select: { id: true } })).id,
  };
  const saved = await outcome(() =>
    itemAction({
      request: requestAs(cookie, `/plans/${planId}/items/new`, { form: item }),
      params: { planId, itemId: "new" },
      ...ctx,
    }),
  );
  expect(saved.status).toBe(302);

  const exported = await planExport({
    request: requestAs(cookie, `/plans/${planId}/export`),
    params: { planId },
    ...ctx,
  });
  const row = (await workbookOf(exported)).worksheets[0].getRow(3);
  expectQuotedText(row.getCell(2), HYPERLINK);
  expectQuotedText(row.getCell(5), "@SUM(1)");
  expect(row.getCell(1).value).toBe(1);
  expect(row.getCell(6).value).toBe(40);
  expect(row.getCell(8).value).toBe(4);
  expect(row.getCell(14).value).toBe(1200.5);
  expect(row.getCell(14).type).toBe(ExcelJS.ValueType.Number);
});

it("the question bank export quotes +, - and @ texts; importing the file back keeps them as they were", async () => {
  const manager = { id: await personId("T0001"), employeeNo: "T0001" };
  const question = {
    kind: "SINGLE" as const,
    stem: "-1+1 等于几？",
    explanation: "@SUM(1) 不是公式",
    ruleIds: ["B3"],
    options: [
      { text: "+1", correct: false },
      { text: "0", correct: true },
    ],
    active: true,
  };
  const saved = await saveQuestion(manager, null, question);
  expect(saved.ok).toBe(true);
  const id = saved.ok ? saved.id : "";

  const cookie = await cookieFor("T0001");
  const exported = await questionExport({ request: requestAs(cookie, "/quiz/questions/export"), params: {}, ...ctx });
  const workbook = await workbookOf(exported);
  const sheet = workbook.worksheets[0];
  let rowNumber = 0;
  sheet.eachRow((row, n) => (row.getCell(1).value === id ? (rowNumber = n) : undefined));
  const row = sheet.getRow(rowNumber);
  expectQuotedText(row.getCell(3), question.stem);
  expectQuotedText(row.getCell(4), "+1");
  expect(row.getCell(5).value).toBe("0");
  expectQuotedText(row.getCell(12), question.explanation);

  // The bank is exported to be edited and imported back: the quotes the export added come off again.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const imported = await importQuestions(
    manager,
    { name: "bank.xlsx", bytes },
    { defaultRuleId: null, skipUnsupported: false },
  );
  expect(imported).toMatchObject({ ok: true, created: 0 });
  const after = await db.quizQuestion.findUniqueOrThrow({
    where: { id },
    include: { options: { orderBy: { sortOrder: "asc" } } },
  });
  expect(after.stem).toBe(question.stem);
  expect(after.explanation).toBe(question.explanation);
  expect(after.options.map((o) => o.text)).toEqual(["+1", "0"]);
});
