// The demo's evaluations: about seven in ten invitations answered, a day or two later and never after the
// seed's day, mostly 4–5, their to-dos closed; the rest still open on the attendees' lists.
import { beforeEach, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { seedEvaluations } from "../../prisma/seed/evaluations";

import { surveyedCourse } from "./evaluation-fixture";
import { DEMO_AT, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

const HOUR = 3_600_000;
const everyone = (prefix: string, from: number, to: number) =>
  Object.fromEntries(
    Array.from({ length: to - from + 1 }, (_, i) => [
      `${prefix}${String(from + i).padStart(2, "0")}`,
      "PRESENT" as const,
    ]),
  );

let courseIds: string[];

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  const a = await surveyedCourse({
    title: "催收一部话术复训",
    lecturer: "T0003",
    attendees: everyone("C01", 1, 20),
    daysAgo: 20,
  });
  const b = await surveyedCourse({
    title: "催收二部话术复训",
    lecturer: "T0001",
    attendees: everyone("C02", 1, 20),
    daysAgo: 12,
  });
  const c = await surveyedCourse({
    title: "集团客户服务标准",
    lecturer: { external: "吴敏" },
    attendees: everyone("K01", 1, 5),
    daysAgo: 30,
  });
  courseIds = [a.courseId, b.courseId, c.courseId];
});

it("answers about 70% of the open invitations, realistically, and closes their to-dos", async () => {
  await db.$transaction((tx) => seedEvaluations(tx, DEMO_AT), { timeout: 30_000 });
  const invites = await db.courseSurveyInvite.findMany({ where: { courseId: { in: courseIds } } });
  const answered = invites.filter((i) => i.answeredAt);
  expect(invites).toHaveLength(45);
  expect(answered.length / invites.length).toBeGreaterThan(0.55);
  expect(answered.length / invites.length).toBeLessThan(0.85);
  for (const i of answered) {
    const delay = i.answeredAt!.getTime() - i.invitedAt.getTime();
    expect(delay).toBeGreaterThanOrEqual(HOUR);
    expect(delay).toBeLessThanOrEqual(48 * HOUR);
    expect(i.answeredAt!.getTime()).toBeLessThanOrEqual(DEMO_AT.getTime());
  }

  const evaluations = await db.courseEvaluation.findMany({ where: { courseId: { in: courseIds } } });
  expect(evaluations.map((e) => `${e.courseId}:${e.personId}`).sort()).toEqual(
    answered.map((i) => `${i.courseId}:${i.personId}`).sort(),
  );
  const scores = evaluations.flatMap((e) => [e.courseScore, e.lecturerScore, e.venueScore, e.usefulnessScore]);
  expect(Math.min(...scores)).toBeGreaterThanOrEqual(2);
  expect(Math.max(...scores)).toBe(5);
  expect(scores.filter((s) => s >= 4).length / scores.length).toBeGreaterThan(0.7);
  expect(scores.filter((s) => s === 3).length).toBeGreaterThan(0);
  expect(evaluations.filter((e) => e.comment).length).toBeGreaterThan(3);
  const external = evaluations.filter((e) => e.courseId === courseIds[2]);
  for (const e of external) expect(e.lecturerName).toBe("吴敏");
  for (const e of evaluations)
    expect(e.submittedAt).toEqual(
      answered.find((i) => i.personId === e.personId && i.courseId === e.courseId)!.answeredAt,
    );

  const todos = await db.todoItem.findMany({ where: { sourceType: "CourseSurvey", sourceId: { in: courseIds } } });
  expect(todos).toHaveLength(45);
  for (const t of todos) {
    const invite = invites.find((i) => i.personId === t.personId && i.courseId === t.sourceId)!;
    // Answered: done when answered. Not answered within two weeks: put away then. Otherwise still open.
    const putAway = new Date(invite.invitedAt.getTime() + 14 * 86_400_000);
    const expected = invite.answeredAt ?? (putAway < DEMO_AT ? putAway : null);
    expect(t.doneAt, `${t.personId}`).toEqual(expected);
  }
  // C0101 keeps the survey of their latest course to answer in the demo.
  const c0101 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0101" } });
  expect(invites.find((i) => i.personId === c0101.id)!.answeredAt).toBeNull();
});

it("leaves an invitation made just now open: nobody answers within the hour", async () => {
  const fresh = await surveyedCourse({
    title: "刚结束的课程",
    lecturer: "T0003",
    attendees: everyone("C01", 11, 20),
    startsAt: new Date(DEMO_AT.getTime() - 27 * HOUR),
  });
  await db.$transaction((tx) => seedEvaluations(tx, new Date(fresh.invitedAt.getTime() + 30 * 60_000)));
  expect(await db.courseEvaluation.count({ where: { courseId: fresh.courseId } })).toBe(0);
});
