// Moving a session (step 009) to a listed room: in-house training picks a room that seats its attendees and is
// free then; 外部培训 and 集团培训 keep a typed venue. Invites follow as before (same UID, higher SEQUENCE).
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { publishCourse } from "~/domain/delivery/publish-course.server";
import { rescheduleSession } from "~/domain/delivery/reschedule-session.server";
import { action as noticesAction } from "~/routes/_app.courses.$courseId.notices";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { parseMessage } from "~/utils/validation";

import { approvedCourse, clerkActor } from "./course-fixtures";
import {
  cookieFor,
  DEMO_AT,
  demoCompanyBeforeEachTest,
  demoDayAt,
  flashOf,
  outcome,
  renderInLayout,
  requestAs,
  seedDemoCompany,
} from "./support";

const ctx = { context: { cspNonce: "" } };
const clerkOf = clerkActor;
const roomNamed = (name: string) => db.room.findFirstOrThrow({ where: { name } });
// The session's day in 5 days, as the form sends it (company time, UTC+8).
const day = () => new Date(demoDayAt("12:00", 5).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A published course of 4 agents with one session in 5 days in 培训室 A301, in-house or held outside. */
async function publishedCourse(category: "IN_HOUSE" | "EXTERNAL") {
  const { monthlyItemId } = await db.course.findFirstOrThrow({
    where: { monthlyItem: { category: { notIn: ["EXTERNAL", "GROUP"] } } },
    select: { monthlyItemId: true },
  });
  // Held outside: the monthly item's category says so (each test starts from the demo company again).
  if (category === "EXTERNAL") await db.monthlyPlanItem.update({ where: { id: monthlyItemId }, data: { category } });
  // Four new agents: the demo's own agents attend courses on days that move with the run's date, and a session
  // of theirs at the new time would refuse the move (an attendee clash) before the room is looked at.
  const { departmentId } = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0101" } });
  const people = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      db.person.create({
        data: { employeeNo: `R900${i}`, name: `改期学员${i}`, departmentId, post: "催收员", email: "x@example.com" },
        select: { id: true },
      }),
    ),
  );
  const a301 = await roomNamed("培训室 A301");
  const course = await approvedCourse({
    monthlyItemId,
    title: "改期测试课程",
    sessions: {
      create: [
        {
          startsAt: demoDayAt("09:00", 5),
          endsAt: demoDayAt("12:00", 5),
          location: category === "EXTERNAL" ? "某机构报告厅" : a301.name,
          roomId: category === "EXTERNAL" ? null : a301.id,
        },
      ],
    },
    attendees: { create: people.map((p) => ({ personId: p.id })) },
    delivery: { create: { bringItems: "笔记本" } },
  });
  expect(await publishCourse(await clerkOf(), course.id)).toMatchObject({ ok: true });
  return { courseId: course.id, sessionId: course.sessions[0].id };
}

const sessionOf = (id: string) => db.courseSession.findUniqueOrThrow({ where: { id } });
const updates = (courseId: string) =>
  db.outboxMessage.findMany({ where: { sourceType: "Course", sourceId: courseId, kind: "course.update" } });

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  freezeClock(DEMO_AT);
});
afterEach(() => setClock(null));

