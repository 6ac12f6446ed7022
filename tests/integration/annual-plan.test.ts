// Steps 002–003 through the routes, as the people who use them: the one approval workflow included.
import { describe, expect, it } from "vitest";

import { action as planAction, loader as planLoader } from "~/routes/_app.plans.$planId._index";
import { action as itemAction } from "~/routes/_app.plans.$planId.items.$itemId";
import { action as plansAction } from "~/routes/_app.plans._index";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { translateMessage } from "~/utils/validation";

import { cookieFor, flashOf, FREE_YEAR, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
const YEAR = FREE_YEAR;

const item = (over: Record<string, string | string[]> = {}) => ({
  title: "话术规范培训",
  category: "INTERNAL",
  months: ["3", "9"],
  targetPeople: "全体催收员",
  sessions: "4",
  hoursPerSession: "1.5",
  delivery: "INTERNAL",
  lecturerType: "INTERNAL",
  budget: "1200.50",
  headcount: "40",
  ...over,
});
/** 培训部's id: the department an item is run by (required on every annual item). */
const trainingDepartment = async () =>
  (await db.department.findUniqueOrThrow({ where: { code: "TRN" }, select: { id: true } })).id;

async function as(employeeNo: string) {
  const cookie = await cookieFor(employeeNo);
  return {
    createPlan: () =>
      outcome(() =>
        plansAction({ request: requestAs(cookie, "/plans", { form: { year: String(YEAR) } }), params: {}, ...ctx }),
      ),
    saveItem: async (planId: string, form: Record<string, string | string[]>, itemId = "new") =>
      outcome(async () =>
        itemAction({
          request: requestAs(cookie, `/plans/${planId}/items/${itemId}`, {
            form: { departmentId: await trainingDepartment(), ...form },
          }),
          params: { planId, itemId },
          ...ctx,
        }),
      ),
    decide: (planId: string, intent: string, revision: number, reason?: string) =>
      outcome(() =>
        planAction({
          request: requestAs(cookie, `/plans/${planId}`, {
            form: { intent, revision: String(revision), ...(reason ? { reason } : {}) },
          }),
          params: { planId },
          ...ctx,
        }),
      ),
    view: async (planId: string) =>
      (await outcome(() => planLoader({ request: requestAs(cookie, `/plans/${planId}`), params: { planId }, ...ctx })))
        .body as Awaited<ReturnType<typeof planLoader>>,
  };
}

async function draftPlan() {
  const manager = await as("T0001");
  const created = await manager.createPlan();
  expect(created.status).toBe(302);
  const planId = created.location!.split("/")[2];
  expect(created.location).toBe(`/plans/${planId}`);
  expect(await flashOf(created)).toMatchObject({ tone: "success", message: "plan.notices.created" });
  expect((await manager.saveItem(planId, item())).status).toBe(302);
  return { manager, planId };
}

const decisionsOf = async (planId: string, where: object = {}) =>
  db.approvalDecision.count({ where: { approval: { annualPlan: { id: planId } }, ...where } });
const approvalOf = async (planId: string) =>
  (await db.annualPlan.findUniqueOrThrow({ where: { id: planId }, include: { approval: true } })).approval;
const openTodos = (employeeNo: string, kind: string) =>
  db.todoItem.count({ where: { person: { employeeNo }, kind, doneAt: null } });

describe("the annual plan's approval loop", () => {
  it("submitted: on the leader's to-dos; rejected: back to the manager with the reason as a new revision", async () => {
    const { manager, planId } = await draftPlan();
    const submitted = await manager.decide(planId, "SUBMIT", 1);
    expect(submitted).toMatchObject({ status: 302, location: `/plans/${planId}` });
    expect(await flashOf(submitted)).toMatchObject({ message: "plan.notices.SUBMIT" });
    expect(await openTodos("L0001", "annualPlan.review")).toBe(1);

    const leader = await as("L0001");
    expect((await leader.decide(planId, "REJECT", 1)).status).toBe(400); // no reason given
    expect((await leader.decide(planId, "REJECT", 1, "请增加情绪管理培训")).status).toBe(302);
    expect(await approvalOf(planId)).toMatchObject({ state: "DRAFT", revision: 2 });
    expect(await openTodos("L0001", "annualPlan.review")).toBe(0);
    const todo = await db.todoItem.findFirstOrThrow({
      where: { person: { employeeNo: "T0001" }, kind: "annualPlan.revise", doneAt: null },
    });
    expect(todo.params).toMatchObject({ year: YEAR, revision: 2, reason: "请增加情绪管理培训" });

    const decision = await db.approvalDecision.findFirstOrThrow({
      where: { action: "REJECT", approval: { annualPlan: { id: planId } } },
    });
    expect(decision).toMatchObject({
      revision: 1,
      actorEmployeeNo: "L0001",
      reason: "请增加情绪管理培训",
      fromState: "SUBMITTED",
      toState: "DRAFT",
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "annualPlan.rejected", entityId: planId } });
    expect(audit).toMatchObject({ actorEmployeeNo: "L0001", reason: "请增加情绪管理培训" });
  });

  it("the leader sees what changed since the revision they rejected; approval locks the plan", async () => {
    const { manager, planId } = await draftPlan();
    await manager.decide(planId, "SUBMIT", 1);
    const leader = await as("L0001");
    await leader.decide(planId, "REJECT", 1, "预算偏高");
    const itemId = (await db.planItem.findFirstOrThrow({ where: { planId } })).id;
    expect((await manager.saveItem(planId, item({ budget: "800", months: ["3"] }), itemId)).status).toBe(302);
    expect((await manager.saveItem(planId, item({ title: "情绪管理与压力调节", months: ["4"] }))).status).toBe(302);
    expect((await manager.decide(planId, "SUBMIT", 2)).status).toBe(302);
    expect(await openTodos("T0001", "annualPlan.revise")).toBe(0);

    const page = await leader.view(planId);
    expect(page.actions).toEqual(["APPROVE", "REJECT"]);
    expect(page.diff?.rejection).toMatchObject({ revision: 1, reason: "预算偏高" });
    expect(page.diff?.changes.added.map((i) => i.title)).toEqual(["情绪管理与压力调节"]);
    expect(page.diff?.changes.changed[0].changes).toEqual([
      { field: "months", before: [3, 9], after: [3] },
      { field: "budgetFen", before: 1200_50, after: 800_00 },
    ]);

    expect((await leader.decide(planId, "APPROVE", 2)).status).toBe(302);
    expect(await approvalOf(planId)).toMatchObject({ state: "APPROVED", revision: 2 });
    const locked = await manager.saveItem(planId, item({ title: "改不了" }), itemId);
    expect(locked).toMatchObject({ status: 409, body: { errors: { _form: "plan.locked" } } });
    expect(await db.planItem.count({ where: { title: "改不了" } })).toBe(0);

    // A later change is a new revision through the same approval.
    expect((await manager.decide(planId, "REOPEN", 2, "增加一期新员工培训")).status).toBe(302);
    expect(await approvalOf(planId)).toMatchObject({ state: "DRAFT", revision: 3 });
  });

  it("of two approvals at once one wins; the other is told it was already decided, nothing written twice", async () => {
    const { manager, planId } = await draftPlan();
    await manager.decide(planId, "SUBMIT", 1);
    const [a, b] = [await as("L0001"), await as("L0001")];
    const results = await Promise.all([a.decide(planId, "APPROVE", 1), b.decide(planId, "REJECT", 1, "同时退回")]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({
      intent: expect.any(String),
      errors: { _form: "workflow.alreadyDecided" },
    });
    expect(await decisionsOf(planId, { action: { in: ["APPROVE", "REJECT"] } })).toBe(1);
    expect(
      await db.auditEntry.count({ where: { action: { in: ["annualPlan.approved", "annualPlan.rejected"] } } }),
    ).toBe(1);

    const again = await Promise.all([a.decide(planId, "APPROVE", 1), b.decide(planId, "APPROVE", 1)]);
    expect(again.map((r) => r.status)).toEqual([409, 409]);
  });

  it("submitting the same form twice (double click, back button) records one submission", async () => {
    const { manager, planId } = await draftPlan();
    const results = await Promise.all([manager.decide(planId, "SUBMIT", 1), manager.decide(planId, "SUBMIT", 1)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect((await manager.decide(planId, "SUBMIT", 1)).status).toBe(409);
    expect(await decisionsOf(planId, { action: "SUBMIT" })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "annualPlan.submitted" } })).toBe(1);
    expect(await db.todoItem.count({ where: { kind: "annualPlan.review" } })).toBe(1);
  });

  it("agent and manager cannot approve the manager's own plan; each refusal audited, changes nothing", async () => {
    const { manager, planId } = await draftPlan();
    await manager.decide(planId, "SUBMIT", 1);
    for (const employeeNo of ["C0101", "T0001", "D0101"]) {
      const before = await db.auditEntry.count({ where: { action: "auth.refused" } });
      expect((await (await as(employeeNo)).decide(planId, "APPROVE", 1)).status).toBe(403);
      expect(await db.auditEntry.count({ where: { action: "auth.refused" } })).toBe(before + 1);
    }
    expect(await approvalOf(planId)).toMatchObject({ state: "SUBMITTED", revision: 1 });
    expect(await decisionsOf(planId)).toBe(1);
  });

  it("a plan with no items cannot be submitted", async () => {
    const manager = await as("T0001");
    const planId = (await manager.createPlan()).location!.split("/")[2];
    expect(await manager.decide(planId, "SUBMIT", 1)).toMatchObject({
      status: 400,
      body: { errors: { _form: "plan.emptyPlan" } },
    });
    expect(await approvalOf(planId)).toMatchObject({ state: "DRAFT", revision: 1 });
    expect(await decisionsOf(planId)).toBe(0);
  });
});

