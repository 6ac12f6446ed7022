// Deleting an item of the annual plan's draft never changes approved, locked work behind anyone's
// back: monthly plans submitted or approved, and courses, keep their item; a draft monthly plan's item
// becomes unplanned with the reason written on it, after the drafter confirmed.
import { describe, expect, it } from "vitest";

import { action as planAction } from "~/routes/_app.plans.$planId._index";
import { db } from "~/utils/db.server";

import { as, idFrom, seededItem, YEAR, FREE_YM, FREE_YEAR_OF_MONTH } from "./course-support";
import { cookieFor, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };

async function reopenedAnnualPlan(year = YEAR) {
  const plan = await db.annualPlan.findUniqueOrThrow({ where: { year }, include: { approval: true } });
  expect(plan.approval.state).toBe("APPROVED");
  const cookie = await cookieFor("T0001");
  const post = (form: Record<string, string>) =>
    outcome(async () =>
      planAction({ request: requestAs(cookie, `/plans/${plan.id}`, { form }), params: { planId: plan.id }, ...ctx }),
    );
  const reopened = await post({ intent: "REOPEN", revision: String(plan.approval.revision), reason: "调整项目" });
  expect(reopened.status).toBe(302);
  return {
    planId: plan.id,
    revision: plan.approval.revision + 1,
    deleteItem: (itemId: string, confirmed = false) =>
      post({ intent: "deleteItem", itemId, ...(confirmed ? { confirmed: "1" } : {}) }),
  };
}

const formError = (body: unknown) => (body as { errors: Record<string, string> }).errors._form;

describe("deleting an annual item", () => {
  it("used by an approved monthly plan and its courses: refused, naming the month, item and courses", async () => {
    const annual = await reopenedAnnualPlan();
    const used = await db.monthlyPlanItem.findUniqueOrThrow({
      where: { id: (await seededItem()).id },
      include: { plan: true, courses: { select: { title: true } } },
    });
    for (const confirmed of [false, true]) {
      const refused = await annual.deleteItem(used.planItemId!, confirmed);
      expect(refused.status).toBe(409);
      const message = formError(refused.body);
      expect(message).toMatch(/^plan\.itemInUse::/);
      expect(message).toContain(`${used.plan.year}-${String(used.plan.month).padStart(2, "0")} ${used.title}`);
      for (const course of used.courses) expect(message).toContain(course.title);
    }
    // Nothing changed: the annual item is there and the approved month still plans it.
    expect(await db.planItem.count({ where: { id: used.planItemId! } })).toBe(1);
    expect(await db.monthlyPlanItem.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({
      planItemId: used.planItemId,
      unplannedReason: used.unplannedReason,
    });
  });

  it("used by a draft monthly plan only: asks first, then leaves its item unplanned with the reason", async () => {
    const manager = await as("T0001");
    const monthlyId = idFrom((await manager.createMonth(FREE_YM)).location);
    // The free month's own year: next month may be January of next year.
    const annual = await reopenedAnnualPlan(FREE_YEAR_OF_MONTH);
    const draftItem = await db.monthlyPlanItem.findFirstOrThrow({
      where: { planId: monthlyId, planItem: { monthlyItems: { every: { planId: monthlyId } } } },
    });
    const annualItemId = draftItem.planItemId!;

    const asked = await annual.deleteItem(annualItemId);
    expect(asked.status).toBe(409);
    expect(formError(asked.body)).toMatch(/^plan\.deleteAffectsDrafts::/);
    expect(formError(asked.body)).toContain(draftItem.title);
    expect(await db.planItem.count({ where: { id: annualItemId } })).toBe(1);

    expect((await annual.deleteItem(annualItemId, true)).status).toBe(302);
    expect(await db.planItem.count({ where: { id: annualItemId } })).toBe(0);
    expect(await db.monthlyPlanItem.findUniqueOrThrow({ where: { id: draftItem.id } })).toMatchObject({
      planItemId: null,
      unplannedReason: `年度计划第 ${annual.revision} 版删除了该项目。`,
    });
    // The month's draft can still be submitted: the unplanned item carries its reason.
    expect((await manager.decidePlan(monthlyId, "SUBMIT", 1)).status).toBe(302);
  });

  it("used by nothing: deleted at once", async () => {
    const annual = await reopenedAnnualPlan();
    const unused = await db.planItem.findFirstOrThrow({
      where: { planId: annual.planId, monthlyItems: { none: {} } },
    });
    expect((await annual.deleteItem(unused.id)).status).toBe(302);
    expect(await db.planItem.count({ where: { id: unused.id } })).toBe(0);
  });
});
