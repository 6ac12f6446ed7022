// Step 009, the attendees' side: publishing a course's notice, moving a session, cancelling, reminders.
import ical from "node-ical";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { cancelCourse } from "~/domain/delivery/cancel-course.server";
import { publishCourse } from "~/domain/delivery/publish-course.server";
import { queueDueReminders } from "~/domain/delivery/reminders.server";
import { rescheduleSession } from "~/domain/delivery/reschedule-session.server";
import { action as noticesAction } from "~/routes/_app.courses.$courseId.notices";
import { loader as myLoader } from "~/routes/_app.my-training.$courseId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { parseMessage } from "~/utils/validation";

import { approvedCourse, clerkActor } from "./course-fixtures";
import {
  cookieFor,
  DEMO_AT,
  demoDayAt,
  outcome,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const ctx = { context: { cspNonce: "" } };
const clerkOf = clerkActor;

/** An approved course of 催收一部's agents, in preparation, its session in 5 days; two items on its checklist. */
async function preparedCourse() {
  const people = await db.person.findMany({
    where: { employeeNo: { startsWith: "C01" } },
    orderBy: { employeeNo: "asc" },
    take: 4,
    select: { id: true, employeeNo: true, email: true },
  });
  // One of them has no e-mail address: listed, never a failure.
  await db.person.update({ where: { id: people[3].id }, data: { email: null } });
  await db.person.updateMany({
    where: { id: { in: people.slice(0, 3).map((p) => p.id) } },
    data: { email: "x@example.com" },
  });
  const a301 = await db.room.findFirstOrThrow({ where: { name: "培训室 A301" } });
  const course = await approvedCourse({
    title: "通知测试课程",
    sessions: {
      create: [
        { startsAt: demoDayAt("09:00", 5), endsAt: demoDayAt("12:00", 5), location: "培训室 A301", roomId: a301.id },
      ],
    },
    attendees: { create: people.map((p) => ({ personId: p.id })) },
    delivery: { create: { bringItems: "笔记本" } },
    preparation: {
      create: [
        { key: "room", sortOrder: 1 },
        { key: "materials", sortOrder: 2 },
      ],
    },
  });
  return { courseId: course.id, sessionId: course.sessions[0].id, people, roomId: a301.id };
}

const tickAll = (courseId: string) =>
  db.preparationItem.updateMany({ where: { courseId }, data: { doneAt: DEMO_AT, doneByName: "测试" } });
const mails = (courseId: string, kind?: string) =>
  db.outboxMessage.findMany({
    where: { sourceType: "Course", sourceId: courseId, ...(kind ? { kind } : {}) },
    orderBy: { toAddress: "asc" },
  });
const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === "VEVENT") as ical.VEvent[];

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  freezeClock(DEMO_AT);
});
afterEach(() => setClock(null));

