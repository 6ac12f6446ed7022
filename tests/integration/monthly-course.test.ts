// Steps 004–005 and the budget roll-up through the routes, as the people who use them.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import {
  as,
  courseForm,
  FREE_MONTH,
  idFrom,
  seededItem,
  YEAR,
  type CoursePage,
  FREE_YM,
  FREE_YEAR_OF_MONTH,
} from "./course-support";
import { flashOf, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const approvalOfPlan = async (planId: string) =>
  (await db.monthlyPlan.findUniqueOrThrow({ where: { id: planId }, include: { approval: true } })).approval;
const openTodos = (employeeNo: string, kind: string) =>
  db.todoItem.count({ where: { person: { employeeNo }, kind, doneAt: null } });

describe("the monthly plan (004–005)", () => {
  it("drafted from the annual plan's month; own items need reasons; rejected, approved as revision 2", async () => {
    const manager = await as("T0001");
    const created = await manager.createMonth(FREE_YM);
    expect(created.status).toBe(302);
    const planId = idFrom(created.location);
    expect(await flashOf(created)).toMatchObject({ tone: "success", message: "monthlyPlan.notices.created" });
    const annual = await db.planItem.findMany({
      where: { plan: { year: FREE_YEAR_OF_MONTH }, months: { has: FREE_MONTH } },
    });
    const items = await db.monthlyPlanItem.findMany({ where: { planId } });
    expect(items.map((i) => i.planItemId).sort()).toEqual(annual.map((a) => a.id).sort());
    expect((await manager.createMonth(FREE_YM)).body).toMatchObject({
      errors: { month: "monthlyPlan.monthTaken" },
    });

    const newHire = {
      title: "新员工入职培训",
      category: "NEW_HIRE",
      targetPeople: "新入职催收员",
      headcount: "4",
      sessions: "2",
      budget: "800",
    };
    expect(await manager.saveItem(planId, newHire)).toMatchObject({
      status: 400,
      body: { errors: { unplannedReason: "monthlyPlan.validation.reasonRequired" } },
    });
    expect(await db.monthlyPlanItem.count({ where: { planId } })).toBe(items.length);
    expect((await manager.saveItem(planId, { ...newHire, unplannedReason: "本月新入职 4 人" })).status).toBe(302);

    expect((await manager.decidePlan(planId, "SUBMIT", 1)).status).toBe(302);
    expect(await openTodos("L0001", "monthlyPlan.review")).toBe(1);
    const leader = await as("L0001");
    expect((await leader.decidePlan(planId, "REJECT", 1, "新员工培训预算偏低")).status).toBe(302);
    expect(await approvalOfPlan(planId)).toMatchObject({ state: "DRAFT", revision: 2 });
    const todo = await db.todoItem.findFirstOrThrow({
      where: { person: { employeeNo: "T0001" }, kind: "monthlyPlan.revise", doneAt: null },
    });
    expect(todo.params).toMatchObject({ year: FREE_YEAR_OF_MONTH, month: FREE_MONTH, reason: "新员工培训预算偏低" });
    expect((await manager.viewPlan(planId)).rejection).toMatchObject({ revision: 1, reason: "新员工培训预算偏低" });

    expect((await manager.decidePlan(planId, "SUBMIT", 2)).status).toBe(302);
    expect((await leader.decidePlan(planId, "APPROVE", 2)).status).toBe(302);
    expect(await approvalOfPlan(planId)).toMatchObject({ state: "APPROVED", revision: 2 });
    const locked = await manager.saveItem(planId, { ...newHire, unplannedReason: "改不了" });
    expect(locked).toMatchObject({ status: 409, body: { errors: { _form: "monthlyPlan.locked" } } });
    expect(await db.auditEntry.count({ where: { action: { startsWith: "monthlyPlan." }, entityId: planId } })).toBe(6);
  });

  it("only the training manager drafts, only the approving leader approves; refusals audited, no change", async () => {
    for (const no of ["T0002", "L0001", "D0101", "C0101"])
      expect((await (await as(no)).createMonth(FREE_YM)).status).toBe(403);
    const manager = await as("T0001");
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
    await manager.decidePlan(planId, "SUBMIT", 1);
    for (const no of ["T0001", "T0002", "G0001"])
      expect((await (await as(no)).decidePlan(planId, "APPROVE", 1)).status).toBe(403);
    expect(await approvalOfPlan(planId)).toMatchObject({ state: "SUBMITTED", revision: 1 });
    expect(await db.auditEntry.count({ where: { action: "auth.refused" } })).toBe(7);
  });

  it("of two decisions at once exactly one wins; a double submission is recorded once", async () => {
    const manager = await as("T0001");
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
    const twice = await Promise.all([manager.decidePlan(planId, "SUBMIT", 1), manager.decidePlan(planId, "SUBMIT", 1)]);
    expect(twice.map((r) => r.status).sort()).toEqual([302, 409]);
    const [a, b] = [await as("L0001"), await as("L0001")];
    const race = await Promise.all([a.decidePlan(planId, "APPROVE", 1), b.decidePlan(planId, "REJECT", 1, "同时退回")]);
    expect(race.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await db.approvalDecision.count({ where: { approval: { monthlyPlan: { id: planId } } } })).toBe(2);
  });

  it("cannot be drafted for a year without an approved annual plan", async () => {
    expect((await (await as("T0001")).createMonth(`${YEAR + 3}-01`)).body).toMatchObject({
      errors: { month: "monthlyPlan.noApprovedAnnualPlan" },
    });
    expect(await db.monthlyPlan.count({ where: { year: YEAR + 3 } })).toBe(0);
  });

  it("shows a department head only their department's people to train; the training side sees everyone", async () => {
    const { id: planId } = await db.monthlyPlan.findFirstOrThrow({ select: { id: true } });
    // The demo's own new hires are already in approved courses: two more, one in each collection department.
    for (const [employeeNo, of] of [
      ["C0197", "C0101"],
      ["C0297", "C0201"],
    ]) {
      const { departmentId } = await db.person.findUniqueOrThrow({ where: { employeeNo: of } });
      await db.person.create({
        data: { employeeNo, name: employeeNo, departmentId, post: "催收员", status: "NEW_HIRE" },
      });
    }
    const numbers = (page: Awaited<ReturnType<Awaited<ReturnType<typeof as>>["viewPlan"]>>) =>
      [...page.people.newHires, ...page.people.transfers].map((p) => p.employeeNo).sort();
    const everyone = numbers(await (await as("T0001")).viewPlan(planId));
    expect(everyone.some((no) => no.startsWith("C01")) && everyone.some((no) => no.startsWith("C02"))).toBe(true);
    const head = numbers(await (await as("D0101")).viewPlan(planId));
    expect(head.length).toBeGreaterThan(0);
    expect(head).toEqual(everyone.filter((no) => no.startsWith("C01")));
  });
});

describe("budget roll-up", () => {
  it("a course taking its item over budget is warned about on the course page and the budget page", async () => {
    const item = await seededItem();
    const clerk = await as("T0002");
    // The seeded courses on this item already cost 600 yuan; this one adds 1,350.50 over the item's budget.
    const costly = await clerk.createCourse(item.id, courseForm({ lecturerFee: String(item.budgetFen / 100) }));
    const courseId = idFrom(costly.location);
    const page = (await clerk.viewCourse(courseId)).body as CoursePage;
    const monthlyOthers = 600_00;
    expect(page.budget.monthly).toEqual({
      title: item.title,
      budgetFen: item.budgetFen,
      otherCoursesFen: monthlyOthers,
    });
    expect(page.budget.warnings[0]).toMatchObject({ level: "monthly", overFen: monthlyOthers + 150_50 });

    const budget = await clerk.budget();
    const line = budget.monthlyItems.find((m) => m.id === item.id)!;
    expect(line).toMatchObject({ committedFen: monthlyOthers, pendingFen: item.budgetFen + 150_50 });
    const all = await db.course.findMany({ where: { monthlyItem: { plan: { year: YEAR } } } });
    const sum = all.reduce(
      (s, c) => s + c.lecturerFeeFen + c.venueFeeFen + c.materialsFeeFen + c.externalFeeFen + c.otherFeeFen,
      0,
    );
    expect(budget.total.committedFen + budget.total.pendingFen).toBe(sum);
  });
});
