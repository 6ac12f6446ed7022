// Who may open the calendar and the questionnaire's answers: the approving leader reads the answers like
// the general manager; an agent's calendar shows the sessions of the approved courses they attend, nothing else.
import { describe, expect, it } from "vitest";

import { loader as calendarLoader } from "~/routes/_app.calendar";
import { loader as answersLoader } from "~/routes/_app.needs.$surveyId.answers";
import { db } from "~/utils/db.server";

import { cookieFor, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const ctx = { context: { cspNonce: "" } };
type CalendarPage = {
  plan: unknown;
  readsPlans: boolean;
  linksCourses: boolean;
  sessions: Array<{ id: string; courseId: string }>;
};

async function calendarOf(employeeNo: string, month: string) {
  const page = await outcome(async () =>
    calendarLoader({ request: requestAs(await cookieFor(employeeNo), `/calendar?month=${month}`), params: {}, ...ctx }),
  );
  return page;
}

describe("the approving leader and the questionnaire's answers", () => {
  it("L0001 opens 问卷结果 as G0001 and D0101 do", async () => {
    const surveyId = (await db.needsSurvey.findFirstOrThrow({ select: { id: true } })).id;
    for (const employeeNo of ["L0001", "G0001", "D0101"]) {
      const page = await outcome(async () =>
        answersLoader({
          request: requestAs(await cookieFor(employeeNo), `/needs/${surveyId}/answers`),
          params: { surveyId },
          ...ctx,
        }),
      );
      expect(page.status, employeeNo).toBe(200);
    }
  });
});

describe("an agent's calendar", () => {
  it("shows only the sessions of the approved courses the agent attends, no plan, no course links", async () => {
    // An approved course of the demo months and an agent (no role but EMPLOYEE) attending it.
    const attendance = await db.courseAttendee.findFirstOrThrow({
      where: {
        course: { approval: { state: "APPROVED" }, sessions: { some: {} } },
        person: { roles: { every: { role: "EMPLOYEE" } } },
      },
      orderBy: [{ courseId: "asc" }, { personId: "asc" }],
      select: {
        personId: true,
        person: { select: { employeeNo: true } },
        course: { select: { monthlyItem: { select: { plan: { select: { year: true, month: true } } } } } },
      },
    });
    const { year, month } = attendance.course.monthlyItem.plan;
    const ym = `${year}-${String(month).padStart(2, "0")}`;
    // The month's sessions of approved courses the agent sits: their own batch of a course split into batches
    // (ADR 0025), and any session they are booked into as a make-up.
    const { personId } = attendance;
    const candidates = await db.courseSession.findMany({
      where: { course: { approval: { state: "APPROVED" }, monthlyItem: { plan: { year, month } } } },
      select: {
        id: true,
        batch: true,
        course: { select: { batchCount: true, attendees: { where: { personId }, select: { batch: true } } } },
        makeUpsHere: { where: { personId }, select: { id: true } },
      },
    });
    const mine = candidates.filter(
      (s) =>
        s.makeUpsHere.length > 0 || s.course.attendees.some((a) => s.course.batchCount === 1 || a.batch === s.batch),
    );

    const page = await calendarOf(attendance.person.employeeNo, ym);
    expect(page.status).toBe(200);
    const body = page.body as CalendarPage;
    expect(body.sessions.map((s) => s.id).sort()).toEqual(mine.map((s) => s.id).sort());
    expect(body.sessions.length).toBeGreaterThan(0);
    expect({ plan: body.plan, readsPlans: body.readsPlans, linksCourses: body.linksCourses }).toEqual({
      plan: null,
      readsPlans: false,
      linksCourses: false,
    });
  });

  it("leaves out a course the agent attends until it is approved", async () => {
    const attendance = await db.courseAttendee.findFirstOrThrow({
      where: {
        course: { approval: { state: "APPROVED" }, sessions: { some: {} } },
        person: { roles: { every: { role: "EMPLOYEE" } } },
      },
      select: {
        courseId: true,
        person: { select: { employeeNo: true } },
        course: {
          select: { approvalId: true, monthlyItem: { select: { plan: { select: { year: true, month: true } } } } },
        },
      },
    });
    const { year, month } = attendance.course.monthlyItem.plan;
    await db.approval.update({ where: { id: attendance.course.approvalId }, data: { state: "SUBMITTED" } });
    const page = await calendarOf(attendance.person.employeeNo, `${year}-${String(month).padStart(2, "0")}`);
    expect((page.body as CalendarPage).sessions.map((s) => s.courseId)).not.toContain(attendance.courseId);
  });
});