describe("moving a session of in-house training", () => {
  it("to another listed room: the room's name is printed and invited, with a higher SEQUENCE", async () => {
    const { courseId, sessionId } = await publishedCourse("IN_HOUSE");
    const b201 = await roomNamed("培训室 B201");
    const moved = await rescheduleSession(await clerkOf(), courseId, sessionId, {
      date: day(),
      start: "09:00",
      end: "12:00",
      roomId: b201.id,
      reason: "A301 投影仪维修",
    });
    expect(moved).toMatchObject({ ok: true, changed: true, sync: { updated: 4 } });
    const after = await sessionOf(sessionId);
    expect(after).toMatchObject({ roomId: b201.id, location: "培训室 B201", sequence: 1 });
    const sent = await updates(courseId);
    expect(sent).toHaveLength(4);
    for (const m of sent) {
      expect(m.ics).toContain(`UID:${sessionId}@traingate`);
      expect(m.ics).toContain("SEQUENCE:1");
      expect(m.ics).toContain("LOCATION:培训室 B201");
    }
  });

  it("refuses a room too small, saying the room, its seats and the count; nothing changes", async () => {
    const { courseId, sessionId } = await publishedCourse("IN_HOUSE");
    const small = await roomNamed("培训部小会议室");
    await db.room.update({ where: { id: small.id }, data: { capacity: 3 } });
    const result = await rescheduleSession(await clerkOf(), courseId, sessionId, {
      date: day(),
      start: "09:00",
      end: "12:00",
      roomId: small.id,
      reason: "换小教室",
    });
    expect(result).toMatchObject({ ok: false, field: "roomId", status: 400 });
    const { key, params } = parseMessage(!result.ok ? result.error : "");
    expect(serverT("zh-CN")(key, params)).toBe(
      "培训部小会议室只有 3 个座位，本场次有 4 名学员：请换一间更大的教室，或减少学员。",
    );
    expect(await sessionOf(sessionId)).toMatchObject({ location: "培训室 A301", sequence: 0 });
    expect(await updates(courseId)).toHaveLength(0);
  });

  it("refuses a room another course holds then (409), a retired room and a typed unlisted place", async () => {
    const { courseId, sessionId } = await publishedCourse("IN_HOUSE");
    const b202 = await roomNamed("培训室 B202");
    const other = await db.course.findFirstOrThrow({
      where: { id: { not: courseId } },
      select: { id: true, title: true },
    });
    await db.courseSession.create({
      data: {
        courseId: other.id,
        startsAt: demoDayAt("10:00", 5),
        endsAt: demoDayAt("11:00", 5),
        location: b202.name,
        roomId: b202.id,
      },
    });
    const clerk = await clerkOf();
    const base = { date: day(), start: "09:00", end: "12:00", reason: "换教室" };
    const taken = await rescheduleSession(clerk, courseId, sessionId, { ...base, roomId: b202.id });
    expect(taken).toMatchObject({ ok: false, status: 409, field: "roomId" });
    const { key, params } = parseMessage(!taken.ok ? taken.error : "");
    expect(serverT("zh-CN")(key, params)).toBe(`培训室 B202在该时间已被《${other.title}》占用，请换一个时间或教室`);
    // Back to back with the other course's session is fine.
    expect(
      await rescheduleSession(clerk, courseId, sessionId, { ...base, start: "11:00", end: "12:00", roomId: b202.id }),
    ).toMatchObject({ ok: true, changed: true });

    const b203 = await roomNamed("培训室 B203");
    await db.room.update({ where: { id: b203.id }, data: { retiredAt: DEMO_AT } });
    expect(await rescheduleSession(clerk, courseId, sessionId, { ...base, roomId: b203.id })).toMatchObject({
      ok: false,
      field: "roomId",
      error: "validation.invalidChoice",
    });
    const typed = await rescheduleSession(clerk, courseId, sessionId, { ...base, location: "楼下咖啡厅" });
    expect(typed).toMatchObject({ ok: false, field: "roomId" });
    expect(!typed.ok && typed.error).toMatch(/^scheduling\.rooms\.notListed::/);
    expect(await sessionOf(sessionId)).toMatchObject({ roomId: b202.id, sequence: 1 });
  });

  it("the page offers the rooms; no room is 必填 and keeps what was typed; a room moves it", async () => {
    const { courseId, sessionId } = await publishedCourse("IN_HOUSE");
    const cookie = await cookieFor("T0002");
    const page = await renderInLayout(cookie, `/courses/${courseId}/notices`, "_app.courses.$courseId.notices");
    expect(page.html).toContain(`id="roomId-${sessionId}"`);
    expect(page.html).toContain("培训室 B201（30 人）");
    expect(page.html).not.toContain(`id="location-${sessionId}"`);
    const send = (fields: Record<string, string>) =>
      outcome(() =>
        noticesAction({
          request: requestAs(cookie, `/courses/${courseId}/notices`, {
            form: { intent: "reschedule", sessionId, date: day(), start: "10:00", end: "13:00", ...fields },
          }),
          params: { courseId },
          ...ctx,
        }),
      );
    const empty = await send({ roomId: "", reason: "推迟一小时" });
    expect(empty.status).toBe(400);
    const body = empty.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(serverT("zh-CN")(body.errors.roomId)).toBe("必填。");
    expect(body.values).toMatchObject({ start: "10:00", reason: "推迟一小时" });
    expect(await sessionOf(sessionId)).toMatchObject({ sequence: 0 });

    const b201 = await roomNamed("培训室 B201");
    const done = await send({ roomId: b201.id, reason: "推迟一小时" });
    expect(done.status).toBe(302);
    expect((await flashOf(done))?.message).toBe("notices.flash.rescheduled");
    expect(await sessionOf(sessionId)).toMatchObject({ location: "培训室 B201", sequence: 1 });
  });
});

describe("moving a session of training held outside", () => {
  it("keeps a typed venue: no room select, any place, invites follow", async () => {
    const { courseId, sessionId } = await publishedCourse("EXTERNAL");
    const page = await renderInLayout(
      await cookieFor("T0002"),
      `/courses/${courseId}/notices`,
      "_app.courses.$courseId.notices",
    );
    expect(page.html).toContain(`id="location-${sessionId}"`);
    expect(page.html).not.toContain(`id="roomId-${sessionId}"`);
    const moved = await rescheduleSession(await clerkOf(), courseId, sessionId, {
      date: day(),
      start: "09:00",
      end: "12:00",
      location: "某机构 3 楼培训中心",
      reason: "机构换场地",
    });
    expect(moved).toMatchObject({ ok: true, changed: true, sync: { updated: 4 } });
    expect(await sessionOf(sessionId)).toMatchObject({ roomId: null, location: "某机构 3 楼培训中心", sequence: 1 });
    const empty = await rescheduleSession(await clerkOf(), courseId, sessionId, {
      date: day(),
      start: "09:00",
      end: "12:00",
      location: " ",
      reason: "机构换场地",
    });
    expect(empty).toMatchObject({ ok: false, field: "location", error: "validation.required" });
  });
});