describe("bad input on a plan item", () => {
  it("empty/negative figures, month outside the year, text too long: a message per field, nothing saved", async () => {
    const manager = await as("T0001");
    const planId = (await manager.createPlan()).location!.split("/")[2];
    const [items, audits] = [await db.planItem.count(), await db.auditEntry.count()];
    const result = await manager.saveItem(
      planId,
      item({
        title: "",
        sessions: "0",
        hoursPerSession: "-2",
        budget: "-100",
        months: ["3", `${YEAR - 1}-05`],
        targetPeople: "人".repeat(201),
      }),
    );
    expect(result.status).toBe(400);
    const errors = (result.body as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual([
      "budget",
      "hoursPerSession",
      "months",
      "sessions",
      "targetPeople",
      "title",
    ]);
    const zh = serverT("zh-CN");
    expect(translateMessage(zh, errors.months)).toBe(`月份必须在 ${YEAR} 年内（1–12 月）。`);
    expect(translateMessage(zh, errors.budget)).toBe("不能为负数。");
    expect(translateMessage(zh, errors.targetPeople)).toBe("最多 200 个字符。");
    expect(translateMessage(zh, errors.title)).toBe("必填。");
    expect(errors.sessions).toBe('validation.tooSmall::{"min":1}');
    expect((await manager.saveItem(planId, item({ months: ["13"] }))).status).toBe(400);
    expect([await db.planItem.count(), await db.auditEntry.count()]).toEqual([items, audits]);
  });

  it("a need of another year cannot be linked", async () => {
    const manager = await as("T0001");
    const planId = (await manager.createPlan()).location!.split("/")[2];
    const lastYearsNeed = await db.needItem.findFirstOrThrow();
    const result = await manager.saveItem(planId, item({ needIds: [lastYearsNeed.id] }));
    expect(result).toMatchObject({ status: 400, body: { errors: { needIds: "validation.invalidChoice" } } });
    expect(await db.planItem.count({ where: { planId } })).toBe(0);
  });

  it("the demo's approved plan of this year is locked", async () => {
    const plan = await db.annualPlan.findFirstOrThrow({ include: { approval: true } });
    expect(plan.approval).toMatchObject({ state: "APPROVED", revision: 2 });
    const result = await (await as("T0001")).saveItem(plan.id, item());
    expect(result.status).toBe(409);
  });
});
