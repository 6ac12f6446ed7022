// A drafter who submitted by mistake takes the submission back (docs/decisions/0006), in each loop
// through its own page: annual plan (002–003), monthly plan (004–005), course plan (006–007).
import { describe, expect, it } from "vitest";

import { action as homeAction, loader as homeLoader } from "~/routes/_app.home";
import { action as planAction, loader as planLoader } from "~/routes/_app.plans.$planId._index";
import { action as planItemAction } from "~/routes/_app.plans.$planId.items.$itemId";
import { action as plansAction } from "~/routes/_app.plans._index";
import { db } from "~/utils/db.server";
import type { RoleName } from "~/utils/permissions";

import { makePerson } from "../../prisma/seed/factories";

import { as, courseForm, idFrom, seededItem, today, YEAR, type CoursePage, FREE_YM } from "./course-support";
import { cookieFor, flashOf, FREE_YEAR, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
const day = (d: number) => `${YEAR}-${String(today.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

type Result = Awaited<ReturnType<typeof outcome>>;
type Loop = {
  name: string;
  auditArea: string;
  drafter: string;
  approver: string;
  /** The role that makes a colleague of the drafter a drafter too. */
  drafterRole: RoleName;
  /** A subject ready to be submitted, as revision 1. */
  draft(): Promise<string>;
  decide(employeeNo: string, id: string, intent: string, revision: number, reason?: string): Promise<Result>;
  /** A change of content by the drafter (adding an item or a session). */
  edit(employeeNo: string, id: string): Promise<Result>;
  view(employeeNo: string, id: string): Promise<{ actions: string[]; editable: boolean }>;
  approval(id: string): Promise<{ id: string; state: string; revision: number }>;
  /** The subject's page (where a decision leads back to) and the catalog of its flash messages. */
  page(id: string): string;
  notices: string;
};

const planItem = {
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
};
/** 培训部's id: the department an item is run by (required on every annual item). */
const trainingDepartment = async () =>
  (await db.department.findUniqueOrThrow({ where: { code: "TRN" }, select: { id: true } })).id;

const planForm = async (employeeNo: string, path: string, form?: Record<string, string | string[]>) =>
  requestAs(await cookieFor(employeeNo), path, form ? { form } : {});

const annualPlan: Loop = {
  name: "the annual plan",
  auditArea: "annualPlan",
  drafter: "T0001",
  approver: "L0001",
  drafterRole: "TRAINING_MANAGER",
  async draft() {
    const created = await outcome(async () =>
      plansAction({ request: await planForm("T0001", "/plans", { year: String(FREE_YEAR) }), params: {}, ...ctx }),
    );
    const planId = idFrom(created.location);
    expect((await this.edit("T0001", planId)).status).toBe(302);
    return planId;
  },
  decide: (no, planId, intent, revision, reason) =>
    outcome(async () =>
      planAction({
        request: await planForm(no, `/plans/${planId}`, {
          intent,
          revision: String(revision),
          ...(reason ? { reason } : {}),
        }),
        params: { planId },
        ...ctx,
      }),
    ),
  edit: (no, planId) =>
    outcome(async () =>
      planItemAction({
        request: await planForm(no, `/plans/${planId}/items/new`, {
          ...planItem,
          departmentId: await trainingDepartment(),
        }),
        params: { planId, itemId: "new" },
        ...ctx,
      }),
    ),
  view: async (no, planId) =>
    (
      await outcome(async () =>
        planLoader({ request: await planForm(no, `/plans/${planId}`), params: { planId }, ...ctx }),
      )
    ).body as Awaited<ReturnType<typeof planLoader>>,
  approval: async (planId) =>
    (await db.annualPlan.findUniqueOrThrow({ where: { id: planId }, include: { approval: true } })).approval,
  page: (planId) => `/plans/${planId}`,
  notices: "plan.notices",
};

const monthlyPlan: Loop = {
  name: "the monthly plan",
  auditArea: "monthlyPlan",
  drafter: "T0001",
  approver: "L0001",
  drafterRole: "TRAINING_MANAGER",
  // Drafted from the annual plan, it starts with the month's annual items.
  draft: async () => idFrom((await (await as("T0001")).createMonth(FREE_YM)).location),
  decide: async (no, planId, intent, revision, reason) => (await as(no)).decidePlan(planId, intent, revision, reason),
  edit: async (no, planId) =>
    (await as(no)).saveItem(planId, {
      title: "新员工入职培训",
      category: "NEW_HIRE",
      targetPeople: "新入职催收员",
      headcount: "4",
      sessions: "2",
      budget: "800",
      unplannedReason: "本月新入职 4 人",
    }),
  view: async (no, planId) => (await as(no)).viewPlan(planId),
  approval: async (planId) =>
    (await db.monthlyPlan.findUniqueOrThrow({ where: { id: planId }, include: { approval: true } })).approval,
  page: (planId) => `/monthly-plans/${planId}`,
  notices: "monthlyPlan.notices",
};

const coursePlan: Loop = {
  name: "the course plan",
  auditArea: "course",
  drafter: "T0002",
  approver: "T0001",
  drafterRole: "TRAINING_CLERK",
  async draft() {
    const clerk = await as("T0002");
    const courseId = idFrom((await clerk.createCourse((await seededItem()).id, courseForm())).location);
    expect(
      (
        await clerk.course(courseId, {
          intent: "addSession",
          date: day(11),
          start: "09:00",
          end: "12:00",
          location: "培训室 A302",
        })
      ).status,
    ).toBe(302);
    expect((await clerk.course(courseId, { intent: "addAttendees", names: "C0105 C0106" })).status).toBe(302);
    return courseId;
  },
  decide: async (no, courseId, intent, revision, reason) =>
    (await as(no)).course(courseId, { intent, revision: String(revision), ...(reason ? { reason } : {}) }),
  edit: async (no, courseId) =>
    (await as(no)).course(courseId, {
      intent: "addSession",
      date: day(12),
      start: "09:00",
      end: "10:00",
      location: "培训室 A302",
    }),
  view: async (no, courseId) => (await (await as(no)).viewCourse(courseId)).body as CoursePage,
  approval: async (courseId) =>
    (await db.course.findUniqueOrThrow({ where: { id: courseId }, include: { approval: true } })).approval,
  page: (courseId) => `/courses/${courseId}`,
  notices: "course.notices",
};

const openReviews = (loop: Loop) =>
  db.todoItem.count({
    where: { person: { employeeNo: loop.approver }, kind: `${loop.auditArea}.review`, doneAt: null },
  });

describe.each([annualPlan, monthlyPlan, coursePlan])("withdrawing $name", (loop) => {
  it("a withdrawn submission is a draft again as a new revision; the approver can no longer approve it", async () => {
    const id = await loop.draft();
    expect((await loop.decide(loop.drafter, id, "SUBMIT", 1)).status).toBe(302);
    expect(await openReviews(loop)).toBe(1);
    expect((await loop.view(loop.drafter, id)).actions).toEqual(["WITHDRAW"]);
    expect(await loop.edit(loop.drafter, id)).toMatchObject({ status: 409 });

    const withdrawn = await loop.decide(loop.drafter, id, "WITHDRAW", 1);
    expect(withdrawn).toMatchObject({ status: 302, location: loop.page(id) });
    expect(await flashOf(withdrawn)).toMatchObject({ tone: "success", message: `${loop.notices}.WITHDRAW` });
    const approval = await loop.approval(id);
    expect(approval).toMatchObject({ state: "DRAFT", revision: 2 });
    const decision = await db.approvalDecision.findFirstOrThrow({
      where: { approvalId: approval.id, action: "WITHDRAW" },
    });
    expect(decision).toMatchObject({
      revision: 1,
      fromState: "SUBMITTED",
      toState: "DRAFT",
      actorEmployeeNo: loop.drafter,
      reason: null,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: `${loop.auditArea}.withdrawn`, entityId: id },
    });
    // Withdrawing one's own submission leaves no note for oneself.
    expect(await db.todoItem.count({ where: { kind: `${loop.auditArea}.withdrawn` } })).toBe(0);
    expect(audit).toMatchObject({ actorEmployeeNo: loop.drafter, reason: null });
    expect(await openReviews(loop)).toBe(0);

    // The approver's page still showed revision 1: approving it now is a conflict and changes nothing.
    expect(await loop.decide(loop.approver, id, "APPROVE", 1)).toMatchObject({
      status: 409,
      body: { errors: { _form: "workflow.alreadyDecided" } },
    });
    expect(await loop.approval(id)).toMatchObject({ state: "DRAFT", revision: 2 });
    expect(await db.approvalDecision.count({ where: { approvalId: approval.id, action: "APPROVE" } })).toBe(0);

    // Editable again; a second post of the same withdrawal is harmless.
    expect((await loop.view(loop.drafter, id)).editable).toBe(true);
    expect((await loop.edit(loop.drafter, id)).status).toBe(302);
    expect(await loop.decide(loop.drafter, id, "WITHDRAW", 1)).toMatchObject({
      status: 409,
      body: { errors: { _form: "workflow.alreadyDecided" } },
    });

    // Resubmitted, the new revision goes through the same approval; the withdrawn one stays unapprovable.
    expect((await loop.decide(loop.drafter, id, "SUBMIT", 2)).status).toBe(302);
    expect((await loop.decide(loop.approver, id, "APPROVE", 1)).status).toBe(409);
    expect((await loop.decide(loop.approver, id, "APPROVE", 2)).status).toBe(302);
    expect(await loop.approval(id)).toMatchObject({ state: "APPROVED", revision: 2 });
  });

  it("of a withdrawal and an approval at once exactly one wins; the other is told it was already decided", async () => {
    const id = await loop.draft();
    await loop.decide(loop.drafter, id, "SUBMIT", 1);
    const race = await Promise.all([
      loop.decide(loop.drafter, id, "WITHDRAW", 1, "漏了一项"),
      loop.decide(loop.approver, id, "APPROVE", 1),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(race.find((r) => r.status === 409)!.body).toMatchObject({ errors: { _form: "workflow.alreadyDecided" } });

    const approval = await loop.approval(id);
    const winner = race[0].status === 302 ? "WITHDRAW" : "APPROVE";
    expect(approval).toMatchObject(
      winner === "WITHDRAW" ? { state: "DRAFT", revision: 2 } : { state: "APPROVED", revision: 1 },
    );
    expect(
      await db.approvalDecision.findMany({
        where: { approvalId: approval.id, action: { in: ["WITHDRAW", "APPROVE"] } },
        select: { action: true },
      }),
    ).toEqual([{ action: winner }]);
    const audits = await db.auditEntry.findMany({
      where: { entityId: id, action: { in: [`${loop.auditArea}.withdrawn`, `${loop.auditArea}.approved`] } },
      select: { action: true, reason: true },
    });
    expect(audits).toEqual([
      winner === "WITHDRAW"
        ? { action: `${loop.auditArea}.withdrawn`, reason: "漏了一项" }
        : { action: `${loop.auditArea}.approved`, reason: null },
    ]);
    expect(await openReviews(loop)).toBe(0);
  });

  it("a decision on a subject that does not exist is not found and writes nothing", async () => {
    // Neither an unknown id nor the id of another loop's subject.
    const foreign =
      loop === coursePlan ? (await db.annualPlan.findFirstOrThrow()).id : (await db.course.findFirstOrThrow()).id;
    const before = await db.approvalDecision.count();
    for (const id of ["no-such-id", foreign])
      expect((await loop.decide(loop.drafter, id, "SUBMIT", 1)).status).toBe(404);
    expect(await db.approvalDecision.count()).toBe(before);
  });

  it("only a drafter may withdraw: the approver and an agent are refused; a draft cannot be withdrawn", async () => {
    const id = await loop.draft();
    expect(await loop.decide(loop.drafter, id, "WITHDRAW", 1)).toMatchObject({
      status: 409,
      body: { errors: { _form: "workflow.alreadyDecided" } },
    });
    await loop.decide(loop.drafter, id, "SUBMIT", 1);
    for (const no of [loop.approver, "C0101"]) expect((await loop.decide(no, id, "WITHDRAW", 1)).status).toBe(403);
    expect(await loop.approval(id)).toMatchObject({ state: "SUBMITTED", revision: 1 });

    // A colleague in the same role covers for the submitter (e.g. away): the history says who withdrew, and why.
    const department = await db.department.findUniqueOrThrow({ where: { code: "TRN" } });
    await db.$transaction((tx) =>
      makePerson(tx, {
        employeeNo: "T0009",
        name: "吴佳",
        departmentId: department.id,
        post: "培训专员",
        roles: [loop.drafterRole, "EMPLOYEE"],
      }),
    );
    expect((await loop.decide("T0009", id, "WITHDRAW", 1, "开课日期填错")).status).toBe(302);
    const approval = await loop.approval(id);
    expect(approval).toMatchObject({ state: "DRAFT", revision: 2 });
    expect(
      await db.approvalDecision.findFirstOrThrow({ where: { approvalId: approval.id, action: "WITHDRAW" } }),
    ).toMatchObject({ actorEmployeeNo: "T0009", reason: "开课日期填错" });

    // The submitter is told who withdrew it; submitting again closes the note.
    const notes = () =>
      db.todoItem.findMany({
        where: { sourceId: approval.id, kind: `${loop.auditArea}.withdrawn` },
        select: { person: { select: { employeeNo: true } }, params: true, doneAt: true },
      });
    expect(await notes()).toEqual([
      {
        person: { employeeNo: loop.drafter },
        params: expect.objectContaining({ name: "吴佳", revision: 2 }),
        doneAt: null,
      },
    ]);
    expect((await loop.decide(loop.drafter, id, "SUBMIT", 2)).status).toBe(302);
    expect((await notes())[0].doneAt).not.toBeNull();
  });
});

describe.each([annualPlan, monthlyPlan, coursePlan])("approving $name", (loop) => {
  it("tells the drafter, from the approver, and the drafter puts the note away on the home page", async () => {
    const id = await loop.draft();
    // The drafter answers the approver on submitting; the note stays with the submission in the history.
    expect((await loop.decide(loop.drafter, id, "SUBMIT", 1, "已按上次意见压缩预算")).status).toBe(302);
    const { id: approvalId } = await loop.approval(id);
    expect(
      await db.approvalDecision.findFirstOrThrow({ where: { approvalId, action: "SUBMIT" }, select: { reason: true } }),
    ).toEqual({ reason: "已按上次意见压缩预算" });
    const review = await db.todoItem.findFirstOrThrow({
      where: { person: { employeeNo: loop.approver }, kind: `${loop.auditArea}.review`, doneAt: null },
    });
    const drafter = await db.person.findUniqueOrThrow({ where: { employeeNo: loop.drafter } });
    expect(review.fromName).toBe(drafter.name);
    expect((await loop.decide(loop.approver, id, "APPROVE", 1)).status).toBe(302);

    const approver = await db.person.findUniqueOrThrow({ where: { employeeNo: loop.approver } });
    const note = await db.todoItem.findFirstOrThrow({
      where: { personId: drafter.id, kind: `${loop.auditArea}.approved`, doneAt: null },
    });
    expect(note).toMatchObject({ fromName: approver.name, href: loop.page(id) });
    const drafterHome = await outcome(async () =>
      homeLoader({ request: await planForm(loop.drafter, "/home"), params: {}, ...ctx }),
    );
    expect(JSON.stringify(drafterHome.body)).toContain(approver.name);

    // Another person cannot put it away; nor can the approver put away work (a review) as if it were a note.
    const dismiss = async (employeeNo: string, todoId: string) =>
      outcome(async () =>
        homeAction({
          request: await planForm(employeeNo, "/home", { intent: "dismiss", todoId }),
          params: {},
          ...ctx,
        }),
      );
    expect(await flashOf(await dismiss(loop.approver, note.id))).toMatchObject({ tone: "error" });
    expect((await db.todoItem.findUniqueOrThrow({ where: { id: note.id } })).doneAt).toBeNull();
    const work = await db.todoItem.create({
      data: { personId: approver.id, kind: `${loop.auditArea}.review`, sourceType: "Test", sourceId: id, href: "/" },
    });
    expect(await flashOf(await dismiss(loop.approver, work.id))).toMatchObject({ tone: "error" });
    expect((await db.todoItem.findUniqueOrThrow({ where: { id: work.id } })).doneAt).toBeNull();
    expect(await flashOf(await dismiss(loop.drafter, note.id))).toMatchObject({ message: "home.dismissed" });
    expect((await db.todoItem.findUniqueOrThrow({ where: { id: note.id } })).doneAt).not.toBeNull();
  });
});
