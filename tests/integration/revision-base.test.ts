// "What changed" compares a revision with the last one decided on (docs/decisions/0006): after an
// approval that is the approved revision, with the reason it was reopened, not an older rejection.
import { describe, expect, it } from "vitest";

import { action as planAction, loader as planLoader } from "~/routes/_app.plans.$planId._index";
import { action as planItemAction } from "~/routes/_app.plans.$planId.items.$itemId";
import { action as plansAction } from "~/routes/_app.plans._index";
import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, type CoursePage, FREE_YM } from "./course-support";
import { cookieFor, FREE_YEAR, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
const day = (d: number) => `${YEAR}-${String(today.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

const item = (over: Record<string, string | string[]> = {}) => ({
  title: "话术规范培训",
  category: "INTERNAL",
  months: ["3", "9"],
  targetPeople: "全体催收员",
  sessions: "4",
  hoursPerSession: "1.5",
  delivery: "INTERNAL",
  lecturerType: "INTERNAL",
  budget: "1200",
  headcount: "40",
  ...over,
});
/** 培训部's id: the department an item is run by (required on every annual item). */
const trainingDepartment = async () =>
  (await db.department.findUniqueOrThrow({ where: { code: "TRN" }, select: { id: true } })).id;

async function annualPlanAs(employeeNo: string) {
  const cookie = await cookieFor(employeeNo);
  const post = (path: string, form: Record<string, string | string[]>) => requestAs(cookie, path, { form });
  return {
    create: async () =>
      idFrom(
        (
          await outcome(async () =>
            plansAction({ request: post("/plans", { year: String(FREE_YEAR) }), params: {}, ...ctx }),
          )
        ).location,
      ),
    saveItem: (planId: string, form: Record<string, string | string[]>, itemId = "new") =>
      outcome(async () =>
        planItemAction({
          request: post(`/plans/${planId}/items/${itemId}`, { departmentId: await trainingDepartment(), ...form }),
          params: { planId, itemId },
          ...ctx,
        }),
      ),
    deleteItem: (planId: string, itemId: string) =>
      outcome(async () =>
        planAction({
          request: post(`/plans/${planId}`, { intent: "deleteItem", itemId, confirmed: "1" }),
          params: { planId },
          ...ctx,
        }),
      ),
    decide: (planId: string, intent: string, revision: number, reason?: string) =>
      outcome(async () =>
        planAction({
          request: post(`/plans/${planId}`, { intent, revision: String(revision), ...(reason ? { reason } : {}) }),
          params: { planId },
          ...ctx,
        }),
      ),
    view: async (planId: string) =>
      (
        await outcome(async () =>
          planLoader({ request: requestAs(cookie, `/plans/${planId}`), params: { planId }, ...ctx }),
        )
      ).body as Awaited<ReturnType<typeof planLoader>>,
  };
}

describe("a revision of an approved annual plan", () => {
  it(
    "rejected at revision 1, approved at 3, reopened and submitted as 4: the leader sees the change " +
      "against revision 3 and why it was reopened",
    async () => {
      const [manager, leader] = [await annualPlanAs("T0001"), await annualPlanAs("L0001")];
      const planId = await manager.create();
      expect((await manager.saveItem(planId, item())).status).toBe(302);
      expect(
        (await manager.saveItem(planId, item({ title: "投诉处理技巧", months: ["4"], sessions: "2" }))).status,
      ).toBe(302);
      const [script, complaints] = await db.planItem.findMany({ where: { planId }, orderBy: { createdAt: "asc" } });
      expect((await manager.decide(planId, "SUBMIT", 1)).status).toBe(302);
      expect((await leader.decide(planId, "REJECT", 1, "投诉处理课时太少")).status).toBe(302);

      // Revision 2: renamed, and the complaints item deleted and added again (a new row).
      expect((await manager.saveItem(planId, item({ title: "话术规范与合规培训" }), script.id)).status).toBe(302);
      expect((await manager.deleteItem(planId, complaints.id)).status).toBe(302);
      expect(
        (await manager.saveItem(planId, item({ title: "投诉处理技巧", months: ["4"], sessions: "3" }))).status,
      ).toBe(302);
      expect((await manager.decide(planId, "SUBMIT", 2)).status).toBe(302);
      expect((await manager.decide(planId, "WITHDRAW", 2)).status).toBe(302);
      expect((await manager.decide(planId, "SUBMIT", 3)).status).toBe(302);
      expect((await leader.decide(planId, "APPROVE", 3)).status).toBe(302);
      expect((await leader.view(planId)).diff).toBeNull();

      expect((await manager.decide(planId, "REOPEN", 3, "集团要求增加合规培训预算")).status).toBe(302);
      expect((await manager.view(planId)).diff).toMatchObject({
        rejection: { revision: 3, kind: "approved", reason: "集团要求增加合规培训预算" },
        changes: { added: [], removed: [], changed: [] },
      });
      expect(
        (await manager.saveItem(planId, item({ title: "话术规范与合规培训", budget: "2000" }), script.id)).status,
      ).toBe(302);
      expect((await manager.decide(planId, "SUBMIT", 4)).status).toBe(302);

      const { diff } = await leader.view(planId);
      expect(diff?.rejection).toMatchObject({
        revision: 3,
        kind: "approved",
        reason: "集团要求增加合规培训预算",
        actorName: expect.any(String),
      });
      // Only what changed since the approved revision 3, under the names it has now.
      expect(diff?.changes).toEqual({
        added: [],
        removed: [],
        changed: [
          {
            id: script.id,
            title: "话术规范与合规培训",
            changes: [{ field: "budgetFen", before: 1200_00, after: 2000_00 }],
          },
        ],
      });
    },
  );

  it("a later rejection is the base again, with the approver's reason", async () => {
    const [manager, leader] = [await annualPlanAs("T0001"), await annualPlanAs("L0001")];
    const planId = await manager.create();
    expect((await manager.saveItem(planId, item())).status).toBe(302);
    await manager.decide(planId, "SUBMIT", 1);
    await leader.decide(planId, "APPROVE", 1);
    await manager.decide(planId, "REOPEN", 1, "增加一期");
    await manager.decide(planId, "SUBMIT", 2);
    await leader.decide(planId, "REJECT", 2, "预算不够");
    expect((await manager.view(planId)).diff?.rejection).toMatchObject({
      revision: 2,
      kind: "rejected",
      reason: "预算不够",
    });
  });
});

describe("a revision of an approved course plan or monthly plan", () => {
  it("the course plan reopened after approval is compared with the approved revision", async () => {
    const clerk = await as("T0002");
    const manager = await as("T0001");
    const courseId = idFrom(
      (await clerk.createCourse((await seededItem()).id, courseForm({ capacity: "25" }))).location,
    );
    await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "12:00",
      location: "A302",
    });
    await clerk.course(courseId, { intent: "addAttendees", names: "C0105 C0106" });
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    expect((await manager.course(courseId, { intent: "APPROVE", revision: "1" })).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "REOPEN", revision: "1", reason: "讲师临时换人" })).status).toBe(
      302,
    );
    await clerk.course(courseId, { intent: "addAttendees", names: "C0107" });
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "2" })).status).toBe(302);

    const page = (await manager.viewCourse(courseId)).body as CoursePage;
    expect(page.diff?.rejection).toMatchObject({ revision: 1, kind: "approved", reason: "讲师临时换人" });
    expect(page.diff?.changes.attendees.added.map((p) => p.employeeNo)).toEqual(["C0107"]);
    // Nothing was sent back: no "rejected" notice.
    expect(page.rejection).toBeNull();
  });

  it("the monthly plan reopened after approval is compared with the approved revision", async () => {
    const [manager, leader] = [await as("T0001"), await as("L0001")];
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
    await manager.decidePlan(planId, "SUBMIT", 1);
    await leader.decidePlan(planId, "APPROVE", 1);
    expect((await manager.decidePlan(planId, "REOPEN", 1, "本月新增转岗人员")).status).toBe(302);
    const transfer = {
      title: "转岗培训",
      category: "TRANSFER",
      targetPeople: "客服转催收人员",
      headcount: "1",
      sessions: "1",
      budget: "0",
      unplannedReason: "C0218 转岗",
    };
    expect((await manager.saveItem(planId, transfer)).status).toBe(302);
    await manager.decidePlan(planId, "SUBMIT", 2);
    const { diff } = await leader.viewPlan(planId);
    expect(diff?.rejection).toMatchObject({ revision: 1, kind: "approved", reason: "本月新增转岗人员" });
    expect(diff?.changes.added.map((i) => i.title)).toEqual(["转岗培训"]);
  });
});
