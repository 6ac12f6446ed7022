// Step 008 through the routes: the approved courses' checklists, ticks with who and when, added lines,
// the institution's fee on the budget, the manager's override, and who may see or change what.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { checklistBlocker } from "~/domain/delivery/preparation-check.server";
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { action as prepAction, loader as prepLoader } from "~/routes/_app.courses.$courseId.preparation";
import { loader as listLoader } from "~/routes/_app.preparation";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { parseMessage } from "~/utils/validation";

import { as, courseForm, idFrom, seededItem, today, YEAR } from "./course-support";
import {
  cookieFor,
  flashOf,
  outcome,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  untouchedDeliveries,
  demoCompanyBeforeEachTest,
} from "./support";

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  await untouchedDeliveries();
});
const ctx = { context: { cspNonce: "" } };

type Page = Awaited<ReturnType<typeof prepLoader>>;
type List = Awaited<ReturnType<typeof listLoader>>;

async function person(employeeNo: string) {
  const cookie = await cookieFor(employeeNo);
  const path = (courseId: string) => `/courses/${courseId}/preparation`;
  return {
    view: (courseId: string) =>
      outcome(() => prepLoader({ request: requestAs(cookie, path(courseId)), params: { courseId }, ...ctx })),
    page: async (courseId: string) =>
      (await outcome(() => prepLoader({ request: requestAs(cookie, path(courseId)), params: { courseId }, ...ctx })))
        .body as Page,
    act: (courseId: string, form: Record<string, string>) =>
      outcome(() => prepAction({ request: requestAs(cookie, path(courseId), { form }), params: { courseId }, ...ctx })),
    list: async (past = false, after = "") =>
      (
        await outcome(() =>
          listLoader({
            request: requestAs(
              cookie,
              `/preparation?${past ? "past=1" : ""}${after ? `&after=${encodeURIComponent(after)}` : ""}`,
            ),
            params: {},
            ...ctx,
          }),
        )
      ).body as List,
  };
}

const approvedCourses = () =>
  db.course.findMany({
    where: { approval: { state: "APPROVED" } },
    select: { id: true, title: true, lecturerKind: true, externalFeeFen: true },
  });
async function demoCourse(kind: "INTERNAL" | "EXTERNAL") {
  const select = { id: true, title: true, externalFeeFen: true };
  const where = { approval: { state: "APPROVED" as const }, delivery: { isNot: null } };
  const found = await db.course.findFirst({
    where: { ...where, lecturerKind: kind },
    orderBy: { createdAt: "desc" },
    select,
  });
  if (found) return found;
  // Some months of the demo have no external course (on 1 January, say): one of its courses becomes one.
  const course = await db.course.findFirstOrThrow({ where, orderBy: { createdAt: "desc" }, select });
  await db.course.update({
    where: { id: course.id },
    data: {
      lecturerKind: kind,
      lecturerId: null,
      externalLecturer: "周立",
      externalOrg: "华信职业培训学校",
      externalContact: "021-5555 0100",
      externalFeeFen: 3_000_00,
    },
  });
  await db.preparationItem.deleteMany({ where: { courseId: course.id } });
  await db.$transaction((tx) => startPreparation(tx, course.id));
  return db.course.findUniqueOrThrow({ where: { id: course.id }, select });
}
// The demo's 催收一部 call-script course of this month (it has the material).
const col1Course = async () => (await db.courseMaterial.findFirstOrThrow({ select: { courseId: true } })).courseId;
// 催收二部's call-script course: none of its attendees is in 催收一部.
const col2Course = () =>
  db.course.findFirstOrThrow({
    where: { title: { startsWith: "话术规范与投诉案例复训（催收二部）" }, delivery: { isNot: null } },
    select: { id: true },
  });
const itemOf = (courseId: string, key: string) =>
  db.preparationItem.findUniqueOrThrow({ where: { courseId_key: { courseId, key } } });

