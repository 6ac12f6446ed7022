// The monthly plan and the course plan as paper forms and workbooks: what they show, what they are called
// in each language, that text typed into them cannot act as a formula, and who may read them.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { loader as courseExport } from "~/routes/_app.courses.$courseId.export";
import { loader as monthlyExport } from "~/routes/_app.monthly-plans.$monthlyPlanId.export";
import { loader as coursePrint } from "~/routes/courses.$courseId.print";
import { loader as monthlyPrint } from "~/routes/monthly-plans.$monthlyPlanId.print";
import { db } from "~/utils/db.server";

import { as, courseForm, FREE_MONTH, FREE_YEAR_OF_MONTH, FREE_YM, idFrom, seededItem } from "./course-support";
import { cookieFor, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const ctx = { context: { cspNonce: "" } };
const HYPERLINK = '=HYPERLINK("http://evil","x")';

type Loader = (args: never) => Promise<unknown>;
async function call(employeeNo: string, loader: Loader, path: string, params: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  return outcome(() => loader({ request: requestAs(cookie, path), params, ...ctx } as never));
}

async function download(employeeNo: string, loader: Loader, path: string, params: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  const response = (await loader({ request: requestAs(cookie, path), params, ...ctx } as never)) as Response;
  expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  const texts = rows.map((row) => {
    const values: string[] = [];
    // Cells merged into another repeat its value: each text once.
    row.eachCell((cell) => (cell.type === ExcelJS.ValueType.Merge ? null : values.push(String(cell.value))));
    return values.join(" | ");
  });
  return {
    ascii: /filename="([^"]+)"/.exec(disposition)?.[1],
    name: decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? ""),
    sheet,
    rows,
    texts,
    /** The row whose cells include `text`. */
    rowWith: (text: string) => rows.find((row) => row.values.toString().includes(text)),
  };
}

const nameOf = async (employeeNo: string) =>
  (await db.person.findUniqueOrThrow({ where: { employeeNo }, select: { name: true } })).name;
const setLocale = (employeeNo: string, locale: string) => db.person.update({ where: { employeeNo }, data: { locale } });

/** A plan of a free month with one item of its own, submitted by T0001 and approved by L0001. */
async function approvedMonth() {
  const manager = await as("T0001");
  const planId = idFrom((await manager.createMonth(FREE_YM)).location);
  const own = {
    title: HYPERLINK,
    category: "NEW_HIRE",
    targetPeople: "@新入职催收员",
    headcount: "4",
    sessions: "2",
    budget: "800.50",
    unplannedReason: "本月新入职 4 人",
  };
  expect((await manager.saveItem(planId, own)).status).toBe(302);
  expect((await manager.decidePlan(planId, "SUBMIT", 1)).status).toBe(302);
  expect((await (await as("L0001")).decidePlan(planId, "APPROVE", 1)).status).toBe(302);
  const items = await db.monthlyPlanItem.findMany({ where: { planId } });
  return { planId, items };
}

