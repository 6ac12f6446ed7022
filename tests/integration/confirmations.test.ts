// Step 009, the department heads' side, through the confirmations page: the clerk asks, heads confirm,
// swap and withdraw their own people before the deadline, and the clerk reminds them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { action, loader } from "~/routes/_app.courses.$courseId.confirmations";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { parseMessage } from "~/utils/validation";

import {
  cookieFor,
  DEMO_AT,
  demoDayAt,
  flashOf,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  untouchedDeliveries,
  demoCompanyBeforeEachTest,
} from "./support";

type Page = Awaited<ReturnType<typeof loader>>;
type Failure = { intent: string; errors: Record<string, string>; values: Record<string, string> };
const ctx = { context: { cspNonce: "" } };

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  await untouchedDeliveries();
  freezeClock(DEMO_AT);
});
afterEach(() => setClock(null));

async function as(employeeNo: string) {
  const cookie = await cookieFor(employeeNo);
  const path = (courseId: string) => `/courses/${courseId}/confirmations`;
  return {
    view: (courseId: string) =>
      outcome(() => loader({ request: requestAs(cookie, path(courseId)), params: { courseId }, ...ctx })),
    page: async (courseId: string) => {
      const result = await outcome(() =>
        loader({ request: requestAs(cookie, path(courseId)), params: { courseId }, ...ctx }),
      );
      expect(result.status).toBe(200);
      return result.body as Page;
    },
    post: (courseId: string, form: Record<string, string>) =>
      outcome(() => action({ request: requestAs(cookie, path(courseId), { form }), params: { courseId }, ...ctx })),
  };
}

const ids = async (...nos: string[]) => Promise.all(nos.map(personId));
const dept = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;
const zh = (message: string) => {
  const { key, params } = parseMessage(message);
  return serverT("zh-CN")(key, params);
};

/** An approved course, `days` after the demo day, with these attendees (by employee no.). */
async function approvedCourse(
  title: string,
  attendees: string[],
  days = 10,
  hours: [string, string] = ["09:00", "12:00"],
) {
  const item = await db.monthlyPlanItem.findFirstOrThrow({ where: { courses: { some: {} } }, select: { id: true } });
  const clerk = await personId("T0002");
  const approval = await db.approval.create({
    data: { subjectType: "Course", state: "APPROVED", submittedById: clerk },
  });
  const course = await db.course.create({
    data: {
      monthlyItemId: item.id,
      title,
      capacity: 30,
      outline: "一、投诉录音复盘；二、情景演练。",
      lecturerKind: "EXTERNAL",
      externalLecturer: "张敏",
      externalOrg: "上海某培训机构",
      approvalId: approval.id,
      createdById: clerk,
      sessions: {
        create: [{ startsAt: demoDayAt(hours[0], days), endsAt: demoDayAt(hours[1], days), location: "培训室 B201" }],
      },
      attendees: { create: (await ids(...attendees)).map((id) => ({ personId: id })) },
    },
  });
  return course.id;
}

const rowsOf = (courseId: string) =>
  db.headConfirmation.findMany({ where: { courseId }, orderBy: { departmentId: "asc" } });
const attendeeNos = async (courseId: string) =>
  (await db.courseAttendee.findMany({ where: { courseId }, select: { person: { select: { employeeNo: true } } } }))
    .map((a) => a.person.employeeNo)
    .sort();

async function requested() {
  // 催收一部 (a team member each of its two teams), 催收二部, and 客服部, here without a head (the demo's
  // K0001 steps down): a department nobody heads gets no row.
  await db.roleAssignment.deleteMany({ where: { role: "DEPARTMENT_HEAD", person: { employeeNo: "K0001" } } });
  const courseId = await approvedCourse("投诉处理实战演练", ["C0103", "C0112", "C0205", "K0001"]);
  const result = await (await as("T0002")).post(courseId, { intent: "request", confirmBy: "" });
  expect(result.status).toBe(302);
  expect(await flashOf(result)).toMatchObject({ message: "confirmations.notices.requested" });
  return courseId;
}