describe("the approved courses' checklists", () => {
  it("every approved demo course has its kind's standard items, not ticked", async () => {
    await demoCourse("EXTERNAL");
    const courses = await approvedCourses();
    expect(courses.length).toBeGreaterThan(0);
    expect(courses.some((c) => c.lecturerKind === "EXTERNAL")).toBe(true);
    for (const c of courses) {
      const items = await db.preparationItem.findMany({ where: { courseId: c.id }, orderBy: { sortOrder: "asc" } });
      expect(items.map((i) => i.key)).toEqual(
        c.lecturerKind === "INTERNAL"
          ? ["venue", "equipment", "materials", "signInSheet"]
          : ["institutionContacted", "timeConfirmed", "placeConfirmed", "feeConfirmed"],
      );
      expect(await db.courseDelivery.findUnique({ where: { courseId: c.id } })).toMatchObject({ state: "PREPARING" });
    }
  });

  it("approved through the workflow, a course gets its checklist and keeps it when approved again", async () => {
    const clerk = await as("T0002");
    const created = await clerk.createCourse((await seededItem()).id, courseForm({ capacity: "25" }));
    const courseId = idFrom(created.location);
    const date = `${YEAR}-${String(today.month).padStart(2, "0")}-11`;
    await clerk.course(courseId, { intent: "addSession", date, start: "09:00", end: "12:00", location: "培训室 A302" });
    await clerk.course(courseId, { intent: "addAttendees", names: "C0105 C0106" });
    expect(await db.courseDelivery.count({ where: { courseId } })).toBe(0);
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    const manager = await as("T0001");
    expect((await manager.course(courseId, { intent: "APPROVE", revision: "1" })).status).toBe(302);
    const items = await db.preparationItem.findMany({ where: { courseId }, orderBy: { sortOrder: "asc" } });
    expect(items.map((i) => i.key)).toEqual([
      "institutionContacted",
      "timeConfirmed",
      "placeConfirmed",
      "feeConfirmed",
    ]);

    const t0002 = await person("T0002");
    expect((await t0002.act(courseId, { intent: "tick", itemId: items[1].id, done: "1" })).status).toBe(302);
    expect((await t0002.act(courseId, { intent: "addItem", label: "确认机构开具发票" })).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "REOPEN", revision: "1", reason: "增加一场" })).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "2" })).status).toBe(302);
    expect((await manager.course(courseId, { intent: "APPROVE", revision: "2" })).status).toBe(302);
    const after = await db.preparationItem.findMany({ where: { courseId } });
    expect(after).toHaveLength(5);
    expect(after.find((i) => i.id === items[1].id)?.doneAt).not.toBeNull();
  });
});

