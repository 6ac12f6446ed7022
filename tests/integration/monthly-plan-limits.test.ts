// What a monthly plan may hold, through the routes: no month that has passed, the month's new hires and
// transfers only until an approved course trains them, and no more people than the annual item plans
// for the month without a reason.
import { afterEach, describe, expect, it } from "vitest";

import { monthHeadcount, nextMonth, yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { loader as listLoader } from "~/routes/_app.monthly-plans._index";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { translateMessage } from "~/utils/validation";

import { as, courseForm, FREE_MONTH, FREE_YEAR_OF_MONTH, FREE_YM, idFrom, today, YEAR } from "./course-support";
import { outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));

const zh = serverT("zh-CN");
const en = serverT("en");
const THIS_MONTH = yearMonth(YEAR, today.month);
const pad = (n: number) => String(n).padStart(2, "0");

describe("past months cannot be planned", () => {
  it("a month before the company's month is refused in both languages; this month is not past", async () => {
    // Half past midnight on the 1st in Shanghai is still the day before in UTC: the company's month counts.
    freezeClock(`${FREE_YM}-01T00:30:00+08:00`);
    const manager = await as("T0001");
    const before = await db.monthlyPlan.count();
    const refused = await manager.createMonth(THIS_MONTH);
    expect(refused.status).toBe(400);
    const message = (refused.body as { errors: Record<string, string> }).errors.month;
    expect(message).toBe(
      `monthlyPlan.validation.pastMonth::${JSON.stringify({ year: FREE_YEAR_OF_MONTH, month: FREE_MONTH })}`,
    );
    expect(translateMessage(zh, message)).toBe(
      `不能为已经过去的月份制订计划；请选择本月（${FREE_YEAR_OF_MONTH} 年 ${FREE_MONTH} 月）或以后的月份。`,
    );
    expect(translateMessage(en, message)).toBe(
      "A month that has passed cannot be planned: " +
        `choose this month (${FREE_YEAR_OF_MONTH}-${FREE_MONTH}) or a later one.`,
    );
    expect(await db.monthlyPlan.count()).toBe(before);

    // The month that is now this month can be planned, and the picker starts there.
    expect((await manager.createMonth(FREE_YM)).status).toBe(302);
    const list = await outcome(() =>
      listLoader({ request: requestAs(manager.cookie, "/monthly-plans"), params: {}, context: { cspNonce: "" } }),
    );
    expect(list.body).toMatchObject({ earliest: FREE_YM });
  });

  it("on the demo's own day, last month is refused and next month is offered first", async () => {
    const manager = await as("T0001");
    const last = today.month === 1 ? { year: YEAR - 1, month: 12 } : { year: YEAR, month: today.month - 1 };
    const refused = await manager.createMonth(yearMonth(last.year, last.month));
    expect(refused).toMatchObject({ status: 400 });
    expect((refused.body as { errors: Record<string, string> }).errors.month).toMatch(
      /^monthlyPlan.validation.pastMonth::/,
    );
    const list = await outcome(() =>
      listLoader({ request: requestAs(manager.cookie, "/monthly-plans"), params: {}, context: { cspNonce: "" } }),
    );
    const next = nextMonth(YEAR, today.month);
    expect(list.body).toMatchObject({ earliest: THIS_MONTH, suggested: yearMonth(next.year, next.month) });
  });
});

