// The company's training budget: who sets it (training manager) and its cap (general manager), conflicting
// edits, the course submission that needs an acknowledgement over budget or with clashes, and the export.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { budgetCost } from "~/domain/course/budget-rules";
import { COST_SELECT, courseCost } from "~/domain/course/course-rules";
import { action as budgetAction, type loader as budgetLoader } from "~/routes/_app.budget";
import { loader as exportLoader } from "~/routes/budget[.xlsx]";
import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, type CoursePage } from "./course-support";
import { cookieFor, demoCompanyBeforeEachTest, flashOf, outcome, renderInLayout, requestAs } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };

async function post(employeeNo: string, form: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  return outcome(() => budgetAction({ request: requestAs(cookie, "/budget", { form }), params: {}, ...ctx }));
}
const current = () => db.trainingBudget.findUniqueOrThrow({ where: { year: YEAR } });
const figure = async (intent: "amount" | "cap", amount: string, version?: number) => ({
  intent,
  year: String(YEAR),
  amount,
  version: String(version ?? (await current()).version),
});

describe("setting the year's budget and its cap", () => {
  it("the demo year has a budget under the general manager's cap, above what the plans plan", async () => {
    const page = (await (await as("T0001")).budget()) as Awaited<ReturnType<typeof budgetLoader>>;
    expect(page.budget).toMatchObject({ amountFen: expect.any(Number), capFen: 30_000_00 });
    expect(page.budget.amountFen!).toBeLessThanOrEqual(page.budget.capFen!);
    expect(page.against.annual.remainingFen!).toBeGreaterThan(0);
    expect(page.may).toEqual({ amount: true, cap: false });
    // Some month of the demo is over: its courses cost more than the month planned.
    expect(page.byMonth.some((m) => m.committedFen + m.pendingFen > m.plannedFen)).toBe(true);
  });

  it("the training manager sets the budget, audited; the general manager the cap; neither the other's", async () => {
    const saved = await post("T0001", await figure("amount", "28000"));
    expect(saved.status).toBe(302);
    expect(await flashOf(saved)).toMatchObject({ message: "budget.notices.amountSaved" });
    expect(await current()).toMatchObject({ amountFen: 28_000_00 });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "budget.amountSet" } });
    expect(entry).toMatchObject({ actorEmployeeNo: "T0001", entityType: "TrainingBudget" });
    expect(entry.summary).toMatchObject({ year: YEAR, toFen: 28_000_00 });

    expect((await post("G0001", await figure("amount", "1"))).status).toBe(403);
    expect((await post("T0001", await figure("cap", "99999"))).status).toBe(403);
    expect((await post("T0002", await figure("amount", "1"))).status).toBe(403);
    expect((await post("G0001", await figure("cap", "40000"))).status).toBe(302);
    expect(await current()).toMatchObject({ amountFen: 28_000_00, capFen: 40_000_00 });
    expect(await db.auditEntry.count({ where: { action: "budget.capSet", actorEmployeeNo: "G0001" } })).toBe(1);
  });

  it("above the cap, a past year or a bad amount: refused with what was typed; nothing changes", async () => {
    const before = await current();
    const over = await post("T0001", await figure("amount", "30000.01"));
    expect(over).toMatchObject({
      status: 400,
      body: { intent: "amount", errors: { amount: "budget.validation.overCap" }, values: { amount: "30000.01" } },
    });
    const past = await post("T0001", { ...(await figure("amount", "1000")), year: String(YEAR - 1) });
    expect(past).toMatchObject({ status: 400, body: { errors: { amount: "budget.validation.year" } } });
    const bad = await post("T0001", await figure("amount", "4万"));
    expect(bad).toMatchObject({ status: 400, body: { errors: { amount: "training.validation.money" } } });
    expect(await current()).toEqual(before);
  });

  it("a form showing an older version is refused with 409; of two saves at once exactly one wins", async () => {
    const { version } = await current();
    expect((await post("G0001", await figure("cap", "35000", version))).status).toBe(302);
    expect(await post("T0001", await figure("amount", "20000", version))).toMatchObject({
      status: 409,
      body: { errors: { _form: "budget.conflict" } },
    });
    const fresh = (await current()).version;
    const results = await Promise.all([
      post("T0001", await figure("amount", "21000", fresh)),
      post("T0001", await figure("amount", "22000", fresh)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await db.auditEntry.count({ where: { action: "budget.amountSet" } })).toBe(1);
  });
});