describe("requesting confirmations", () => {
  it("one row per attending department with a head, a to-do and a mail for each head", async () => {
    const courseId = await requested();
    const rows = await rowsOf(courseId);
    expect(rows.map((r) => r.departmentId).sort()).toEqual([await dept("COL1"), await dept("COL2")].sort());
    expect(rows.every((r) => r.state === "PENDING")).toBe(true);
    const delivery = await db.courseDelivery.findUniqueOrThrow({ where: { courseId } });
    // Three days before the session day, at its end (company time), still ahead of the demo day.
    expect(delivery.confirmBy!.getTime()).toBeGreaterThan(DEMO_AT.getTime());
    expect(delivery.confirmBy!.getTime()).toBeLessThan(demoDayAt("00:00", 8).getTime());
    for (const no of ["D0101", "D0201"]) {
      const todo = await db.todoItem.findFirstOrThrow({
        where: { personId: await personId(no), kind: "course.confirm" },
      });
      expect(todo).toMatchObject({
        href: `/courses/${courseId}/confirmations`,
        dueAt: delivery.confirmBy,
        doneAt: null,
      });
      expect(todo.params).toMatchObject({ title: "投诉处理实战演练", count: no === "D0101" ? 2 : 1 });
    }
    const mails = await db.outboxMessage.findMany({ where: { kind: "course.confirm", sourceId: courseId } });
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["d0101@jyxh.example.com", "d0201@jyxh.example.com"]);
    expect(mails[0].subject).toContain("投诉处理实战演练");
    expect(await db.auditEntry.count({ where: { action: "confirmations.requested", entityId: courseId } })).toBe(1);

    // The clerk sees every department; 客服部 has no head and needs no confirmation.
    const page = await (await as("T0002")).page(courseId);
    expect(page.overview.map((r) => [r.department, r.heads.length, r.state])).toEqual(
      expect.arrayContaining([
        ["催收一部", 1, "PENDING"],
        ["催收二部", 1, "PENDING"],
        ["客服部", 0, null],
      ]),
    );
  });

  it("refuses a deadline on or after the first session's day, and nothing is written", async () => {
    const courseId = await approvedCourse("投诉处理实战演练", ["C0103"]);
    const day = demoDayAt("12:00", 10).toISOString().slice(0, 10);
    const result = await (await as("T0002")).post(courseId, { intent: "request", confirmBy: day });
    expect(result.status).toBe(400);
    expect((result.body as Failure).errors.confirmBy).toBe("confirmations.deadlineAfterStart");
    expect(await rowsOf(courseId)).toEqual([]);
  });

  it("re-requesting keeps a confirmation whose people did not change, and reopens one whose people did", async () => {
    const courseId = await requested();
    const head1 = await as("D0101");
    const head2 = await as("D0201");
    expect((await head1.post(courseId, { intent: "confirm", departmentId: await dept("COL1") })).status).toBe(302);
    expect((await head2.post(courseId, { intent: "confirm", departmentId: await dept("COL2") })).status).toBe(302);
    // The course was revised and re-approved with another 催收二部 attendee.
    await db.courseAttendee.create({ data: { courseId, personId: await personId("C0206") } });
    expect((await (await as("T0002")).post(courseId, { intent: "request", confirmBy: "" })).status).toBe(302);
    const states = Object.fromEntries((await rowsOf(courseId)).map((r) => [r.departmentId, r.state]));
    expect(states[await dept("COL1")]).toBe("CONFIRMED");
    expect(states[await dept("COL2")]).toBe("PENDING");
  });
});

