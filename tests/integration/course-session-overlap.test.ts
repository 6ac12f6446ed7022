// One course cannot clash with itself: overlapping sessions of a course are refused, and the clash list
// counts people per other course instead of listing each person for each session.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { as, courseForm, seededItem, today, YEAR, idFrom, type CoursePage } from "./course-support";
import { demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
const day = (d: number) => `${YEAR}-${String(today.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

async function draftWithSession() {
  const clerk = await as("T0002");
  const courseId = idFrom((await clerk.createCourse((await seededItem()).id, courseForm({ capacity: "60" }))).location);
  const added = await clerk.course(courseId, {
    intent: "addSession",
    date: day(10),
    start: "09:00",
    end: "12:00",
    location: "培训室 B201",
  });
  expect(added.status).toBe(302);
  return { clerk, courseId };
}

describe("sessions of one course", () => {
  it("refuses a session that overlaps one the course already has, and keeps back-to-back ones", async () => {
    const { clerk, courseId } = await draftWithSession();
    const overlapping = await clerk.course(courseId, {
      intent: "addSession",
      date: day(10),
      start: "11:00",
      end: "13:00",
      location: "培训室 B202",
    });
    expect(overlapping).toMatchObject({
      status: 400,
      body: { errors: { start: "course.validation.sessionOverlap" } },
    });
    expect(await db.courseSession.count({ where: { courseId } })).toBe(1);
    const after = await clerk.course(courseId, {
      intent: "addSession",
      date: day(10),
      start: "12:00",
      end: "13:00",
      location: "培训室 B202",
    });
    expect(after.status).toBe(302);
    expect(await db.courseSession.count({ where: { courseId } })).toBe(2);
  });

  it("lists the clashes of a course's own overlapping sessions (older data) once, with a count", async () => {
    const { clerk, courseId } = await draftWithSession();
    const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
    expect((await clerk.course(courseId, { intent: "addAttendees", departmentId: col1.id })).status).toBe(302);
    const attendees = await db.courseAttendee.count({ where: { courseId } });
    const first = await db.courseSession.findFirstOrThrow({ where: { courseId } });
    // Written straight to the table, as courses from before the rule may have them.
    await db.courseSession.create({
      data: {
        courseId,
        startsAt: new Date(first.startsAt.getTime() + 3_600_000),
        endsAt: new Date(first.endsAt.getTime() + 3_600_000),
        location: "培训室 B203",
      },
    });
    const page = (await clerk.viewCourse(courseId)).body as CoursePage;
    const own = page.clashes.groups.people.filter((g) => g.self);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ count: attendees });
    expect(own[0].first.length).toBeLessThanOrEqual(5);
  });
});