describe("the monthly plan form", () => {
  it("prints every item with source, people, sessions and budget, the totals, who submitted and approved", async () => {
    const { planId, items } = await approvedMonth();
    const printed = await call("D0101", monthlyPrint, `/monthly-plans/${planId}/print`, { monthlyPlanId: planId });
    expect(printed.status).toBe(200);
    const { form } = printed.body as Awaited<ReturnType<typeof monthlyPrint>>;
    expect(form.plan).toMatchObject({ year: FREE_YEAR_OF_MONTH, month: FREE_MONTH, revision: 1, state: "APPROVED" });
    expect(form.items).toHaveLength(items.length);
    expect(form.items.find((i) => i.title === HYPERLINK)).toMatchObject({
      planned: false,
      unplannedReason: "本月新入职 4 人",
      headcount: 4,
      sessions: 2,
      budgetFen: 80050,
      targetPeople: "@新入职催收员",
    });
    expect(form.items.filter((i) => i.planned).every((i) => i.annualTitle && i.lecturerType)).toBe(true);
    expect(form.totals).toEqual({
      headcount: items.reduce((s, i) => s + i.headcount, 0),
      sessions: items.reduce((s, i) => s + i.sessions, 0),
      budgetFen: items.reduce((s, i) => s + i.budgetFen, 0),
    });
    expect(form.approval.submitted?.name).toBe(await nameOf("T0001"));
    expect(form.approval.approved?.name).toBe(await nameOf("L0001"));
  });

  it("exports as a workbook named in the reader's language; a formula-like title stays text", async () => {
    const { planId, items } = await approvedMonth();
    const path = `/monthly-plans/${planId}/export`;
    const month = String(FREE_MONTH).padStart(2, "0");
    const zh = await download("T0001", monthlyExport, path, { monthlyPlanId: planId });
    expect(zh.name).toBe(`${FREE_YEAR_OF_MONTH}年${FREE_MONTH}月培训计划-第1版.xlsx`);
    expect(zh.ascii).toBe(`monthly-plan-${FREE_YEAR_OF_MONTH}-${month}-r1.xlsx`);
    expect(zh.texts[1]).toBe("《月度培训计划》");
    const row = zh.rowWith("HYPERLINK")!;
    expect(row.getCell(2).value).toBe(`'${HYPERLINK}`);
    expect(row.getCell(2).formula).toBeUndefined();
    expect(row.getCell(5).value).toBe("'@新入职催收员");
    expect(row.getCell(4).value).toBe("计划外：本月新入职 4 人");
    expect(row.getCell(9).value).toBe(800.5);
    expect(row.getCell(9).type).toBe(ExcelJS.ValueType.Number);
    const total = zh.rowWith("合计")!;
    expect(total.getCell(6).value).toBe(items.reduce((s, i) => s + i.headcount, 0));
    expect(total.getCell(9).value).toBe(items.reduce((s, i) => s + i.budgetFen, 0) / 100);
    const record = zh.texts.find((x) => x.startsWith("审批记录"))!;
    expect(record).toContain(await nameOf("T0001"));
    expect(record).toContain(await nameOf("L0001"));
    expect(zh.texts.some((x) => x.startsWith("编制（培训部负责人）："))).toBe(true);
    expect(zh.texts.some((x) => x.startsWith("审批（分管培训领导）："))).toBe(true);

    await setLocale("T0001", "en");
    const en = await download("T0001", monthlyExport, path, { monthlyPlanId: planId });
    expect(en.name).toBe(`Monthly training plan ${FREE_YEAR_OF_MONTH}-${FREE_MONTH} revision 1.xlsx`);
    expect(en.ascii).toBe(zh.ascii);
    expect(en.texts).toContain(
      [
        "No.",
        "Training item",
        "Category",
        "Source / reason if unplanned",
        "Target group",
        "People",
        "Sessions",
        "Lecturer / organiser",
        "Budget (CNY)",
      ].join(" | "),
    );
  });

  it("is not for agents (403); an unknown plan is 404", async () => {
    const { planId } = await approvedMonth();
    const params = { monthlyPlanId: planId };
    expect((await call("C0101", monthlyPrint, `/monthly-plans/${planId}/print`, params)).status).toBe(403);
    expect((await call("C0101", monthlyExport, `/monthly-plans/${planId}/export`, params)).status).toBe(403);
    const unknown = { monthlyPlanId: "cl0000000000000000000000" };
    expect((await call("T0001", monthlyPrint, "/monthly-plans/x/print", unknown)).status).toBe(404);
  });
});

const demoCourse = (department: string) =>
  db.course.findFirstOrThrow({ where: { title: `话术规范与投诉案例复训（${department}）` }, select: { id: true } });

