// Moving a session of an approved course keeps the rules a session is added under: it may not overlap
// another session of the same course, and it lasts at most 12 hours.
import { describe, expect, it } from "vitest";

import { rescheduleSession } from "~/domain/delivery/reschedule-session.server";
import { db } from "~/utils/db.server";

import { approvedCourse, clerkActor } from "./course-fixtures";
import { demoCompanyBeforeEachTest, demoDayAt } from "./support";

demoCompanyBeforeEachTest();

const clerk = clerkActor;

/** The company-local date of a demo day, as the move form sends it. */
const localDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** An approved outside course (no room list involved) with two sessions in 5 days: 09:00–12:00, 14:00–17:00. */
async function approvedCourseWithTwoSessions() {
  const course = await approvedCourse({
    title: "改期规则测试课程",
    sessions: {
      create: [
        { startsAt: demoDayAt("09:00", 5), endsAt: demoDayAt("12:00", 5), location: "培训室 A301" },
        { startsAt: demoDayAt("14:00", 5), endsAt: demoDayAt("17:00", 5), location: "培训室 A301" },
      ],
    },
  });
  return { courseId: course.id, morning: course.sessions[0], afternoon: course.sessions[1] };
}

describe("moving a session", () => {
  it("onto another session of the same course is refused; right after it is fine", async () => {
    const { courseId, morning, afternoon } = await approvedCourseWithTwoSessions();
    const move = { date: localDate(demoDayAt("12:00", 5)), location: "培训室 A301", reason: "讲师时间调整" };
    expect(
      await rescheduleSession(await clerk(), courseId, afternoon.id, { ...move, start: "11:00", end: "13:00" }),
    ).toMatchObject({ ok: false, error: "course.validation.sessionOverlap", field: "start" });
    expect(await db.courseSession.findUniqueOrThrow({ where: { id: afternoon.id } })).toMatchObject({
      startsAt: afternoon.startsAt,
      endsAt: afternoon.endsAt,
    });
    expect(
      await rescheduleSession(await clerk(), courseId, afternoon.id, { ...move, start: "12:00", end: "15:00" }),
    ).toMatchObject({ ok: true, changed: true });
    // A session moved within its own old time is no clash with itself.
    expect(
      await rescheduleSession(await clerk(), courseId, morning.id, { ...move, start: "08:30", end: "11:30" }),
    ).toMatchObject({ ok: true, changed: true });
  });

  it("to longer than 12 hours is refused on its end time", async () => {
    const { courseId, morning } = await approvedCourseWithTwoSessions();
    const move = { date: localDate(demoDayAt("12:00", 6)), location: "培训室 A301", reason: "改为全天" };
    expect(
      await rescheduleSession(await clerk(), courseId, morning.id, { ...move, start: "01:00", end: "22:30" }),
    ).toMatchObject({ ok: false, error: 'course.validation.sessionTooLong::{"hours":12}', field: "end" });
    expect(await db.auditEntry.count({ where: { action: "notices.rescheduled", entityId: courseId } })).toBe(0);
    expect(
      await rescheduleSession(await clerk(), courseId, morning.id, { ...move, start: "08:00", end: "20:00" }),
    ).toMatchObject({ ok: true, changed: true });
  });
});
