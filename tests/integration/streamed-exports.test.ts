// The large exports, streamed (app/utils/workbook.server.ts workbookStream): a scope's training files,
// a year's needs and the question bank — their content, their scope, and a bank larger than one batch.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { loader as needsExport } from "~/routes/_app.needs.$surveyId.export";
import { loader as bankExport } from "~/routes/_app.quiz.questions.export";
import { loader as filesExport } from "~/routes/_app.training-files.export";
import { db } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";

import { cookieFor, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
type Loader = (args: never) => Promise<unknown>;

async function download(employeeNo: string, loader: Loader, path: string, params: Record<string, string> = {}) {
  const response = (await loader({
    request: requestAs(await cookieFor(employeeNo), path),
    params,
    ...ctx,
  } as never)) as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
  // Streamed: the loader answers with a body still to be read, not with the file's bytes.
  expect(response.body).toBeInstanceOf(ReadableStream);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}
const status = async (employeeNo: string, loader: Loader, path: string) =>
  (
    await outcome(async () =>
      loader({ request: requestAs(await cookieFor(employeeNo), path), params: {}, ...ctx } as never),
    )
  ).status;
const column = (sheet: ExcelJS.Worksheet, n: number) =>
  sheet
    .getColumn(n)
    .values.slice(2)
    .map((v) => String(v));

async function peopleOf(codes: string[] | null) {
  const departments = await db.department.findMany({ select: { id: true, parentId: true, code: true, name: true } });
  const ids = codes
    ? subtreeIds(
        departments,
        departments.filter((d) => codes.includes(d.code)).map((d) => d.id),
      )
    : null;
  return db.person.findMany({
    where: ids ? { departmentId: { in: ids } } : {},
    orderBy: { employeeNo: "asc" },
    select: { id: true, employeeNo: true },
  });
}

describe("a scope's training files", () => {
  it("a head exports the people of the department they head, with every training record", async () => {
    const book = await download("D0101", filesExport, "/training-files/export");
    const [people, records] = book.worksheets;
    expect(book.worksheets.map((s) => s.name)).toEqual(["人员", "培训记录"]);
    const col1 = await peopleOf(["COL1"]);
    expect(column(people, 1)).toEqual(col1.map((p) => p.employeeNo));
    const recordCount = await db.trainingRecord.count({ where: { personId: { in: col1.map((p) => p.id) } } });
    expect(recordCount).toBeGreaterThan(0);
    expect(records.rowCount - 1).toBe(recordCount);
    // Each person's count of records on the first sheet is what the second sheet lists for them.
    const listed = column(records, 1);
    for (const row of people.getRows(2, people.rowCount - 1) ?? [])
      expect(listed.filter((no) => no === String(row.getCell(1).value)).length).toBe(row.getCell(5).value);
  });

  it("a head cannot export another department; an agent is sent to their own file's export", async () => {
    const col2 = await db.department.findUniqueOrThrow({ where: { code: "COL2" }, select: { id: true } });
    expect(await status("D0101", filesExport, `/training-files/export?departmentId=${col2.id}`)).toBe(403);
    const agent = await outcome(async () =>
      filesExport({
        request: requestAs(await cookieFor("C0101"), "/training-files/export"),
        params: {},
        ...ctx,
      } as never),
    );
    const own = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0101" }, select: { id: true } });
    expect([agent.status, agent.location]).toEqual([302, `/training-files/${own.id}/export`]);
    expect(await status("T0001", filesExport, "/training-files/export?departmentId=nothing")).toBe(404);
  });

  it("the training manager exports everyone, or one department with its teams", async () => {
    const all = await download("T0001", filesExport, "/training-files/export");
    expect(column(all.worksheets[0], 1)).toEqual((await peopleOf(null)).map((p) => p.employeeNo));
    const col2 = await db.department.findUniqueOrThrow({ where: { code: "COL2" }, select: { id: true } });
    const one = await download("T0001", filesExport, `/training-files/export?departmentId=${col2.id}`);
    expect(column(one.worksheets[0], 1)).toEqual((await peopleOf(["COL2"])).map((p) => p.employeeNo));
  });
});

describe("a year's needs", () => {
  it("lists every submitted need of the reader's departments, then the roll-ups", async () => {
    const survey = await db.needsSurvey.findFirstOrThrow({ select: { id: true } });
    const path = `/needs/${survey.id}/export`;
    const submitted = (departmentIds?: string[]) =>
      db.needItem.count({
        where: {
          form: {
            surveyId: survey.id,
            status: "SUBMITTED",
            ...(departmentIds ? { departmentId: { in: departmentIds } } : {}),
          },
        },
      });
    const all = await (async () => {
      const response = (await needsExport({
        request: requestAs(await cookieFor("G0001"), path),
        params: { surveyId: survey.id },
        ...ctx,
      })) as Response;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      return workbook;
    })();
    expect(all.worksheets.map((s) => s.name)).toEqual(["需求明细", "按类别", "按部门", "按月份"]);
    expect(all.worksheets[0].rowCount - 1).toBe(await submitted());
    const byCategory = all.worksheets[1];
    const needsInRollup = (byCategory.getColumn(2).values.slice(2) as number[]).reduce((s, n) => s + n, 0);
    expect(needsInRollup).toBe(await submitted());

    const own = await (async () => {
      const response = (await needsExport({
        request: requestAs(await cookieFor("D0101"), path),
        params: { surveyId: survey.id },
        ...ctx,
      })) as Response;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      return workbook;
    })();
    const departments = await db.department.findMany({ select: { id: true, parentId: true, code: true, name: true } });
    const col1 = subtreeIds(
      departments,
      departments.filter((d) => d.code === "COL1").map((d) => d.id),
    );
    expect(own.worksheets[0].rowCount - 1).toBe(await submitted(col1));
    expect(new Set(column(own.worksheets[0], 1))).toEqual(new Set(["催收一部"]));
  });
});

describe("the question bank", () => {
  it("exports every question in order, past the first batch of 500", { timeout: 60_000 }, async () => {
    const before = await db.quizQuestion.count();
    const rule = await db.quizQuestionRule.findFirstOrThrow({ select: { ruleId: true } });
    const made = await db.quizQuestion.createManyAndReturn({
      data: Array.from({ length: 1_100 }, (_, i) => ({
        kind: "TRUE_FALSE" as const,
        stem: `压测题 ${String(i).padStart(4, "0")}`,
        explanation: "",
      })),
      select: { id: true },
    });
    await db.quizOption.createMany({
      data: made.flatMap((q) => [
        { questionId: q.id, text: "正确", isCorrect: true, sortOrder: 0 },
        { questionId: q.id, text: "错误", isCorrect: false, sortOrder: 1 },
      ]),
    });
    await db.quizQuestionRule.createMany({ data: made.map((q) => ({ questionId: q.id, ruleId: rule.ruleId })) });
    const book = await download("T0001", bankExport, "/quiz/questions/export");
    const ids = column(book.worksheets[0], 1);
    const expected = await db.quizQuestion.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(ids).toHaveLength(before + 1_100);
    expect(ids).toEqual(expected.map((q) => q.id));
    expect(await status("D0101", bankExport, "/quiz/questions/export")).toBe(403);
  });
});