describe("ticking, adding, removing", () => {
  it("a tick keeps who and when and is audited; a double tick changes nothing; untick clears", async () => {
    const courseId = await col1Course();
    const clerk = await person("T0002");
    const venue = await itemOf(courseId, "venue");
    const twice = await Promise.all([
      clerk.act(courseId, { intent: "tick", itemId: venue.id, done: "1" }),
      clerk.act(courseId, { intent: "tick", itemId: venue.id, done: "1" }),
    ]);
    expect(twice.map((r) => r.status)).toEqual([302, 302]);
    expect(await flashOf(twice[0])).toMatchObject({ message: "preparation.notices.ticked" });
    const ticked = await itemOf(courseId, "venue");
    expect(ticked).toMatchObject({ doneByName: expect.any(String), doneById: expect.any(String) });
    expect(ticked.doneAt).toBeInstanceOf(Date);
    expect(await db.auditEntry.count({ where: { entityId: courseId, action: "preparation.ticked" } })).toBe(1);
    const page = await clerk.page(courseId);
    expect(page.readiness).toMatchObject({ done: 1, total: 4, percent: 25, complete: false });
    expect(page.items[0]).toMatchObject({ key: "venue", doneByName: ticked.doneByName });

    expect((await clerk.act(courseId, { intent: "tick", itemId: venue.id, done: "0" })).status).toBe(302);
    expect(await itemOf(courseId, "venue")).toMatchObject({ doneAt: null, doneById: null, doneByName: null });
    expect(await db.auditEntry.count({ where: { entityId: courseId, action: "preparation.unticked" } })).toBe(1);
  });

  it("the clerk adds and removes own items; standard items stay; bad labels are refused", async () => {
    const courseId = await col1Course();
    const clerk = await person("T0002");
    expect((await clerk.act(courseId, { intent: "addItem", label: "  准备茶歇  " })).status).toBe(302);
    const added = await db.preparationItem.findFirstOrThrow({ where: { courseId, key: null } });
    expect(added).toMatchObject({ label: "准备茶歇", sortOrder: 5 });
    expect(await clerk.act(courseId, { intent: "addItem", label: "准备茶歇" })).toMatchObject({
      status: 400,
      body: { errors: { label: "preparation.duplicateItem" }, values: { label: "准备茶歇" } },
    });
    expect(await clerk.act(courseId, { intent: "addItem", label: "  " })).toMatchObject({
      status: 400,
      body: { errors: { label: "validation.required" } },
    });
    expect((await clerk.act(courseId, { intent: "addItem", label: "长".repeat(101) })).status).toBe(400);
    expect(
      await clerk.act(courseId, { intent: "removeItem", itemId: (await itemOf(courseId, "venue")).id }),
    ).toMatchObject({
      status: 400,
      body: { errors: { _form: "preparation.standardItem" } },
    });
    expect((await clerk.act(courseId, { intent: "note", itemId: added.id, note: "行政部提供" })).status).toBe(302);
    expect((await clerk.page(courseId)).items.at(-1)).toMatchObject({ note: "行政部提供", standard: false });
    expect((await clerk.act(courseId, { intent: "removeItem", itemId: added.id })).status).toBe(302);
    expect(await db.preparationItem.count({ where: { courseId } })).toBe(4);
    expect(
      await db.auditEntry.count({
        where: {
          entityId: courseId,
          action: { in: ["preparation.itemAdded", "preparation.itemRemoved", "preparation.noted"] },
        },
      }),
    ).toBe(3);
  });

  it("a cancelled course's checklist cannot change; a published one can still be ticked", async () => {
    const courseId = await col1Course();
    const clerk = await person("T0002");
    const sheet = await itemOf(courseId, "signInSheet");
    await db.courseDelivery.update({ where: { courseId }, data: { state: "PUBLISHED" } });
    expect((await clerk.act(courseId, { intent: "tick", itemId: sheet.id, done: "1" })).status).toBe(302);
    await db.courseDelivery.update({ where: { courseId }, data: { state: "CANCELLED" } });
    expect(await clerk.act(courseId, { intent: "addItem", label: "茶歇" })).toMatchObject({
      status: 409,
      body: { errors: { _form: "preparation.cancelled" } },
    });
  });
});

describe("who may see and change a checklist", () => {
  it("agent 403; a head views a course of their department but cannot tick; another one is 404", async () => {
    const courseId = await col1Course();
    const venue = await itemOf(courseId, "venue");
    const agent = await person("C0101");
    expect((await agent.view(courseId)).status).toBe(403);
    expect((await agent.act(courseId, { intent: "tick", itemId: venue.id, done: "1" })).status).toBe(403);
    const head = await person("D0101");
    expect((await head.view(courseId)).status).toBe(200);
    expect((await head.page(courseId)).canPrepare).toBe(false);
    expect((await head.act(courseId, { intent: "tick", itemId: venue.id, done: "1" })).status).toBe(403);
    expect((await head.view((await col2Course()).id)).status).toBe(404);
    expect((await itemOf(courseId, "venue")).doneAt).toBeNull();
    // The manager may override but not tick.
    expect((await (await person("T0001")).act(courseId, { intent: "tick", itemId: venue.id, done: "1" })).status).toBe(
      403,
    );
    const list = await head.list(true);
    const ids = list.months.flatMap((m) => m.courses.map((c) => c.id));
    expect(ids).toContain(courseId);
    expect(ids).not.toContain((await col2Course()).id);
  });
});

