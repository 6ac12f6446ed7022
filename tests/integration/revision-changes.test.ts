// "What changed since the rejected revision" on the monthly plan (004–005) and course plan (006–007)
// pages, as the drafter revising and the approver deciding see it.
import { describe, expect, it } from "vitest";

import { action as editCourse } from "~/routes/_app.courses.$courseId.edit";
import { action as planAction } from "~/routes/_app.monthly-plans.$monthlyPlanId._index";
import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, type CoursePage, FREE_YM } from "./course-support";
import { outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
const day = (d: number) => `${YEAR}-${String(today.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const pdf = () => new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n", "latin1"));

describe("the monthly plan shows what changed since the leader sent it back", () => {
  it("to the reviser and the leader deciding the revision: items added, removed, changed field by field", async () => {
    const [manager, leader] = [await as("T0001"), await as("L0001")];
    const planId = idFrom((await manager.createMonth(FREE_YM)).location);
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
    const fromAnnual = await db.monthlyPlanItem.findFirstOrThrow({ where: { planId, planItemId: { not: null } } });
    const transferId = (await db.monthlyPlanItem.findFirstOrThrow({ where: { planId, title: "转岗培训" } })).id;
    await manager.decidePlan(planId, "SUBMIT", 1);
    expect((await leader.viewPlan(planId)).diff).toBeNull();
    await leader.decidePlan(planId, "REJECT", 1, "新员工培训漏了，合规复训人数偏少");

    // Sent back and not yet changed: the panel says there is no change.
    expect((await manager.viewPlan(planId)).diff).toMatchObject({
      rejection: { revision: 1, reason: "新员工培训漏了，合规复训人数偏少", actorName: "刘海燕" },
      changes: { added: [], removed: [], changed: [] },
    });

    const edited = {
      title: fromAnnual.title,
      category: fromAnnual.category,
      targetPeople: fromAnnual.targetPeople,
      headcount: String(fromAnnual.headcount + 10),
      sessions: String(fromAnnual.sessions),
      budget: String(fromAnnual.budgetFen / 100),
      // More people than the annual item plans for the month: the leader reads why.
      unplannedReason: "合规复训扩大到新入职人员",
    };
    expect((await manager.saveItem(planId, edited, fromAnnual.id)).status).toBe(302);
    const removed = await outcome(() =>
      planAction({
        request: requestAs(manager.cookie, `/monthly-plans/${planId}`, {
          form: { intent: "deleteItem", itemId: transferId },
        }),
        params: { monthlyPlanId: planId },
        ...ctx,
      }),
    );
    expect(removed.status).toBe(302);
    const newHire = {
      title: "新员工入职培训",
      category: "NEW_HIRE",
      targetPeople: "新入职催收员",
      headcount: "4",
      sessions: "2",
      budget: "800",
      unplannedReason: "本月新入职 4 人",
    };
    expect((await manager.saveItem(planId, newHire)).status).toBe(302);

    const expected = {
      added: [expect.objectContaining({ title: "新员工入职培训", category: "NEW_HIRE", budgetFen: 800_00 })],
      removed: [expect.objectContaining({ id: transferId, title: "转岗培训" })],
      changed: [
        {
          id: fromAnnual.id,
          title: fromAnnual.title,
          changes: [
            { field: "headcount", before: fromAnnual.headcount, after: fromAnnual.headcount + 10 },
            { field: "unplannedReason", before: null, after: "合规复训扩大到新入职人员" },
          ],
        },
      ],
    };
    expect((await manager.viewPlan(planId)).diff?.changes).toEqual(expected);
    await manager.decidePlan(planId, "SUBMIT", 2);
    expect((await leader.viewPlan(planId)).diff).toMatchObject({ rejection: { revision: 1 }, changes: expected });

    await leader.decidePlan(planId, "APPROVE", 2);
    expect((await leader.viewPlan(planId)).diff).toBeNull();
  });
});

describe("the course plan shows what changed since the training manager sent it back", () => {
  async function rejectedCourse() {
    const clerk = await as("T0002");
    const courseId = idFrom(
      (await clerk.createCourse((await seededItem()).id, courseForm({ capacity: "25" }))).location,
    );
    await clerk.course(courseId, {
      intent: "addSession",
      date: day(11),
      start: "09:00",
      end: "12:00",
      location: "培训室 A302",
    });
    await clerk.course(courseId, { intent: "addAttendees", names: "C0105 C0106 C0205" });
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    const manager = await as("T0001");
    expect(
      (await manager.course(courseId, { intent: "REJECT", revision: "1", reason: "讲师费偏高；周六上课不合适" }))
        .status,
    ).toBe(302);
    return { clerk, manager, courseId };
  }

  it("fields before and after, sessions by their local time, trainees by name, materials by file name", async () => {
    const { clerk, manager, courseId } = await rejectedCourse();
    const fixed = await outcome(() =>
      editCourse({
        request: requestAs(clerk.cookie, `/courses/${courseId}/edit`, {
          form: courseForm({ capacity: "20", lecturerFee: "800" }),
        }),
        params: { courseId },
        ...ctx,
      }),
    );
    expect(fixed.status).toBe(302);
    const session = await db.courseSession.findFirstOrThrow({ where: { courseId } });
    await clerk.course(courseId, { intent: "deleteSession", sessionId: session.id });
    await clerk.course(courseId, {
      intent: "addSession",
      date: day(12),
      start: "14:00",
      end: "17:00",
      location: "培训室 A302",
    });
    const c0106 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0106" } });
    await clerk.course(courseId, { intent: "removeAttendee", personId: c0106.id });
    await clerk.course(courseId, { intent: "addAttendees", names: "C0107 C0206" });
    expect((await clerk.upload(courseId, "讲师费报价.pdf", pdf())).status).toBe(302);

    const expected = {
      fields: [
        { field: "capacity", before: 25, after: 20 },
        { field: "lecturerFeeFen", before: 1200_00, after: 800_00 },
        { field: "totalFen", before: 1350_50, after: 950_50 },
      ],
      sessions: {
        added: [expect.objectContaining({ date: day(12), start: "14:00", end: "17:00", location: "培训室 A302" })],
        removed: [expect.objectContaining({ date: day(11), start: "09:00", end: "12:00", location: "培训室 A302" })],
      },
      attendees: {
        added: [expect.objectContaining({ employeeNo: "C0107" }), expect.objectContaining({ employeeNo: "C0206" })],
        removed: [{ id: c0106.id, name: c0106.name, employeeNo: "C0106" }],
      },
      // Not split into batches: nobody changes batch, and sessions are shown without one.
      regrouped: [],
      split: false,
      materials: { added: [expect.objectContaining({ fileName: "讲师费报价.pdf" })], removed: [] },
    };
    const sorted = (page: CoursePage) => ({
      ...page.diff!.changes,
      attendees: {
        ...page.diff!.changes.attendees,
        added: [...page.diff!.changes.attendees.added].sort((a, b) => a.employeeNo.localeCompare(b.employeeNo)),
      },
    });
    const mine = (await clerk.viewCourse(courseId)).body as CoursePage;
    expect(mine.diff?.rejection).toMatchObject({ revision: 1, reason: "讲师费偏高；周六上课不合适" });
    expect(sorted(mine)).toEqual(expected);

    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "2" })).status).toBe(302);
    expect(sorted((await manager.viewCourse(courseId)).body as CoursePage)).toEqual(expected);
    // A department head sees only their own people among the trainees added or removed.
    const head = (await (await as("D0101")).viewCourse(courseId)).body as CoursePage;
    expect(head.diff?.changes.attendees.added.map((p) => p.employeeNo)).toEqual(["C0107"]);
    expect(head.diff?.changes.attendees.removed.map((p) => p.employeeNo)).toEqual(["C0106"]);

    expect((await manager.course(courseId, { intent: "APPROVE", revision: "2" })).status).toBe(302);
    expect(((await clerk.viewCourse(courseId)).body as CoursePage).diff).toBeNull();
  });

  it("a lecturer changed from an outside trainer to a colleague is one change, shown by name", async () => {
    const { clerk, courseId } = await rejectedCourse();
    const t3 = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0003" } });
    const internal = courseForm({
      capacity: "25",
      lecturerKind: "INTERNAL",
      lecturerId: t3.id,
      externalLecturer: "",
      externalOrg: "",
      externalContact: "",
    });
    expect(
      (
        await outcome(() =>
          editCourse({
            request: requestAs(clerk.cookie, `/courses/${courseId}/edit`, { form: internal }),
            params: { courseId },
            ...ctx,
          }),
        )
      ).status,
    ).toBe(302);
    const page = (await clerk.viewCourse(courseId)).body as CoursePage;
    expect(page.diff?.changes.fields).toEqual([
      {
        field: "lecturer",
        before: {
          kind: "EXTERNAL",
          lecturerId: null,
          externalLecturer: "张敏",
          externalOrg: "上海某培训机构",
          externalContact: "021-5555 0000",
          person: null,
        },
        after: {
          kind: "INTERNAL",
          lecturerId: t3.id,
          externalLecturer: null,
          externalOrg: null,
          externalContact: null,
          person: { name: t3.name, employeeNo: "T0003" },
        },
      },
    ]);
  });
});