describe("publishing a course's notice", () => {
  it("is refused while the checklist is incomplete, and writes nothing", async () => {
    const { courseId } = await preparedCourse();
    const result = await publishCourse(await clerkOf(), courseId);
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(!result.ok && result.error).toMatch(/^notices\.errors\.checklistIncomplete::/);
    expect((await db.courseDelivery.findUniqueOrThrow({ where: { courseId } })).state).toBe("PREPARING");
    expect(await mails(courseId)).toHaveLength(0);
    expect(await db.todoItem.count({ where: { sourceId: courseId } })).toBe(0);
    // Through the page, the clerk reads why in Chinese.
    const cookie = await cookieFor("T0002");
    const answer = await outcome(() =>
      noticesAction({
        request: requestAs(cookie, `/courses/${courseId}/notices`, { form: { intent: "publish", version: "0" } }),
        params: { courseId },
        ...ctx,
      }),
    );
    expect(answer.status).toBe(409);
    const { key, params } = parseMessage((answer.body as { errors: { _form: string } }).errors._form);
    expect(serverT("zh-CN")(key, params)).toBe(
      "准备清单尚未全部完成（还有 2 项），不能发布；如需提前发布，请培训部负责人填写原因后放行",
    );
  });

  it("is allowed with the training manager's override", async () => {
    const { courseId } = await preparedCourse();
    await db.courseDelivery.update({
      where: { courseId },
      data: { overrideReason: "场地已口头确认", overrideAt: DEMO_AT },
    });
    expect(await publishCourse(await clerkOf(), courseId)).toMatchObject({ ok: true });
  });

  it("writes a to-do per attendee, a mail with an invite per attendee with e-mail; lists the rest", async () => {
    const { courseId, people, sessionId } = await preparedCourse();
    await tickAll(courseId);
    const result = await publishCourse(await clerkOf(), courseId);
    expect(result).toEqual({
      ok: true,
      attendees: 4,
      mails: 3,
      withoutEmail: [expect.objectContaining({ employeeNo: people[3].employeeNo })],
    });
    const todos = await db.todoItem.findMany({ where: { sourceId: courseId, kind: "course.notice", doneAt: null } });
    expect(todos.map((t) => t.personId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(todos[0].href).toBe(`/my-training/${courseId}`);
    const sent = await mails(courseId, "course.notice");
    expect(sent.map((m) => m.toPersonId).sort()).toEqual(
      people
        .slice(0, 3)
        .map((p) => p.id)
        .sort(),
    );
    const [event] = events(sent[0].ics!);
    expect(event.uid).toBe(`${sessionId}@traingate`);
    expect(event.start.toISOString()).toBe(demoDayAt("09:00", 5).toISOString());
    expect((event.start as Date & { tz?: string }).tz).toBe("Asia/Shanghai");
    expect(sent[0].icsMethod).toBe("REQUEST");
    expect(sent[0].text).toContain("请携带：笔记本");
    expect(await db.sessionInvite.count({ where: { courseId } })).toBe(4);
    expect(await db.auditEntry.count({ where: { action: "notices.published", entityId: courseId } })).toBe(1);
  });

  it("lets one of two simultaneous publishes win; the other gets a conflict", async () => {
    const { courseId } = await preparedCourse();
    await tickAll(courseId);
    const clerk = await clerkOf();
    const results = await Promise.all([publishCourse(clerk, courseId), publishCourse(clerk, courseId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
    expect(await mails(courseId)).toHaveLength(3);
  });

  it("is refused once the first session has started", async () => {
    const { courseId } = await preparedCourse();
    await tickAll(courseId);
    freezeClock(demoDayAt("09:30", 5));
    expect(await publishCourse(await clerkOf(), courseId)).toMatchObject({
      ok: false,
      error: "notices.errors.started",
    });
  });
});

describe("after publishing", () => {
  async function published() {
    const fixture = await preparedCourse();
    await tickAll(fixture.courseId);
    expect(await publishCourse(await clerkOf(), fixture.courseId)).toMatchObject({ ok: true });
    return fixture;
  }
  const a301 = () => db.room.findFirstOrThrow({ where: { name: "培训室 A301" } });
  const moveByAnHour = async (courseId: string, sessionId: string, reason = "会议室冲突") => {
    const start = demoDayAt("10:00", 5);
    const date = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const roomId = (await a301()).id;
    return rescheduleSession(await clerkOf(), courseId, sessionId, {
      date,
      start: "10:00",
      end: "13:00",
      roomId,
      reason,
    });
  };

  it("moving a session by an hour sends everyone an update: same UID, higher SEQUENCE, what changed", async () => {
    const { courseId, sessionId } = await published();
    expect(await moveByAnHour(courseId, sessionId)).toMatchObject({ ok: true, changed: true, sync: { updated: 4 } });
    const updates = await mails(courseId, "course.update");
    expect(updates).toHaveLength(3);
    for (const m of updates) {
      const [e] = events(m.ics!);
      expect(e.uid).toBe(`${sessionId}@traingate`);
      expect(Number(e.sequence)).toBe(1);
      expect(e.start.toISOString()).toBe(demoDayAt("10:00", 5).toISOString());
      expect(m.text).toMatch(/时间 .*09:00–12:00 → .*10:00–13:00/);
      expect(m.text).toContain("变更原因：会议室冲突");
    }
    expect(await db.auditEntry.count({ where: { action: "notices.rescheduled", entityId: courseId } })).toBe(1);
    // The same time again changes nothing and sends nothing.
    expect(await moveByAnHour(courseId, sessionId)).toMatchObject({ ok: true, changed: false });
    expect(await mails(courseId, "course.update")).toHaveLength(3);
  });

  it("refuses a move without a reason, into the past, or ending before it starts", async () => {
    const { courseId, sessionId } = await published();
    const clerk = await clerkOf();
    const date = new Date(demoDayAt("12:00", 5).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const past = new Date(demoDayAt("12:00", -1).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const base = { date, start: "10:00", end: "13:00", roomId: (await a301()).id, reason: "原因" };
    expect(await rescheduleSession(clerk, courseId, sessionId, { ...base, reason: " " })).toMatchObject({
      ok: false,
      field: "reason",
    });
    expect(await rescheduleSession(clerk, courseId, sessionId, { ...base, date: past })).toMatchObject({
      error: "notices.errors.past",
    });
    expect(await rescheduleSession(clerk, courseId, sessionId, { ...base, end: "09:00" })).toMatchObject({
      error: "notices.errors.endBeforeStart",
    });
    expect(await mails(courseId, "course.update")).toHaveLength(0);
  });

  it("cancelling sends METHOD:CANCEL to everyone, and swaps the notice to-do for a cancellation", async () => {
    const { courseId, sessionId } = await published();
    expect(await cancelCourse(await clerkOf(), courseId, { reason: "讲师病假" })).toMatchObject({
      ok: true,
      sync: { cancelled: 4 },
    });
    const cancels = await mails(courseId, "course.cancel");
    expect(cancels).toHaveLength(3);
    for (const m of cancels) {
      expect(m.icsMethod).toBe("CANCEL");
      expect(m.ics).toMatch(/^METHOD:CANCEL\r$/m);
      const [e] = events(m.ics!);
      expect(e.uid).toBe(`${sessionId}@traingate`);
      expect(Number(e.sequence)).toBe(1);
    }
    expect(await db.todoItem.count({ where: { sourceId: courseId, kind: "course.notice", doneAt: null } })).toBe(0);
    expect(await db.todoItem.count({ where: { sourceId: courseId, kind: "course.cancelled", doneAt: null } })).toBe(4);
  });

  it("a withdrawn attendee gets a cancellation, a new one the notice", async () => {
    const { courseId, people } = await published();
    const newcomer = await db.person.findFirstOrThrow({ where: { employeeNo: { startsWith: "C02" } } });
    await db.person.update({ where: { id: newcomer.id }, data: { email: "n@example.com" } });
    await db.courseAttendee.delete({ where: { courseId_personId: { courseId, personId: people[0].id } } });
    await db.courseAttendee.create({ data: { courseId, personId: newcomer.id } });
    const { syncInvites } = await import("~/domain/delivery/sync-invites.server");
    const sync = await db.$transaction((tx) =>
      clerkOf().then((actor) => syncInvites(tx, courseId, { actor, reason: "人员调整" })),
    );
    expect(sync).toMatchObject({ invited: 1, cancelled: 1, updated: 0 });
    expect((await mails(courseId, "course.cancel")).map((m) => m.toPersonId)).toEqual([people[0].id]);
    expect((await mails(courseId, "course.notice")).map((m) => m.toPersonId)).toContain(newcomer.id);
  });

  it("reminds each person once, within the lead time, even when two runs race", async () => {
    const { courseId } = await published();
    freezeClock(demoDayAt("08:00", 3));
    expect(await queueDueReminders(demoDayAt("08:00", 3))).toBe(0);
    const at = demoDayAt("10:00", 4);
    freezeClock(at);
    const runs = await Promise.all([queueDueReminders(at), queueDueReminders(at)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(4);
    expect(await mails(courseId, "course.reminder")).toHaveLength(3);
    expect(await queueDueReminders(at)).toBe(0);
  });
});

describe("who may act", () => {
  it("agents and department heads get 403 on the actions", async () => {
    const { courseId } = await preparedCourse();
    for (const employeeNo of ["C0101", "D0101"]) {
      const cookie = await cookieFor(employeeNo);
      const result = await outcome(() =>
        noticesAction({
          request: requestAs(cookie, `/courses/${courseId}/notices`, { form: { intent: "publish", version: "0" } }),
          params: { courseId },
          ...ctx,
        }),
      );
      expect(result.status).toBe(403);
    }
  });

  it("an attendee reads their notice; anyone else gets 404", async () => {
    const { courseId, people } = await preparedCourse();
    const attendee = await db.person.findUniqueOrThrow({ where: { id: people[0].id } });
    const read = (employeeNo: string) =>
      cookieFor(employeeNo).then((cookie) =>
        outcome(() =>
          myLoader({ request: requestAs(cookie, `/my-training/${courseId}`), params: { courseId }, ...ctx }),
        ),
      );
    expect((await read(attendee.employeeNo)).status).toBe(200);
    expect((await read("C0201")).status).toBe(404);
  });

  it("the clerk's page lists who has no e-mail before publishing; the attendee's page shows the notice", async () => {
    const { courseId, people } = await preparedCourse();
    await tickAll(courseId);
    const noMail = await db.person.findUniqueOrThrow({ where: { id: people[3].id } });
    const page = await renderInLayout(
      await cookieFor("T0002"),
      `/courses/${courseId}/notices?confirm=publish`,
      "_app.courses.$courseId.notices",
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain("确认发布");
    expect(page.html).toContain(noMail.employeeNo);
    // With an item open on the checklist the confirmation step says why it cannot be published, and offers no button.
    const item = await db.preparationItem.findFirstOrThrow({ where: { courseId } });
    await db.preparationItem.update({ where: { id: item.id }, data: { doneAt: null } });
    const blocked = await renderInLayout(
      await cookieFor("T0002"),
      `/courses/${courseId}/notices?confirm=publish`,
      "_app.courses.$courseId.notices",
    );
    expect(blocked.html).toContain("准备清单尚未全部完成（还有 1 项）");
    expect(blocked.html).not.toContain("确认发布");
    const attendee = await db.person.findUniqueOrThrow({ where: { id: people[0].id } });
    const mine = await renderInLayout(
      await cookieFor(attendee.employeeNo),
      `/my-training/${courseId}`,
      "_app.my-training.$courseId",
    );
    expect(mine.status).toBe(200);
    expect(mine.html).toContain("通知测试课程");
    expect(mine.html).toContain(`/my-training/${courseId}/calendar.ics`);
  });
});

describe("the internal lecturer's calendar", () => {
  it("gets the invite on publishing, the update when a session moves and the cancellation", async () => {
    const { courseId, sessionId, roomId } = await preparedCourse();
    const lecturer = await db.person.update({
      where: { employeeNo: "T0003" },
      data: { email: "t0003@example.com" },
    });
    await db.course.update({
      where: { id: courseId },
      data: { lecturerKind: "INTERNAL", lecturerId: lecturer.id, externalLecturer: null, externalOrg: null },
    });
    await tickAll(courseId);
    const clerk = await clerkOf();
    expect(await publishCourse(clerk, courseId)).toMatchObject({ ok: true, attendees: 4, mails: 3 });
    const toLecturer = async (kind: string) =>
      (await mails(courseId, kind)).filter((m) => m.toAddress === "t0003@example.com");
    expect(await toLecturer("course.notice")).toHaveLength(1);

    const start = demoDayAt("10:00", 5);
    const date = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const moved = await rescheduleSession(clerk, courseId, sessionId, {
      date,
      start: "10:00",
      end: "13:00",
      roomId,
      reason: "会议室冲突",
    });
    expect(moved).toMatchObject({ ok: true, sync: { updated: 4 } });
    const [update] = await toLecturer("course.update");
    expect(Number(events(update.ics!)[0].sequence)).toBe(1);

    expect(await cancelCourse(clerk, courseId, { reason: "讲师出差" })).toMatchObject({ ok: true });
    const [cancel] = await toLecturer("course.cancel");
    expect(cancel.ics).toContain("METHOD:CANCEL");
  });
});
