// Step 002: what became of each need. The training manager marks it adopted / merged into a plan item or
// not adopted with a reason; linking a need from the plan adopts it; the department head sees the outcome
// of their own department's needs only.
import { describe, expect, it } from "vitest";

import { loader as formLoader } from "~/routes/_app.needs.$surveyId.forms.$formId";
import { action as outcomeAction, loader as outcomeLoader } from "~/routes/_app.needs.$surveyId.outcomes";
import { action as itemAction } from "~/routes/_app.plans.$planId.items.$itemId";
import { db } from "~/utils/db.server";

import { cookieFor, DEMO_AT, flashOf, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
const YEAR = Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Shanghai" }).format(DEMO_AT));

async function demoSurvey() {
  const survey = await db.needsSurvey.findUniqueOrThrow({ where: { year: YEAR } });
  const plan = await db.annualPlan.findUniqueOrThrow({ where: { year: YEAR }, include: { items: true } });
  const need = (topic: string) =>
    db.needItem.findFirstOrThrow({ where: { topic, form: { surveyId: survey.id } }, include: { planLinks: true } });
  return { survey, plan, need };
}

async function mark(employeeNo: string, surveyId: string, form: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  return outcome(() =>
    outcomeAction({
      request: requestAs(cookie, `/needs/${surveyId}/outcomes`, { form }),
      params: { surveyId },
      ...ctx,
    }),
  );
}

/** The demo plan of the year reopened as a draft (as after a withdrawal), so its links may change. */
const reopenPlan = (approvalId: string) => db.approval.update({ where: { id: approvalId }, data: { state: "DRAFT" } });

describe("marking what became of a need", () => {
  it("the demo's needs start marked: adopted, merged into a shared item, one not adopted with a reason", async () => {
    const { need } = await demoSurvey();
    expect((await need("话术规范培训（B1–B17 逐条解读）")).outcome).toBe("ADOPTED");
    expect((await need("投诉受理与升级处理")).outcome).toBe("MERGED");
    expect(await need("商务礼仪与接待")).toMatchObject({ outcome: "NOT_ADOPTED", planLinks: [] });
    expect((await need("商务礼仪与接待")).outcomeReason).toContain("不纳入年度计划");
  });

  it("not adopted needs a reason; adopted needs a plan item (400, nothing changed)", async () => {
    const { survey, need } = await demoSurvey();
    const target = await need("商务礼仪与接待");
    const base = { needId: target.id, updatedAt: target.updatedAt.toISOString() };
    const noReason = await mark("T0001", survey.id, { ...base, outcome: "NOT_ADOPTED", reason: " " });
    expect(noReason.status).toBe(400);
    expect((noReason.body as { errors: Record<string, string> }).errors).toEqual({ reason: "validation.required" });
    const noItem = await mark("T0001", survey.id, { ...base, outcome: "ADOPTED" });
    expect((noItem.body as { errors: Record<string, string> }).errors).toEqual({ planItemId: "validation.required" });
    expect(await need("商务礼仪与接待")).toMatchObject({ outcome: "NOT_ADOPTED", updatedAt: target.updatedAt });
  });

  it("a marking that would change an approved plan is refused (409): it changes only by revision", async () => {
    const { survey, plan, need } = await demoSurvey();
    const target = await need("商务礼仪与接待");
    const refused = await mark("T0001", survey.id, {
      needId: target.id,
      updatedAt: target.updatedAt.toISOString(),
      outcome: "ADOPTED",
      planItemId: plan.items[0].id,
    });
    expect(refused.status).toBe(409);
    expect((refused.body as { errors: Record<string, string> }).errors._form).toBe("needs.outcomes.planLocked");
    expect(await db.planItemNeed.count({ where: { needItemId: target.id } })).toBe(0);
    // Calling an adopted need merged changes no link: allowed on an approved plan, and audited.
    const adopted = await need("话术规范培训（B1–B17 逐条解读）");
    const merged = await mark("T0001", survey.id, {
      needId: adopted.id,
      updatedAt: adopted.updatedAt.toISOString(),
      outcome: "MERGED",
      planItemId: adopted.planLinks[0].planItemId,
    });
    expect(merged.status).toBe(302);
    expect(await flashOf(merged)).toMatchObject({ message: "needs.notices.outcomeMarked" });
    expect((await need("话术规范培训（B1–B17 逐条解读）")).outcome).toBe("MERGED");
    expect(await db.auditEntry.count({ where: { action: "needsForm.outcomeMarked", entityId: adopted.id } })).toBe(1);
    void plan;
  });

  it("in a draft plan, adopting links the need to the item; not adopting takes it out of every item", async () => {
    const { survey, plan, need } = await demoSurvey();
    await reopenPlan(plan.approvalId);
    const target = await need("商务礼仪与接待");
    const item = plan.items.find((i) => i.title === "电话礼仪与文明用语")!;
    const adopted = await mark("T0001", survey.id, {
      needId: target.id,
      updatedAt: target.updatedAt.toISOString(),
      outcome: "ADOPTED",
      planItemId: item.id,
    });
    expect(adopted.status).toBe(302);
    const linked = await need("商务礼仪与接待");
    expect(linked).toMatchObject({ outcome: "ADOPTED", outcomeReason: null, planLinks: [{ planItemId: item.id }] });

    const refused = await mark("T0001", survey.id, {
      needId: target.id,
      updatedAt: linked.updatedAt.toISOString(),
      outcome: "NOT_ADOPTED",
      reason: "与电话礼仪培训重复",
    });
    expect(refused.status).toBe(302);
    expect(await need("商务礼仪与接待")).toMatchObject({
      outcome: "NOT_ADOPTED",
      outcomeReason: "与电话礼仪培训重复",
      planLinks: [],
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "needsForm.outcomeMarked", entityId: target.id },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ reason: "与电话礼仪培训重复" });
    expect(audit.summary).toMatchObject({ from: "ADOPTED", to: "NOT_ADOPTED", unlinked: [item.id] });
  });

  it("of two markings from the same view, one wins and the other gets 409", async () => {
    const { survey, need } = await demoSurvey();
    const target = await need("商务礼仪与接待");
    const form = (reason: string) => ({
      needId: target.id,
      updatedAt: target.updatedAt.toISOString(),
      outcome: "NOT_ADOPTED",
      reason,
    });
    const results = await Promise.all([
      mark("T0001", survey.id, form("理由一")),
      mark("T0001", survey.id, form("理由二")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
  });
});

describe("linking needs from the plan is the one source of truth", () => {
  it("a need linked to an item is adopted; taken out of its only item it is pending again", async () => {
    const { plan, need } = await demoSurvey();
    await reopenPlan(plan.approvalId);
    const target = await need("商务礼仪与接待");
    const item = plan.items.find((i) => i.title === "电话礼仪与文明用语")!;
    const links = (await db.planItemNeed.findMany({ where: { planItemId: item.id } })).map((l) => l.needItemId);
    const cookie = await cookieFor("T0001");
    const save = (needIds: string[]) =>
      outcome(() =>
        itemAction({
          request: requestAs(cookie, `/plans/${plan.id}/items/${item.id}`, {
            form: {
              title: item.title,
              category: item.category,
              months: item.months.map(String),
              targetPeople: item.targetPeople,
              sessions: String(item.sessions),
              hoursPerSession: String(item.hoursTenths / 10),
              delivery: item.delivery,
              lecturerType: item.lecturerType,
              budget: String(item.budgetFen / 100),
              headcount: String(item.headcount),
              departmentId: item.departmentId!,
              needIds,
            },
          }),
          params: { planId: plan.id, itemId: item.id },
          ...ctx,
        }),
      );
    expect((await save([...links, target.id])).status).toBe(302);
    expect(await need("商务礼仪与接待")).toMatchObject({ outcome: "ADOPTED", outcomeReason: null });
    expect((await save(links)).status).toBe(302);
    expect((await need("商务礼仪与接待")).outcome).toBe("PENDING");
  });
});

describe("who marks and who sees outcomes", () => {
  it("only the training manager opens the outcomes page and marks; a head gets 403 and nothing changes", async () => {
    const { survey, need } = await demoSurvey();
    const view = async (no: string) =>
      outcome(async () =>
        outcomeLoader({
          request: requestAs(await cookieFor(no), `/needs/${survey.id}/outcomes`),
          params: { surveyId: survey.id },
          ...ctx,
        }),
      );
    expect((await view("T0001")).status).toBe(200);
    for (const no of ["D0101", "T0002", "L0001", "G0001"]) expect((await view(no)).status).toBe(403);
    const target = await need("商务礼仪与接待");
    const refused = await mark("D0101", survey.id, {
      needId: target.id,
      updatedAt: target.updatedAt.toISOString(),
      outcome: "NOT_ADOPTED",
      reason: "x",
    });
    expect(refused.status).toBe(403);
    expect((await need("商务礼仪与接待")).outcomeReason).not.toBe("x");
  });

  it("a department head sees the outcome of their own department's needs, never another department's", async () => {
    const { survey } = await demoSurvey();
    const forms = await db.departmentNeedsForm.findMany({
      where: { surveyId: survey.id },
      include: { department: { select: { code: true } } },
    });
    const formOf = (code: string) => forms.find((f) => f.department.code === code)!.id;
    const open = async (no: string, formId: string) =>
      outcome(async () =>
        formLoader({
          request: requestAs(await cookieFor(no), `/needs/${survey.id}/forms/${formId}`),
          params: { surveyId: survey.id, formId },
          ...ctx,
        }),
      );
    const own = await open("D0101", formOf("COL1"));
    expect(own.status).toBe(200);
    const items = (own.body as { form: { items: Array<{ outcome: string; planLinks: unknown[] }> } }).form.items;
    expect(items.every((i) => i.outcome === "ADOPTED" || i.outcome === "MERGED")).toBe(true);
    expect(items.every((i) => i.planLinks.length > 0)).toBe(true);
    expect((await open("D0101", formOf("COL2"))).status).toBe(404);
    // The new heads: 总经办's head sees its need declined, with the reason.
    const gmo = await open("G0001", formOf("GMO"));
    expect(JSON.stringify(gmo.body)).toContain("不纳入年度计划");
    expect((await open("K0001", formOf("CS"))).status).toBe(200);
    expect((await open("K0001", formOf("COL1"))).status).toBe(404);
  });
});