describe("a head confirms", () => {
  it("D0101 confirms 催收一部; the to-do is done; a second click is harmless", async () => {
    const courseId = await requested();
    const head = await as("D0101");
    const page = await head.page(courseId);
    expect(page.mine.map((s) => s.department)).toEqual(["催收一部"]);
    expect(page.mine[0].people.map((p) => p.employeeNo)).toEqual(["C0103", "C0112"]);
    expect(page.overview).toEqual([]);
    const col1 = await dept("COL1");
    const result = await head.post(courseId, { intent: "confirm", departmentId: col1 });
    expect(result.status).toBe(302);
    const row = await db.headConfirmation.findUniqueOrThrow({
      where: { courseId_departmentId: { courseId, departmentId: col1 } },
    });
    expect(row).toMatchObject({ state: "CONFIRMED", confirmedByName: "李振华", confirmedAt: DEMO_AT });
    expect(
      await db.todoItem.count({ where: { personId: await personId("D0101"), kind: "course.confirm", doneAt: null } }),
    ).toBe(0);
    const again = await head.post(courseId, { intent: "confirm", departmentId: col1 });
    expect(again.status).toBe(409);
    expect(zh((again.body as Failure).errors._form)).toBe("本部门已确认（李振华），无需重复确认");
  });

  it("D0101 cannot confirm 催收二部's attendees; nothing changes", async () => {
    const courseId = await requested();
    const col2 = await dept("COL2");
    const result = await (await as("D0101")).post(courseId, { intent: "confirm", departmentId: col2 });
    expect(result.status).toBe(403);
    expect(zh((result.body as Failure).errors._form)).toContain("不是该部门的负责人");
    expect((await rowsOf(courseId)).every((r) => r.state === "PENDING")).toBe(true);
  });

  it("after the deadline a head can no longer confirm or swap", async () => {
    const courseId = await requested();
    const { confirmBy } = await db.courseDelivery.findUniqueOrThrow({ where: { courseId } });
    setClock(() => new Date(confirmBy!.getTime() + 60_000));
    const result = await (await as("D0101")).post(courseId, { intent: "confirm", departmentId: await dept("COL1") });
    expect(result.status).toBe(409);
    expect((result.body as Failure).errors._form).toBe("confirmations.pastDeadline");
    expect((await rowsOf(courseId)).every((r) => r.state === "PENDING")).toBe(true);
    const swap = await (
      await as("D0101")
    ).post(courseId, {
      intent: "swap",
      departmentId: await dept("COL1"),
      personId: await personId("C0103"),
      replacementId: await personId("C0105"),
      reason: "C0103 当天轮休",
    });
    expect(swap.status).toBe(409);
    expect(zh((swap.body as Failure).errors._form)).toContain("已过确认截止时间");
    expect(await attendeeNos(courseId)).toEqual(["C0103", "C0112", "C0205", "K0001"]);
  });

  it("two heads of one department confirming at once: one wins, the other is told it is done", async () => {
    const courseId = await requested();
    const col1 = await dept("COL1");
    // 催收一部 gets a deputy head.
    await db.roleAssignment.create({
      data: { personId: await personId("C0101"), role: "DEPARTMENT_HEAD", departmentId: col1 },
    });
    const [a, b] = await Promise.all([as("D0101"), as("C0101")]);
    const results = await Promise.all([
      a.post(courseId, { intent: "confirm", departmentId: col1 }),
      b.post(courseId, { intent: "confirm", departmentId: col1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const lost = results.find((r) => r.status === 409)!;
    expect(parseMessage((lost.body as Failure).errors._form).key).toBe("confirmations.alreadyConfirmed");
    expect(await db.auditEntry.count({ where: { action: "confirmations.confirmed" } })).toBe(1);
    // Both heads' to-dos are done.
    expect(
      await db.todoItem.count({ where: { kind: "course.confirm", sourceId: `${courseId}:${col1}`, doneAt: null } }),
    ).toBe(0);
  });

  it("a head of a department none of whose people attend gets 404; an agent gets 403", async () => {
    const courseId = await approvedCourse("仅一部课程", ["C0103"]);
    expect((await (await as("D0201")).view(courseId)).status).toBe(404);
    const agent = await as("C0102");
    expect((await agent.view(courseId)).status).toBe(403);
    expect((await agent.post(courseId, { intent: "confirm", departmentId: await dept("COL1") })).status).toBe(403);
    expect((await agent.post(courseId, { intent: "request" })).status).toBe(403);
  });
});

describe("a head swaps or withdraws", () => {
  it("swapping in someone booked at an overlapping session of another approved course: refused, named", async () => {
    const courseId = await requested();
    await approvedCourse("录音质检专项培训", ["C0104"], 10, ["11:00", "15:00"]);
    const [out, replacement] = await ids("C0103", "C0104");
    const result = await (
      await as("D0101")
    ).post(courseId, {
      intent: "swap",
      departmentId: await dept("COL1"),
      personId: out,
      replacementId: replacement,
      reason: "C0103 当天轮休",
    });
    expect(result.status).toBe(400);
    const message = zh((result.body as Failure).errors.replacementId);
    expect(message).toContain("录音质检专项培训");
    expect(message).toContain("时间冲突");
    expect(await attendeeNos(courseId)).toEqual(["C0103", "C0112", "C0205", "K0001"]);
  });

  it("a valid swap changes the attendees, is audited with its reason, and the clerk is told", async () => {
    const courseId = await requested();
    const head = await as("D0101");
    const [out, replacement, other] = await ids("C0103", "C0105", "C0207");
    const col1 = await dept("COL1");
    // Only people of the head's own department may come in.
    const outside = await head.post(courseId, {
      intent: "swap",
      departmentId: col1,
      personId: out,
      replacementId: other,
      reason: "换人",
    });
    expect(outside.status).toBe(400);
    expect((outside.body as Failure).errors.replacementId).toBe("confirmations.replacementOutsideDepartment");
    const noReason = await head.post(courseId, {
      intent: "swap",
      departmentId: col1,
      personId: out,
      replacementId: replacement,
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect((noReason.body as Failure).errors.reason).toBe("confirmations.validation.reasonRequired");

    const result = await head.post(courseId, {
      intent: "swap",
      departmentId: col1,
      personId: out,
      replacementId: replacement,
      reason: "C0103 当天轮休",
    });
    expect(result.status).toBe(302);
    expect(await flashOf(result)).toMatchObject({ message: "confirmations.notices.swapped" });
    expect(await attendeeNos(courseId)).toEqual(["C0105", "C0112", "C0205", "K0001"]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "confirmations.swapped" } });
    expect(audit.reason).toBe("C0103 当天轮休");
    expect(audit.summary).toMatchObject({ out, in: replacement });
    const todo = await db.todoItem.findFirstOrThrow({
      where: { personId: await personId("T0002"), kind: "course.attendeesChanged", sourceId: courseId },
    });
    expect(todo.doneAt).toBeNull();
    expect(todo.params).toMatchObject({ head: "李振华", department: "催收一部" });
    // The clerk takes note.
    expect((await (await as("T0002")).post(courseId, { intent: "acknowledge" })).status).toBe(302);
    expect((await db.todoItem.findUniqueOrThrow({ where: { id: todo.id } })).doneAt).not.toBeNull();
  });

  it("withdrawing needs a reason and the tick; then the attendee is off the course", async () => {
    const courseId = await requested();
    const head = await as("D0101");
    const form = { intent: "withdraw", departmentId: await dept("COL1"), personId: await personId("C0112") };
    const noReason = await head.post(courseId, { ...form, reason: "", sure: "yes" });
    expect(noReason.status).toBe(400);
    expect((noReason.body as Failure).errors.reason).toBe("confirmations.validation.reasonRequired");
    const notSure = await head.post(courseId, { ...form, reason: "离岗培训冲突" });
    expect(notSure.status).toBe(400);
    expect((notSure.body as Failure).errors.sure).toBe("confirmations.validation.sure");
    expect(await attendeeNos(courseId)).toContain("C0112");
    const done = await head.post(courseId, { ...form, reason: "离岗培训冲突", sure: "yes" });
    expect(done.status).toBe(302);
    expect(await attendeeNos(courseId)).toEqual(["C0103", "C0205", "K0001"]);
    expect((await db.auditEntry.findFirstOrThrow({ where: { action: "confirmations.withdrawn" } })).reason).toBe(
      "离岗培训冲突",
    );
  });
  it("withdrawing a department's last attendee leaves it nothing to confirm", async () => {
    const courseId = await requested();
    const col2 = await dept("COL2");
    const result = await (
      await as("D0201")
    ).post(courseId, {
      intent: "withdraw",
      departmentId: col2,
      personId: await personId("C0205"),
      reason: "业务高峰，暂不参训",
      sure: "yes",
    });
    expect(result.status).toBe(302);
    expect((await rowsOf(courseId)).map((r) => r.departmentId)).toEqual([await dept("COL1")]);
    expect(
      await db.todoItem.count({ where: { kind: "course.confirm", sourceId: `${courseId}:${col2}`, doneAt: null } }),
    ).toBe(0);
    expect((await (await as("D0201")).view(courseId)).status).toBe(404);
  });
});

describe("reminding heads", () => {
  it("reminds pending heads once; again within the hour is refused; after an hour it goes", async () => {
    const courseId = await requested();
    const clerk = await as("T0002");
    expect(
      (await (await as("D0201")).post(courseId, { intent: "confirm", departmentId: await dept("COL2") })).status,
    ).toBe(302);
    const first = await clerk.post(courseId, { intent: "remind" });
    expect(first.status).toBe(302);
    const reminders = () =>
      db.outboxMessage.findMany({ where: { kind: "course.confirmReminder", sourceId: courseId } });
    expect((await reminders()).map((m) => m.toAddress)).toEqual(["d0101@jyxh.example.com"]);
    const second = await clerk.post(courseId, { intent: "remind" });
    expect(second.status).toBe(409);
    expect(zh((second.body as Failure).errors._form)).toBe("一小时内已提醒过，请稍后再提醒");
    expect(await reminders()).toHaveLength(1);
    freezeClock(new Date(DEMO_AT.getTime() + 3_600_000));
    // A fresh sign-in: an hour idle ends the earlier session.
    const later = await (await as("T0002")).post(courseId, { intent: "remind" });
    expect(later).toMatchObject({ status: 302, location: `/courses/${courseId}/confirmations` });
    expect(await reminders()).toHaveLength(2);
  });
});

describe("the page", () => {
  it("renders the clerk's overview and the head's attendees with their actions", async () => {
    const courseId = await requested();
    const url = `/courses/${courseId}/confirmations`;
    const clerk = await renderInLayout(await cookieFor("T0002"), url, "_app.courses.$courseId.confirmations");
    expect(clerk.status).toBe(200);
    expect(clerk.html).toContain("各部门确认情况");
    expect(clerk.html).toContain("无部门负责人");
    expect(clerk.html).toContain("提醒未确认的负责人");
    const head = await renderInLayout(await cookieFor("D0101"), url, "_app.courses.$courseId.confirmations");
    expect(head.status).toBe(200);
    expect(head.html).toContain("确认课程、讲师与参训人员");
    expect(head.html).toContain("C0112");
    expect(head.html).not.toContain("C0205");
    expect(head.html).not.toContain("各部门确认情况");
    const english = await renderInLayout(await cookieFor("D0101"), url, "_app.courses.$courseId.confirmations", "en");
    expect(english.html).toContain("Confirm course, lecturer and attendees");
  });
});
