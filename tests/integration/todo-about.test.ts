// A to-do says what it is about: an approver's review names the plan or course and its
// amount, besides who sent it and when; the home page shows all of it.
import { describe, expect, it } from "vitest";

import { formatYuan } from "~/components/training/format";
import { courseCost, COST_SELECT } from "~/domain/course/course-rules";
import { action as planAction } from "~/routes/_app.plans.$planId._index";
import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, FREE_YM } from "./course-support";
import { cookieFor, outcome, renderInLayout, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const reviewOf = (employeeNo: string, kind: string) =>
  db.todoItem.findFirstOrThrow({
    where: { person: { employeeNo }, kind, doneAt: null },
    orderBy: { createdAt: "desc" },
  });

async function homeOf(employeeNo: string) {
  return (await renderInLayout(await cookieFor(employeeNo), "/home", "_app.home")).html;
}

describe("an approver's to-do", () => {
  it("for the annual plan: the year, the revision, the sender, and the plan's budget", async () => {
    const plan = await db.annualPlan.findUniqueOrThrow({ where: { year: YEAR }, include: { approval: true } });
    const cookie = await cookieFor("T0001");
    const post = (form: Record<string, string>) =>
      outcome(async () =>
        planAction({
          request: requestAs(cookie, `/plans/${plan.id}`, { form }),
          params: { planId: plan.id },
          context: { cspNonce: "" },
        }),
      );
    const revision = plan.approval.revision;
    expect((await post({ intent: "REOPEN", revision: String(revision), reason: "增加一期" })).status).toBe(302);
    expect((await post({ intent: "SUBMIT", revision: String(revision + 1) })).status).toBe(302);

    const budget = await db.planItem.aggregate({ where: { planId: plan.id }, _sum: { budgetFen: true } });
    const todo = await reviewOf("L0001", "annualPlan.review");
    const manager = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0001" } });
    expect(todo).toMatchObject({
      fromName: manager.name,
      params: { year: YEAR, revision: revision + 1, amountFen: budget._sum.budgetFen },
    });
    const home = await homeOf("L0001");
    expect(home).toContain(`请审批 ${YEAR} 年度培训计划（第 ${revision + 1} 版）`);
    expect(home).toContain(`金额 ${formatYuan(budget._sum.budgetFen!)}`);
  });

  it("for a monthly plan: the month and the month's budget", async () => {
    const manager = await as("T0001");
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
    const transfer = {
      title: "转岗培训",
      category: "TRANSFER",
      targetPeople: "客服转催收人员",
      headcount: "1",
      sessions: "1",
      budget: "800",
      unplannedReason: "C0218 转岗",
    };
    expect((await manager.saveItem(planId, transfer)).status).toBe(302);
    expect((await manager.decidePlan(planId, "SUBMIT", 1)).status).toBe(302);
    const budget = await db.monthlyPlanItem.aggregate({ where: { planId }, _sum: { budgetFen: true } });
    expect(budget._sum.budgetFen).toBeGreaterThanOrEqual(800_00);
    expect((await reviewOf("L0001", "monthlyPlan.review")).params).toMatchObject({
      amountFen: budget._sum.budgetFen,
    });
    expect(await homeOf("L0001")).toContain(`金额 ${formatYuan(budget._sum.budgetFen!)}`);
  });

  it("for a course: its title and its cost", async () => {
    const clerk = await as("T0002");
    const courseId = idFrom(
      (await clerk.createCourse((await seededItem()).id, courseForm({ lecturerFee: "1234.5" }))).location,
    );
    const day = `${YEAR}-${String(today.month).padStart(2, "0")}-11`;
    await clerk.course(courseId, { intent: "addSession", date: day, start: "09:00", end: "12:00", location: "A302" });
    await clerk.course(courseId, { intent: "addAttendees", names: "C0105 C0106" });
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    const cost = courseCost(await db.course.findUniqueOrThrow({ where: { id: courseId }, select: COST_SELECT }));
    expect((await reviewOf("T0001", "course.review")).params).toMatchObject({
      title: "投诉处理实战演练",
      amountFen: cost,
    });
    expect(await homeOf("T0001")).toContain(`金额 ${formatYuan(cost)}`);
  });
});
