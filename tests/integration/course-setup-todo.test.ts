// Step 005 → 006: an approved monthly plan asks the training clerks to set up the month's courses;
// the to-do closes once every item of the month has a course.
import { beforeEach, describe, expect, it } from "vitest";

import { COURSE_SETUP_TODO } from "~/domain/monthly-plan/course-setup-todo.server";
import { db } from "~/utils/db.server";

import { as, courseForm, FREE_MONTH, FREE_YEAR_OF_MONTH, FREE_YM, idFrom } from "./course-support";
import { blockedOrSettled, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const todos = (planId: string) =>
  db.todoItem.findMany({
    where: { kind: COURSE_SETUP_TODO, sourceType: "MonthlyPlan", sourceId: planId },
    select: { person: { select: { employeeNo: true } }, href: true, params: true, doneAt: true },
    orderBy: { person: { employeeNo: "asc" } },
  });
const open = async (planId: string) => (await todos(planId)).filter((t) => !t.doneAt).map((t) => t.person.employeeNo);

/** The leader's approval went through (decide() runs the subject's onApproved in that transaction). */
async function approved(planId: string) {
  const { approvalId } = await db.monthlyPlan.findUniqueOrThrow({
    where: { id: planId },
    select: { approvalId: true },
  });
  expect((await db.approval.findUniqueOrThrow({ where: { id: approvalId } })).state).toBe("APPROVED");
}

async function approvedMonth() {
  const [manager, leader] = [await as("T0001"), await as("L0001")];
  const planId = idFrom((await manager.createMonth(FREE_YM)).location);
  await manager.saveItem(planId, {
    title: "转岗培训",
    category: "TRANSFER",
    targetPeople: "客服转催收人员",
    headcount: "1",
    sessions: "1",
    budget: "0",
    unplannedReason: "C0218 转岗",
  });
  expect((await manager.decidePlan(planId, "SUBMIT", 1)).status).toBe(302);
  expect((await leader.decidePlan(planId, "APPROVE", 1)).status).toBe(302);
  await approved(planId);
  const items = await db.monthlyPlanItem.findMany({
    where: { planId },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  expect(items.length).toBeGreaterThanOrEqual(2);
  return { manager, leader, planId, items };
}

describe("setting up the month's courses once its plan is approved", () => {
  beforeEach(async () => {
    // A second clerk: everyone who sets up courses is asked.
    await db.roleAssignment.create({ data: { person: { connect: { employeeNo: "T0003" } }, role: "TRAINING_CLERK" } });
  });

  it("every clerk is asked, linked to the plan; the to-do closes for all once each item has a course", async () => {
    const { planId, items } = await approvedMonth();
    expect(await todos(planId)).toEqual(
      ["T0002", "T0003"].map((no) => ({
        person: { employeeNo: no },
        href: `/monthly-plans/${planId}`,
        params: { year: FREE_YEAR_OF_MONTH, month: FREE_MONTH },
        doneAt: null,
      })),
    );

    const [clerk, other] = [await as("T0002"), await as("T0003")];
    for (const item of items.slice(0, -2)) expect((await clerk.createCourse(item.id, courseForm())).status).toBe(302);
    expect((await clerk.createCourse(items.at(-2)!.id, courseForm())).status).toBe(302);
    expect(await open(planId)).toEqual(["T0002", "T0003"]);
    // A second course for an item that has one already leaves the to-do open: one item still has none.
    expect((await other.createCourse(items[0].id, courseForm({ title: "第二门课" }))).status).toBe(302);
    expect(await open(planId)).toEqual(["T0002", "T0003"]);

    expect((await other.createCourse(items.at(-1)!.id, courseForm())).status).toBe(302);
    expect(await open(planId)).toEqual([]);
  });

  it("submitting and rejecting ask nothing; only the approval does", async () => {
    const [manager, leader] = [await as("T0001"), await as("L0001")];
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
    await manager.saveItem(planId, {
      title: "转岗培训",
      category: "TRANSFER",
      targetPeople: "客服转催收人员",
      headcount: "1",
      sessions: "1",
      budget: "0",
      unplannedReason: "C0218 转岗",
    });
    expect((await manager.decidePlan(planId, "SUBMIT", 1)).status).toBe(302);
    expect(await todos(planId)).toEqual([]);
    expect((await leader.decidePlan(planId, "REJECT", 1, "预算不清楚")).status).toBe(302);
    expect(await todos(planId)).toEqual([]);
    expect((await manager.decidePlan(planId, "SUBMIT", 2)).status).toBe(302);
    expect((await leader.decidePlan(planId, "APPROVE", 2)).status).toBe(302);
    expect(await open(planId)).toEqual(["T0002", "T0003"]);
  });

  it("two clerks setting up the last two courses at once close it", async () => {
    const { planId, items } = await approvedMonth();
    const clerk = await as("T0002");
    for (const item of items.slice(0, -2)) await clerk.createCourse(item.id, courseForm());
    const other = await as("T0003");
    const both = await Promise.all([
      clerk.createCourse(items.at(-2)!.id, courseForm()),
      other.createCourse(items.at(-1)!.id, courseForm()),
    ]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await open(planId)).toEqual([]);
  });

  it("while a course is set up the plan's approval stays locked: a reopening then is seen, not missed", async () => {
    const { planId, items } = await approvedMonth();
    const { approvalId } = await db.monthlyPlan.findUniqueOrThrow({
      where: { id: planId },
      select: { approvalId: true },
    });
    const clerk = await as("T0002");
    let creating: ReturnType<typeof clerk.createCourse> | undefined;
    // Someone reopens the plan and has not committed yet when the clerk saves the course: the save
    // must wait for the reopening (a lock), not slip past it.
    await db.$transaction(async (tx) => {
      await tx.approval.update({ where: { id: approvalId }, data: { state: "DRAFT", revision: 2 } });
      creating = clerk.createCourse(items[0].id, courseForm());
      expect(await blockedOrSettled(creating)).toBe("blocked");
    });
    const created = await creating!;
    expect(created).toMatchObject({ status: 409, body: { errors: { _form: "course.monthlyPlanNotApproved" } } });
    expect(await db.course.count({ where: { monthlyItemId: items[0].id } })).toBe(0);
  });

  it("a revision approved again asks again only when it brings an item without a course", async () => {
    const { manager, leader, planId, items } = await approvedMonth();
    const clerk = await as("T0002");
    for (const item of items) await clerk.createCourse(item.id, courseForm());
    expect(await open(planId)).toEqual([]);

    expect((await manager.decidePlan(planId, "REOPEN", 1, "补充本月新员工培训")).status).toBe(302);
    await manager.decidePlan(planId, "SUBMIT", 2);
    await leader.decidePlan(planId, "APPROVE", 2);
    await approved(planId);
    expect(await open(planId)).toEqual([]);

    await manager.decidePlan(planId, "REOPEN", 2, "补充本月新员工培训");
    await manager.saveItem(planId, {
      title: "新员工入职培训",
      category: "NEW_HIRE",
      targetPeople: "新入职催收员",
      headcount: "4",
      sessions: "2",
      budget: "800",
      unplannedReason: "本月新入职 4 人",
    });
    await manager.decidePlan(planId, "SUBMIT", 3);
    await leader.decidePlan(planId, "APPROVE", 3);
    await approved(planId);
    expect(await open(planId)).toEqual(["T0002", "T0003"]);
  });
});
