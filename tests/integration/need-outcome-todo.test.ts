// Step 002: the department head hears what became of their needs. When the training manager marks a need
// (or a plan item adopts or releases it), the heads of that need's department — and no one else — get one
// note on their home page: who marked, when, which survey, a link to their form. Put away, it clears; marked
// again, it comes back once, never twice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { action as homeAction, loader as homeLoader } from "~/routes/_app.home";
import { action as outcomeAction } from "~/routes/_app.needs.$surveyId.outcomes";
import { action as itemAction } from "~/routes/_app.plans.$planId.items.$itemId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";

import {
  cookieFor,
  DEMO_AT,
  demoCompanyBeforeEachTest,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
} from "./support";

const ctx = { context: { cspNonce: "" } };
const YEAR = Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Shanghai" }).format(DEMO_AT));
const KIND = "needs.outcomesMarked";
const LATER = new Date(DEMO_AT.getTime() + 3_600_000);

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  freezeClock(DEMO_AT);
});
afterEach(() => setClock(null));

async function survey() {
  const s = await db.needsSurvey.findUniqueOrThrow({ where: { year: YEAR } });
  const need = (topic: string) =>
    db.needItem.findFirstOrThrow({
      where: { topic, form: { surveyId: s.id } },
      include: { form: { include: { department: true } } },
    });
  return { id: s.id, need };
}

async function markNotAdopted(surveyId: string, need: { id: string; updatedAt: Date }, reason: string) {
  const cookie = await cookieFor("T0001");
  return outcome(() =>
    outcomeAction({
      request: requestAs(cookie, `/needs/${surveyId}/outcomes`, {
        form: { needId: need.id, updatedAt: need.updatedAt.toISOString(), outcome: "NOT_ADOPTED", reason },
      }),
      params: { surveyId },
      ...ctx,
    }),
  );
}

const openNotes = async (employeeNo: string) =>
  db.todoItem.findMany({ where: { personId: await personId(employeeNo), kind: KIND, doneAt: null } });

describe("the head's note of their needs' outcomes", () => {
  it("reaches the head of the need's department only: who, when, which survey, a link to their form", async () => {
    const { id: surveyId, need } = await survey();
    const target = await need("商务礼仪与接待"); // 总经办's need: G0001 heads 总经办
    expect(await openNotes("G0001")).toHaveLength(0);
    expect((await markNotAdopted(surveyId, target, "今年不安排")).status).toBe(302);

    const [note] = await openNotes("G0001");
    const manager = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0001" } });
    expect(note).toMatchObject({
      sourceType: "DepartmentNeedsForm",
      sourceId: target.formId,
      href: `/needs/${surveyId}/forms/${target.formId}`,
      fromName: manager.name,
      createdAt: DEMO_AT,
      params: { year: YEAR, department: target.form.department.name },
    });
    // Another department's heads, the clerk and the manager themselves hear nothing.
    for (const no of ["D0101", "D0201", "K0001", "T0001", "T0002"]) expect(await openNotes(no)).toHaveLength(0);
    expect(await db.todoItem.count({ where: { kind: KIND } })).toBe(1);

    // On the head's home page: what, from whom and when, in their language.
    const home = await renderInLayout(await cookieFor("G0001"), "/home", "_app.home");
    const text = serverT("zh-CN")(`todo.kinds.${KIND}`, { year: YEAR, department: target.form.department.name });
    expect(home.html).toContain(text);
    expect(home.html).toContain(manager.name);
    expect(home.html).toContain(`/needs/${surveyId}/forms/${target.formId}`);
    // The link opens the head's own form, where each need shows what became of it.
    const { loader: formLoader } = await import("~/routes/_app.needs.$surveyId.forms.$formId");
    const form = await outcome(async () =>
      formLoader({
        request: requestAs(await cookieFor("G0001"), note.href),
        params: { surveyId, formId: target.formId },
        ...ctx,
      }),
    );
    expect(form.status).toBe(200);
    expect(JSON.stringify(form.body)).toContain("今年不安排");
  });

  it("clears when the head puts it away; marking again brings back one note, never a second", async () => {
    const { id: surveyId, need } = await survey();
    const target = await need("商务礼仪与接待");
    expect((await markNotAdopted(surveyId, target, "今年不安排")).status).toBe(302);
    const [note] = await openNotes("G0001");
    const cookie = await cookieFor("G0001");
    const dismissed = await outcome(() =>
      homeAction({
        request: requestAs(cookie, "/home", { form: { intent: "dismiss", todoId: note.id } }),
        params: {},
        ...ctx,
      }),
    );
    expect(dismissed.status).toBe(302);
    expect(await openNotes("G0001")).toHaveLength(0);
    const home = (await outcome(() => homeLoader({ request: requestAs(cookie, "/home"), params: {}, ...ctx })))
      .body as { todos: Array<{ kind: string }> };
    expect(home.todos.map((t) => t.kind)).not.toContain(KIND);

    // Marked twice more, an hour later: one open note, dated by the latest marking.
    freezeClock(LATER);
    const again = await need("商务礼仪与接待");
    expect((await markNotAdopted(surveyId, again, "与电话礼仪培训重复")).status).toBe(302);
    const third = await need("商务礼仪与接待");
    expect((await markNotAdopted(surveyId, third, "与电话礼仪培训重复，明年再议")).status).toBe(302);
    const notes = await openNotes("G0001");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: note.id, createdAt: LATER });
    expect(await db.todoItem.count({ where: { kind: KIND } })).toBe(1);
  });

  it("a plan item adopting the need tells its head too, as the one who saved the item", async () => {
    const { need } = await survey();
    const plan = await db.annualPlan.findUniqueOrThrow({ where: { year: YEAR }, include: { items: true } });
    await db.approval.update({ where: { id: plan.approvalId }, data: { state: "DRAFT" } });
    const target = await need("商务礼仪与接待");
    const item = plan.items.find((i) => i.title === "电话礼仪与文明用语")!;
    const links = (await db.planItemNeed.findMany({ where: { planItemId: item.id } })).map((l) => l.needItemId);
    const saved = await outcome(async () =>
      itemAction({
        request: requestAs(await cookieFor("T0001"), `/plans/${plan.id}/items/${item.id}`, {
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
            needIds: [...links, target.id],
          },
        }),
        params: { planId: plan.id, itemId: item.id },
        ...ctx,
      }),
    );
    expect(saved.status).toBe(302);
    expect((await need("商务礼仪与接待")).outcome).toBe("ADOPTED");
    const [note] = await openNotes("G0001");
    expect(note).toMatchObject({ sourceId: target.formId, fromName: expect.any(String) });
    // The needs already linked kept their outcome: their departments' heads are not told again.
    expect(await openNotes("D0101")).toHaveLength(0);
  });
});