describe("the course plan form", () => {
  it("prints the course's particulars, sessions, costs and attendees without phone numbers", async () => {
    const { id: courseId } = await demoCourse("催收一部");
    const printed = await call("T0002", coursePrint, `/courses/${courseId}/print`, { courseId });
    expect(printed.status).toBe(200);
    const { form } = printed.body as Awaited<ReturnType<typeof coursePrint>>;
    const course = await db.course.findUniqueOrThrow({
      where: { id: courseId },
      include: { sessions: true, attendees: true, approval: true },
    });
    expect(form.course).toMatchObject({ title: course.title, revision: course.approval.revision });
    expect(form.course.totalFen).toBe(
      course.lecturerFeeFen + course.venueFeeFen + course.materialsFeeFen + course.externalFeeFen + course.otherFeeFen,
    );
    expect(form.sessions).toHaveLength(course.sessions.length);
    expect(form.attendees).toHaveLength(course.attendees.length);
    for (const a of form.attendees) expect(Object.keys(a).sort()).toEqual(["department", "employeeNo", "name", "no"]);
    expect(JSON.stringify(printed.body)).not.toMatch(/"phone"|"email"/);
  });

  it("a department head gets their people's course with only their people, and not another's (404)", async () => {
    const own = await demoCourse("催收一部");
    const other = await demoCourse("催收二部");
    const printed = await call("D0101", coursePrint, `/courses/${own.id}/print`, { courseId: own.id });
    expect(printed.status).toBe(200);
    const { form } = printed.body as Awaited<ReturnType<typeof coursePrint>>;
    expect(form.scoped).toBe(true);
    const col1 = await db.person.findMany({
      where: { department: { OR: [{ code: "COL1" }, { parent: { code: "COL1" } }] } },
      select: { employeeNo: true },
    });
    expect(form.attendees.length).toBeGreaterThan(0);
    expect(form.attendees.every((a) => col1.some((p) => p.employeeNo === a.employeeNo))).toBe(true);

    const params = { courseId: other.id };
    expect((await call("D0101", coursePrint, `/courses/${other.id}/print`, params)).status).toBe(404);
    expect((await call("D0101", courseExport, `/courses/${other.id}/export`, params)).status).toBe(404);
    expect((await call("C0101", coursePrint, `/courses/${own.id}/print`, { courseId: own.id })).status).toBe(403);
    expect((await call("C0101", courseExport, `/courses/${own.id}/export`, { courseId: own.id })).status).toBe(403);
  });

  it("exports as a workbook in the reader's language, with no attendee's phone, formula-like text quoted", async () => {
    const clerk = await as("T0002");
    const created = await clerk.createCourse(
      (await seededItem()).id,
      courseForm({ title: HYPERLINK, outline: "+1 话术复盘" }),
    );
    const courseId = idFrom(created.location);
    const people = await db.person.findMany({
      where: { department: { OR: [{ code: "COL1" }, { parent: { code: "COL1" } }] }, phone: { not: null } },
      take: 3,
      select: { employeeNo: true, name: true, phone: true },
    });
    expect(people).toHaveLength(3);
    expect(
      (await clerk.course(courseId, { intent: "addAttendees", names: people.map((p) => p.employeeNo).join(" ") }))
        .status,
    ).toBe(302);

    const path = `/courses/${courseId}/export`;
    const zh = await download("T0002", courseExport, path, { courseId });
    expect(zh.name).toBe("培训课程计划-=HYPERLINK(_http___evil_,_x_)-第1版.xlsx");
    expect(zh.ascii).toMatch(/^course-plan-\d{4}-\d{2}-\w{8}-r1\.xlsx$/);
    const title = zh.rowWith("HYPERLINK")!;
    expect(title.getCell(2).value).toBe(`'${HYPERLINK}`);
    expect(zh.texts).toContain("'+1 话术复盘");
    expect(zh.texts).toContain("讲师费 | 场地费 | 资料费 | 外训费 | 其他 | 费用合计");
    expect(zh.rowWith("讲师费")!.number + 1).toBe(zh.rowWith("1200")!.number);
    expect(zh.rowWith("1200")!.getCell(6).value).toBe(1350.5);
    for (const p of people) {
      expect(zh.texts.some((x) => x.includes(p.employeeNo) && x.includes(p.name))).toBe(true);
      expect(zh.texts.join("\n")).not.toContain(p.phone!);
    }
    expect(zh.texts.join("\n")).not.toContain("021-5555 0000");
    expect(zh.texts.some((x) => x.startsWith("编制（培训部文员）："))).toBe(true);

    await setLocale("T0002", "en");
    const en = await download("T0002", courseExport, path, { courseId });
    expect(en.name).toBe("Course plan-=HYPERLINK(_http___evil_,_x_)-revision 1.xlsx");
    expect(en.texts).toContain("No. | Name | Employee no. | Department");
  });
});