// A course of the seeded compliance item, one session nobody else is in, one attendee.
async function draftCourse(over: Record<string, string>) {
  const clerk = await as("T0002");
  const created = await clerk.createCourse((await seededItem()).id, courseForm(over));
  const courseId = idFrom(created.location);
  const date = `${YEAR}-${String(today.month).padStart(2, "0")}-28`;
  expect(
    (
      await clerk.course(courseId, {
        intent: "addSession",
        date,
        start: "19:00",
        end: "20:00",
        location: "培训部小会议室",
      })
    ).status,
  ).toBe(302);
  expect((await clerk.course(courseId, { intent: "addAttendees", names: "K0001" })).status).toBe(302);
  return { clerk, courseId };
}

describe("submitting a course over budget", () => {
  it("is refused without an acknowledgement and reason, and goes ahead with them; the approver sees it", async () => {
    const item = await seededItem();
    const { clerk, courseId } = await draftCourse({ lecturerFee: String(item.budgetFen / 100 + 1) });
    const page = (await clerk.viewCourse(courseId)).body as CoursePage;
    expect(page.concerns.map((c) => c.kind === "budget" && c.level)).toContain("monthly");

    const refused = await clerk.courseAsSent(courseId, { intent: "SUBMIT", revision: "1", reason: "请审批" });
    expect(refused).toMatchObject({
      status: 400,
      body: { intent: "SUBMIT", errors: { acknowledged: "budget.ack.required" }, values: { reason: "请审批" } },
    });
    const noReason = await clerk.courseAsSent(courseId, { intent: "SUBMIT", revision: "1", acknowledged: "on" });
    expect(noReason).toMatchObject({ status: 400, body: { errors: { acknowledgement: "budget.ack.reasonRequired" } } });
    const approval = () => db.approval.findFirstOrThrow({ where: { course: { id: courseId } } });
    expect(await approval()).toMatchObject({ state: "DRAFT", revision: 1 });
    expect(await db.approvalDecision.count({ where: { approvalId: (await approval()).id } })).toBe(0);

    const reason = "投诉集中，须本月完成，超支部分由下月结余调剂";
    const submitted = await clerk.courseAsSent(courseId, {
      intent: "SUBMIT",
      revision: "1",
      acknowledged: "on",
      acknowledgement: reason,
    });
    expect(submitted.status).toBe(302);
    expect(await approval()).toMatchObject({ state: "SUBMITTED" });
    const ack = await db.submitAcknowledgement.findFirstOrThrow({ where: { approvalId: (await approval()).id } });
    expect(ack).toMatchObject({ revision: 1, reason, actorEmployeeNo: "T0002" });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "budget.acknowledged", entityId: courseId },
    });
    expect(audit).toMatchObject({ reason, actorEmployeeNo: "T0002" });
    expect(await db.auditEntry.count({ where: { action: "course.submitted", entityId: courseId } })).toBe(1);

    const manager = await as("T0001");
    const seen = (await manager.viewCourse(courseId)).body as CoursePage;
    expect(seen.acknowledgement).toMatchObject({ reason, actorName: expect.any(String) });
    expect(seen.acknowledgement!.concerns).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: "monthly" })]),
    );
    const html = (await renderInLayout(manager.cookie, `/courses/${courseId}`, "_app.courses.$courseId._index")).html;
    expect(html).toContain(reason);
    expect(html).toContain("提交人确认了超预算或冲突");
  });

  it("over the company's budget or the general manager's cap counts too (unplanned items included)", async () => {
    await db.trainingBudget.update({ where: { year: YEAR }, data: { amountFen: 1_00, capFen: 2_00 } });
    const { clerk, courseId } = await draftCourse({ lecturerFee: "0", materialsFee: "0" });
    const page = (await clerk.viewCourse(courseId)).body as CoursePage;
    expect(page.concerns.flatMap((c) => (c.kind === "budget" ? [c.level] : []))).toEqual(["company", "cap"]);
    expect(page.budget.year).toMatchObject({ amountFen: 1_00, capFen: 2_00 });
    expect(page.budget.year.remainingFen!).toBeLessThan(0);
    expect((await clerk.courseAsSent(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(400);
  });

  it("within every budget and without clashes it is submitted as before, with nothing to acknowledge", async () => {
    await db.trainingBudget.update({ where: { year: YEAR }, data: { amountFen: null, capFen: null } });
    const { clerk, courseId } = await draftCourse({ lecturerFee: "0", materialsFee: "0" });
    expect(((await clerk.viewCourse(courseId)).body as CoursePage).concerns).toEqual([]);
    expect((await clerk.courseAsSent(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    expect(await db.submitAcknowledgement.count()).toBe(0);
  });
});

describe("the budget page's export", () => {
  it("holds the budget, the cap and the unplanned line, named in the reader's language; same readers", async () => {
    const call = async (employeeNo: string, lang?: string) => {
      const request = requestAs(await cookieFor(employeeNo), `/budget.xlsx?year=${YEAR}`);
      if (lang) request.headers.set("Accept-Language", lang);
      return exportLoader({ request, params: {}, ...ctx }).catch((r: unknown) => r as Response);
    };
    const res = await call("G0001");
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("Content-Disposition")!)).toContain(`${YEAR} 年培训预算执行.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const cells = book.worksheets[0]
      .getSheetValues()
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .filter((v) => v !== undefined && v !== null);
    const { amountFen, capFen } = await current();
    expect(cells).toEqual(
      expect.arrayContaining([amountFen! / 100, capFen! / 100, "计划外项目", "年度计划（含计划外）"]),
    );
    expect((await call("D0101")).status).toBe(403);
  });
});

describe("what the course page's budget counts", () => {
  it("the other courses of its monthly item, annual item and year, at the agreed fee where one is agreed", async () => {
    const { clerk, courseId } = await draftCourse({ lecturerFee: "100" });
    const item = await db.monthlyPlanItem.findUniqueOrThrow({
      where: { id: (await seededItem()).id },
      select: { id: true, planItemId: true },
    });
    const select = {
      ...COST_SELECT,
      monthlyItemId: true,
      monthlyItem: { select: { planItemId: true, plan: { select: { year: true } } } },
      delivery: { select: { agreedFeeFen: true } },
    } as const;
    // Another course of the same item with an agreed external fee other than the budgeted one.
    const sibling = await db.course.findFirstOrThrow({ where: { monthlyItemId: item.id, id: { not: courseId } } });
    await db.course.update({ where: { id: sibling.id }, data: { externalFeeFen: 500_00 } });
    await db.courseDelivery.upsert({
      where: { courseId: sibling.id },
      create: { courseId: sibling.id, agreedFeeFen: 800_00 },
      update: { agreedFeeFen: 800_00 },
    });
    const others = await db.course.findMany({ where: { id: { not: courseId } }, select });
    const sum = (rows: typeof others) => rows.reduce((s, c) => s + courseCost(c), 0);
    const monthly = sum(others.filter((c) => c.monthlyItemId === item.id));
    const annual = sum(others.filter((c) => c.monthlyItem.planItemId === item.planItemId));
    const year = others
      .filter((c) => c.monthlyItem.plan.year === YEAR)
      .reduce(
        (s, c) =>
          s +
          budgetCost({
            costFen: courseCost(c),
            externalFeeFen: c.externalFeeFen,
            agreedFeeFen: c.delivery?.agreedFeeFen ?? null,
          }),
        0,
      );
    expect(monthly).toBeGreaterThan(0);
    expect(annual).toBeGreaterThanOrEqual(monthly);
    expect(year).toBeGreaterThan(annual);

    const page = (await clerk.viewCourse(courseId)).body as CoursePage;
    const own = courseCost(await db.course.findUniqueOrThrow({ where: { id: courseId }, select: COST_SELECT }));
    expect(own).toBeGreaterThanOrEqual(100_00);
    expect(page.budget.costFen).toBe(own);
    expect(page.budget.monthly.otherCoursesFen).toBe(monthly);
    expect(page.budget.annual?.otherCoursesFen).toBe(annual);
    expect(page.budget.year.usedFen).toBe(year + own);
  });
});
