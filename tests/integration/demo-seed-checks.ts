// What the demo seed must have made on any day it runs (prisma/seed): read-only checks for the tests that seed it
// (demo-dates.test.ts, on the days the suite must survive) or read the run's demo company (leave-seed.test.ts).
import { TZDate } from "@date-fns/tz";
import { expect } from "vitest";

import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { DEMO_ZONE, demoHistoryMonths } from "../../prisma/seed/demo-calendar";

/**
 * The demo's leave forms: consistent with the workflow (state = the last decision's), filed before their session,
 * nothing dated after `at`.
 */
export async function expectLeaveFormsConsistent(at: Date) {
  const forms = await db.leaveRequest.findMany({
    include: {
      session: { select: { startsAt: true } },
      person: { select: { employeeNo: true } },
      approval: { include: { decisions: { orderBy: { at: "asc" } } } },
    },
  });
  for (const form of forms) {
    const decisions = form.approval.decisions;
    expect(decisions[0]).toMatchObject({ action: "SUBMIT", revision: 1, actorId: form.personId });
    expect(decisions.at(-1)!.toState).toBe(form.approval.state);
    expect(form.createdAt.getTime()).toBeLessThan(form.session.startsAt.getTime());
    expect(form.person.employeeNo).toMatch(/^C01/);
    for (const d of decisions) expect(d.at.getTime()).toBeLessThanOrEqual(at.getTime());
    if (form.acknowledgedAt) expect(form.approval.state).toBe("APPROVED");
  }
  const todos = await db.todoItem.findMany({ where: { kind: { startsWith: "leave." } } });
  for (const t of todos) expect(t.createdAt.getTime()).toBeLessThanOrEqual(at.getTime());
  return forms;
}

const DAY = 86_400_000;
const monthStart = (year: number, month: number) => new Date(new TZDate(year, month - 1, 1, DEMO_ZONE).getTime());
const ym = (d: Date) => {
  const { year, month } = companyDate(d, DEMO_ZONE);
  return `${year}-${month}`;
};

/** The history's window: from its first month's first instant to the first instant of the demo's own months. */
function window(at: Date) {
  const months = demoHistoryMonths(at);
  const last = months[11];
  const end = last.month === 12 ? monthStart(last.year + 1, 1) : monthStart(last.year, last.month + 1);
  return { months, start: monthStart(months[0].year, months[0].month), end };
}

async function historyCourses(at: Date) {
  const { start, end } = window(at);
  return db.course.findMany({
    where: { sessions: { some: { startsAt: { gte: start, lt: end } } } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      quizId: true,
      approval: {
        select: { id: true, state: true, decisions: { orderBy: { at: "asc" }, select: { action: true, at: true } } },
      },
      delivery: { select: { state: true, publishedAt: true } },
      attendees: { select: { personId: true, person: { select: { employeeNo: true } } } },
      rules: { select: { ruleId: true } },
      monthlyItem: { select: { plan: { select: { year: true, month: true } } } },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          attendance: { select: { personId: true } },
          leaveRequests: { select: { id: true, personId: true, approval: { select: { id: true, state: true } } } },
          makeUpsMissed: { select: { personId: true } },
        },
      },
    },
  });
}

/** What a seed made of the closed year, in numbers: the same twice for the same day. */
export async function closedYearCounts(at: Date) {
  const { months, start, end } = window(at);
  const inWindow = { gte: start, lt: end };
  const courses = await historyCourses(at);
  const [attendance, attempts, asked, breaches, leave, makeUps] = await Promise.all([
    db.attendance.groupBy({ by: ["mark", "source"], where: { session: { startsAt: inWindow } }, _count: true }),
    db.quizAttempt.count({ where: { submittedAt: inWindow } }),
    db.quizAttemptQuestion.count({ where: { attempt: { submittedAt: inWindow }, correct: false } }),
    db.caseRuleBreach.groupBy({ by: ["ruleId"], where: { at: inWindow }, _count: true, orderBy: { ruleId: "asc" } }),
    db.leaveRequest.count({ where: { session: { startsAt: inWindow } } }),
    db.makeUp.count({ where: { missedSession: { startsAt: inWindow } } }),
  ]);
  return {
    plans: await db.monthlyPlan.count({ where: { OR: months } }),
    courses: courses.length,
    sessions: courses.reduce((n, c) => n + c.sessions.length, 0),
    attendees: courses.reduce((n, c) => n + c.attendees.length, 0),
    attendance: attendance.map((a) => `${a.mark}/${a.source}:${a._count}`).sort(),
    attempts,
    asked,
    breaches: breaches.map((b) => `${b.ruleId}:${b._count}`),
    leave,
    makeUps,
  };
}

/**
 * The twelve months before the demo's own plans: planned, held and over, nothing of them on anyone's list, quiz
 * attempts and breaches in every month, B6 breached less after the course that teaches it.
 */