describe("the month's new hires and transfers", () => {
  async function newHire(employeeNo: string, of: string) {
    const { departmentId } = await db.person.findUniqueOrThrow({ where: { employeeNo: of } });
    await db.person.create({
      data: { employeeNo, name: `新人${employeeNo}`, departmentId, post: "催收员", status: "NEW_HIRE" },
    });
  }
  const thisMonthPlan = () =>
    db.monthlyPlan.findUniqueOrThrow({ where: { year_month: { year: YEAR, month: today.month } } });

  it("are listed until an approved onboarding course trains them; how many were left out is said", async () => {
    await newHire("C0197", "C0101");
    const plan = await thisMonthPlan();
    const manager = await as("T0001");
    // The demo's new hires (C0119, C0120, C0219, C0220) and its transfer (C0218) attend this month's approved courses.
    let people = (await manager.viewPlan(plan.id)).people;
    expect(people.newHires.map((p) => p.employeeNo)).toEqual(["C0197"]);
    expect(people.transfers).toEqual([]);
    expect(people.scheduled).toEqual({ newHires: 4, transfers: 1 });

    const item = await db.monthlyPlanItem.findFirstOrThrow({ where: { planId: plan.id, category: "NEW_HIRE" } });
    const clerk = await as("T0002");
    const courseId = idFrom(
      (await clerk.createCourse(item.id, courseForm({ title: "新员工岗前培训（补训）", lecturerFee: "0" }))).location,
    );
    const day = `${YEAR}-${pad(today.month)}-27`;
    const session = { intent: "addSession", date: day, start: "14:00", end: "16:00", location: "培训部小会议室" };
    expect((await clerk.course(courseId, session)).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "addAttendees", names: "C0197" })).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    // Submitted is not yet scheduled: the course may still be sent back.
    expect((await manager.viewPlan(plan.id)).people.newHires.map((p) => p.employeeNo)).toEqual(["C0197"]);

    expect((await manager.course(courseId, { intent: "APPROVE", revision: "1" })).status).toBe(302);
    people = (await manager.viewPlan(plan.id)).people;
    expect(people.newHires).toEqual([]);
    expect(people.scheduled).toEqual({ newHires: 5, transfers: 1 });
    expect(zh("monthlyPlan.people.newHiresScheduled", { count: 5 })).toBe(
      "另有 5 人已在已批准的新员工入职培训课程中，不再列出。",
    );
    expect(en("monthlyPlan.people.transfersScheduled", { count: 1 })).toBe(
      "1 more is already in an approved transfer course and is not listed.",
    );
  });

  it("one in a course of another kind is still listed; the preset item names only those not scheduled", async () => {
    await newHire("C0198", "C0201");
    const plan = await thisMonthPlan();
    // The planned compliance refresher has C02's people; a new hire in it still needs onboarding.
    const course = await db.course.findFirstOrThrow({
      where: { monthlyItem: { planId: plan.id, category: { notIn: ["NEW_HIRE", "TRANSFER"] } } },
    });
    await db.courseAttendee.create({
      data: {
        courseId: course.id,
        personId: (await db.person.findUniqueOrThrow({ where: { employeeNo: "C0198" } })).id,
      },
    });
    const manager = await as("T0001");
    expect((await manager.viewPlan(plan.id)).people.newHires.map((p) => p.employeeNo)).toEqual(["C0198"]);

    const free = idFrom((await manager.createMonth(FREE_YM)).location);
    const { loader: itemLoader } = await import("~/routes/_app.monthly-plans.$monthlyPlanId.items.$itemId");
    const preset = await outcome(() =>
      itemLoader({
        request: requestAs(manager.cookie, `/monthly-plans/${free}/items/new?preset=NEW_HIRE`),
        params: { monthlyPlanId: free, itemId: "new" },
        context: { cspNonce: "" },
      }),
    );
    expect(preset.body).toMatchObject({ defaults: { headcount: "1", targetPeople: "新人C0198" } });
  });
});

describe("headcount follows the annual item", () => {
  async function plannedItem() {
    const manager = await as("T0001");
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
    const page = await manager.viewPlan(planId);
    const item = page.items.find((i) => i.annualHeadcount !== null)!;
    const stored = await db.monthlyPlanItem.findUniqueOrThrow({
      where: { id: item.id },
      include: { planItem: true },
    });
    return { manager, planId, item, stored };
  }

  it("starts at the annual item's headcount (人数), and follows it when the annual plan changes", async () => {
    const { item, stored } = await plannedItem();
    expect(stored.planItem!.headcount).toBeGreaterThan(0);
    expect(item.annualHeadcount).toBe(monthHeadcount(stored.planItem!, FREE_MONTH));
    expect(item.annualHeadcount).toBe(stored.planItem!.headcount);
    expect(stored.headcount).toBe(stored.planItem!.headcount);
  });

  it("more people need a reason (400, nothing changed, both languages); with one it is saved and shown", async () => {
    const { manager, planId, item, stored } = await plannedItem();
    const cap = item.annualHeadcount!;
    const form = {
      title: stored.title,
      category: stored.category,
      targetPeople: stored.targetPeople,
      headcount: String(cap + 3),
      sessions: String(stored.sessions),
      budget: String(stored.budgetFen / 100),
    };
    const refused = await manager.saveItem(planId, form, item.id);
    expect(refused.status).toBe(400);
    const message = (refused.body as { errors: Record<string, string> }).errors.unplannedReason;
    expect(message).toBe(`monthlyPlan.validation.overAnnualHeadcount::{"count":${cap}}`);
    expect(translateMessage(zh, message)).toBe(`年度计划本月为 ${cap} 人；人数超出时须说明原因。`);
    expect(translateMessage(en, message)).toMatch(
      new RegExp(`^The annual plan has ${cap} (people|person) for this month`),
    );
    expect(await db.monthlyPlanItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      headcount: stored.headcount,
      unplannedReason: null,
    });

    // Within the annual figure needs no reason.
    expect((await manager.saveItem(planId, { ...form, headcount: String(cap) }, item.id)).status).toBe(302);
    const saved = await manager.saveItem(planId, { ...form, unplannedReason: "本月另有 3 名新员工一并参加" }, item.id);
    expect(saved.status).toBe(302);
    const shown = (await manager.viewPlan(planId)).items.find((i) => i.id === item.id)!;
    expect(shown).toMatchObject({
      headcount: cap + 3,
      annualHeadcount: cap,
      planned: true,
      unplannedReason: "本月另有 3 名新员工一并参加",
    });
    expect(await db.auditEntry.count({ where: { action: "monthlyPlan.itemUpdated", entityId: planId } })).toBe(2);
  });
});