describe("the external course's institution and fee", () => {
  it("contact and agreed fee first, then the ticks; the difference shows on the budget", async () => {
    const course = await demoCourse("EXTERNAL");
    const clerk = await person("T0002");
    const fee = await itemOf(course.id, "feeConfirmed");
    const contacted = await itemOf(course.id, "institutionContacted");
    expect(await clerk.act(course.id, { intent: "tick", itemId: fee.id, done: "1" })).toMatchObject({
      status: 400,
      body: { errors: { _form: "preparation.needsFee" } },
    });
    expect(await clerk.act(course.id, { intent: "tick", itemId: contacted.id, done: "1" })).toMatchObject({
      status: 400,
      body: { errors: { _form: "preparation.needsContact" } },
    });
    for (const [agreedFee, message] of [
      ["-5", "training.validation.negative"],
      ["12.345", "training.validation.money"],
      ["2000000", "preparation.feeTooHigh"],
    ]) {
      expect(
        await clerk.act(course.id, { intent: "institution", institutionContact: "王老师", agreedFee }),
      ).toMatchObject({ status: 400, body: { errors: { agreedFee: message }, values: { agreedFee } } });
    }
    const budgetBefore = await (await as("T0002")).budget();
    const agreedFen = course.externalFeeFen + 300_50;
    const saved = await clerk.act(course.id, {
      intent: "institution",
      institutionContact: "王老师 021-5555 0101",
      agreedFee: (agreedFen / 100).toFixed(2),
    });
    expect(saved.status).toBe(302);
    expect(await db.courseDelivery.findUniqueOrThrow({ where: { courseId: course.id } })).toMatchObject({
      institutionContact: "王老师 021-5555 0101",
      agreedFeeFen: agreedFen,
    });
    expect((await clerk.page(course.id)).delivery.differenceFen).toBe(300_50);
    expect((await clerk.act(course.id, { intent: "tick", itemId: fee.id, done: "1" })).status).toBe(302);
    expect((await clerk.act(course.id, { intent: "tick", itemId: contacted.id, done: "1" })).status).toBe(302);
    // The fee stays while it is ticked as confirmed.
    expect(
      await clerk.act(course.id, { intent: "institution", institutionContact: "王老师", agreedFee: "" }),
    ).toMatchObject({ status: 400, body: { errors: { agreedFee: "preparation.feeStillConfirmed" } } });

    const budget = await (await as("T0002")).budget();
    expect(budget.total.committedFen - budgetBefore.total.committedFen).toBe(300_50);
    expect(budget.feeDifferences.rows).toEqual([
      expect.objectContaining({ id: course.id, budgetedFen: course.externalFeeFen, agreedFen, differenceFen: 300_50 }),
    ]);
    expect(budget.feeDifferences.totalFen).toBe(300_50);
    expect(await db.auditEntry.count({ where: { entityId: course.id, action: "preparation.institution" } })).toBe(1);
  });

  it("an internal course has no institution", async () => {
    const course = await demoCourse("INTERNAL");
    expect(
      await (await person("T0002")).act(course.id, { intent: "institution", institutionContact: "x", agreedFee: "1" }),
    ).toMatchObject({ status: 400, body: { errors: { _form: "preparation.notExternal" } } });
  });
});

describe("publishing's preparation rule and the manager's override", () => {
  it("incomplete blocks with the missing items; the override needs a reason and can be withdrawn", async () => {
    const courseId = await col1Course();
    const blocked = await db.$transaction((tx) => checklistBlocker(tx, courseId));
    expect(parseMessage(blocked!)).toEqual({
      key: "preparation.incomplete",
      params: {
        items: "场地已预订并确认、设备（投影仪、麦克风、电脑）已准备、培训资料已打印/上传、签到表已打印",
        count: 4,
      },
    });
    const manager = await person("T0001");
    expect(await manager.act(courseId, { intent: "override", reason: "  " })).toMatchObject({
      status: 400,
      body: { errors: { reason: "preparation.reasonRequired" } },
    });
    await expect((await person("T0002")).act(courseId, { intent: "override", reason: "急需" })).resolves.toMatchObject({
      status: 403,
    });
    expect((await manager.act(courseId, { intent: "override", reason: "场地由合作方提供" })).status).toBe(302);
    expect(await db.$transaction((tx) => checklistBlocker(tx, courseId))).toBeNull();
    expect(
      await db.auditEntry.findFirst({ where: { entityId: courseId, action: "preparation.overridden" } }),
    ).toMatchObject({ reason: "场地由合作方提供" });
    expect((await manager.page(courseId)).delivery.override).toMatchObject({ reason: "场地由合作方提供" });
    expect((await manager.act(courseId, { intent: "withdrawOverride" })).status).toBe(302);
    expect(await db.$transaction((tx) => checklistBlocker(tx, courseId))).not.toBeNull();

    const clerk = await person("T0002");
    for (const key of ["venue", "equipment", "materials", "signInSheet"])
      await clerk.act(courseId, { intent: "tick", itemId: (await itemOf(courseId, key)).id, done: "1" });
    expect(await db.$transaction((tx) => checklistBlocker(tx, courseId))).toBeNull();
    expect((await clerk.page(courseId)).readiness).toMatchObject({ percent: 100, complete: true });
  });
});