export async function expectClosedYear(at: Date) {
  const { months, start, end } = window(at);
  // Twelve consecutive months, ending the month before the demo's earliest (two before today's).
  const today = companyDate(at, DEMO_ZONE);
  const index = (m: { year: number; month: number }) => m.year * 12 + m.month - 1;
  expect(months.map(index)).toEqual(Array.from({ length: 12 }, (_, i) => index(today) - 14 + i));
  expect(end.getTime()).toBeLessThanOrEqual(at.getTime());

  // An approved annual plan for every year the months touch, an approved monthly plan of 2–4 items each.
  const years = [...new Set(months.map((m) => m.year))];
  const annual = await db.annualPlan.findMany({ where: { year: { in: years } }, select: { approval: true } });
  expect(annual.map((p) => p.approval.state)).toEqual(years.map(() => "APPROVED"));
  for (const m of months) {
    const plan = await db.monthlyPlan.findUniqueOrThrow({
      where: { year_month: m },
      select: { approval: { select: { state: true } }, items: { select: { _count: { select: { courses: true } } } } },
    });
    expect(plan.approval.state).toBe("APPROVED");
    expect(plan.items.length).toBeGreaterThanOrEqual(2);
    expect(plan.items.length).toBeLessThanOrEqual(4);
    for (const item of plan.items) expect(item._count.courses).toBeGreaterThan(0);
  }

  const courses = await historyCourses(at);
  expect(courses.length).toBeGreaterThanOrEqual(months.length * 2);
  for (const c of courses) {
    // Approved (the last decision approves), published before its first session, every session in its
    // plan's month, on a working day, over before today.
    expect(c.approval.state).toBe("APPROVED");
    expect(c.approval.decisions.at(-1)!.action).toBe("APPROVE");
    expect(c.delivery).toMatchObject({ state: "PUBLISHED" });
    expect(c.delivery!.publishedAt!.getTime()).toBeLessThanOrEqual(c.sessions[0].startsAt.getTime());
    for (const s of c.sessions) {
      expect(ym(s.startsAt)).toBe(`${c.monthlyItem.plan.year}-${c.monthlyItem.plan.month}`);
      expect(s.endsAt.getTime()).toBeLessThanOrEqual(at.getTime());
      const weekday = new TZDate(s.startsAt.getTime(), DEMO_ZONE).getDay();
      expect([1, 2, 3, 4, 5]).toContain(weekday);
      // Everyone on the course has a mark, or approved leave (then a make-up was booked).
      const marked = new Set(s.attendance.map((a) => a.personId));
      const excused = new Set(s.leaveRequests.filter((l) => l.approval.state === "APPROVED").map((l) => l.personId));
      for (const a of c.attendees) expect(marked.has(a.personId) || excused.has(a.personId)).toBe(true);
      for (const l of excused) expect(s.makeUpsMissed.map((m) => m.personId)).toContain(l);
    }
    if (c.quizId) expect(c.rules.length).toBeGreaterThan(0);
  }

  // Nothing of it sits on anyone's list (make-up offers name "sessionId:personId").
  const ids = courses.flatMap((c) => [
    c.id,
    c.approval.id,
    ...c.sessions.flatMap((s) => [s.id, ...s.leaveRequests.flatMap((l) => [l.id, l.approval.id])]),
  ]);
  const todos = await db.todoItem.findMany({ where: { doneAt: null }, select: { sourceId: true } });
  expect(todos.filter((t) => ids.some((id) => t.sourceId.startsWith(id)))).toEqual([]);

  // Quiz attempts (with their questions) and breaches in both collection departments, every month.
  const inWindow = { gte: start, lt: end };
  const attempts = await db.quizAttempt.findMany({
    where: { submittedAt: inWindow, status: "SUBMITTED" },
    select: { submittedAt: true, missedRuleIds: true, questions: { select: { ruleIds: true, correct: true } } },
  });
  const breaches = await db.caseRuleBreach.findMany({
    where: { at: inWindow },
    select: { at: true, ruleId: true, person: { select: { department: { select: { parent: true } } } } },
  });
  for (const m of months) {
    const key = `${m.year}-${m.month}`;
    expect(attempts.filter((a) => ym(a.submittedAt!) === key).length).toBeGreaterThan(0);
    for (const code of ["COL1", "COL2"])
      expect(
        breaches.filter((b) => ym(b.at) === key && b.person.department.parent?.code === code).length,
      ).toBeGreaterThan(0);
  }
  for (const a of attempts.filter((x) => x.questions.length > 0)) {
    const missed = new Set(a.questions.filter((q) => !q.correct).flatMap((q) => q.ruleIds));
    expect([...missed].sort()).toEqual([...a.missedRuleIds].sort());
  }

  // B6 falls after a department's course on it: breaches a working day before it against after it,
  // around the course with at least 20 working days of history on each side.
  for (const code of ["COL1", "COL2"]) {
    const b6Courses = courses
      .filter(
        (c) =>
          c.rules.some((r) => r.ruleId === "B6") &&
          c.attendees.some((a) => a.person.employeeNo.startsWith(code === "COL1" ? "C01" : "C02")),
      )
      .map((c) => c.sessions.at(-1)!.endsAt.getTime())
      .sort((a, b) => a - b);
    expect(b6Courses.length).toBeGreaterThan(0);
    const bounds = [start.getTime(), ...b6Courses, end.getTime()];
    const b6 = breaches.filter((b) => b.ruleId === "B6" && b.person.department.parent?.code === code);
    const rate = (from: number, to: number) =>
      b6.filter((b) => b.at.getTime() >= from && b.at.getTime() < to).length / ((to - from) / DAY);
    const around = b6Courses
      .map((_, i) => [bounds[i], bounds[i + 1], bounds[i + 2]])
      .find(([from, course, to]) => course - from >= 28 * DAY && to - course >= 28 * DAY);
    expect(around).toBeDefined();
    const [from, course, to] = around!;
    expect(rate(course, to)).toBeLessThan(rate(from, course));
  }
}