describe("the clerk's list", () => {
  afterEach(() => setClock(null));

  it("approved courses still to come, by first session, with readiness and what is missing", async () => {
    // On the demo's day every course may be over (31 December): look from the day before its last session.
    const last = await db.courseSession.findFirstOrThrow({ orderBy: { startsAt: "desc" } });
    freezeClock(new Date(last.startsAt.getTime() - 86_400_000));
    const list = await (await person("T0002")).list();
    const rows = list.months.flatMap((m) => m.courses);
    expect(rows.length).toBeGreaterThan(0);
    const firsts = rows.map((r) => new Date(r.firstSession!).getTime());
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(rows.every((r) => new Date(r.lastEnd!) > new Date(0))).toBe(true);
    expect(rows[0]).toMatchObject({ state: "PREPARING", readiness: { percent: 0, complete: false } });
    expect(rows[0].readiness.missing).toHaveLength(4);
    // The past toggle: every course ever delivered, a keyset page at a time (preparation-pages.test.ts).
    const all = [];
    for (
      let page = await (await person("T0002")).list(true);
      ;
      page = await (await person("T0002")).list(true, page.next!)
    ) {
      all.push(...page.months.flatMap((m) => m.courses));
      if (!page.next) break;
    }
    expect(all.length).toBeGreaterThanOrEqual(rows.length);
    expect(all.length).toBe(await db.courseDelivery.count());
  });
});

describe("the pages render", () => {
  it("the course's preparation page, the clerk's list and the budget with an agreed fee", async () => {
    const course = await demoCourse("EXTERNAL");
    const clerk = await person("T0002");
    await clerk.act(course.id, { intent: "institution", institutionContact: "王老师", agreedFee: "99999" });
    const cookie = await cookieFor("T0002");
    const page = await renderInLayout(
      cookie,
      `/courses/${course.id}/preparation`,
      "_app.courses.$courseId.preparation",
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain("培训费用已与机构确认");
    expect(page.html).toContain("超出预算");
    const list = await renderInLayout(cookie, "/preparation?past=1", "_app.preparation");
    expect(list.html).toContain("场地已预订并确认");
    const manager = await renderInLayout(
      await cookieFor("T0001"),
      `/courses/${course.id}/preparation`,
      "_app.courses.$courseId.preparation",
      "en",
    );
    expect(manager.html).toContain("Allow publishing");
    const budget = await renderInLayout(cookie, `/budget?year=${YEAR}`, "_app.budget");
    expect(budget.html).toContain("外训协议费用与预算差额");
    expect(budget.html).toContain(course.title);
  });
});

describe("at the same time", () => {
  it("of two overrides exactly one wins; starting preparation twice adds nothing", async () => {
    const courseId = await col1Course();
    const [a, b] = [await person("T0001"), await person("T0001")];
    const race = await Promise.all([
      a.act(courseId, { intent: "override", reason: "场地由合作方提供" }),
      b.act(courseId, { intent: "override", reason: "设备由机构自带" }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await db.auditEntry.count({ where: { entityId: courseId, action: "preparation.overridden" } })).toBe(1);
    const before = await db.courseDelivery.findUniqueOrThrow({ where: { courseId } });
    expect(before.version).toBe(1);
    await db.$transaction((tx) => startPreparation(tx, courseId));
    expect(await db.preparationItem.count({ where: { courseId } })).toBe(4);
    expect(await db.courseDelivery.findUniqueOrThrow({ where: { courseId } })).toMatchObject({
      overrideReason: before.overrideReason,
      version: 1,
    });
  });
});
