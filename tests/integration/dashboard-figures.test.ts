// The dashboard's figures, each computed again here from the raw rows, and compared with the page's.
import { beforeEach, describe, expect, it } from "vitest";

import { certificationBoard } from "~/domain/quiz/certification-board.server";
import { loader as budgetLoader } from "~/routes/_app.budget";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { dashboardAs, FROM, seedDashboardRows, TO, YEAR, ZONE, type DashboardBody } from "./dashboard-support";
import { cookieFor, DEMO_AT, outcome, requestAs, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  await seedDashboardRows();
});

const round1 = (v: number) => Math.round(v * 10) / 10;
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 100) : null);
const inYear = { gte: FROM, lt: TO };

async function companyView(): Promise<DashboardBody> {
  const result = await dashboardAs("G0001", `?year=${YEAR}`);
  expect(result.status).toBe(200);
  return result.body as DashboardBody;
}

/** The departments below (and including) a department, by code. */
async function subtreeOf(code: string) {
  const all = await db.department.findMany({ select: { id: true, parentId: true, code: true } });
  const ids = [all.find((d) => d.code === code)!.id];
  for (let grew = true; grew;) {
    grew = false;
    for (const d of all)
      if (d.parentId && ids.includes(d.parentId) && !ids.includes(d.id)) {
        ids.push(d.id);
        grew = true;
      }
  }
  return ids;
}

describe("the dashboard's figures match the raw rows", () => {
  it("training hours per person, for the company and per department, with the share trained", async () => {
    const body = await companyView();
    const records = await db.trainingRecord.findMany({ where: { startsAt: inYear } });
    const people = await db.person.findMany({
      where: { status: { not: "LEFT" }, disabledAt: null },
      select: { id: true, departmentId: true },
    });
    const minutes = records.reduce((s, r) => s + r.minutes, 0);
    expect(records.length).toBeGreaterThan(5);
    expect(body.figures.hours.total.minutes).toBe(minutes);
    expect(body.figures.hours.total.headcount).toBe(people.length);
    expect(body.figures.hours.total.hoursPerPerson).toBe(round1(minutes / 60 / people.length));
    const trained = new Set(records.filter((r) => r.minutes > 0).map((r) => r.personId));
    expect(body.figures.hours.total.trained).toBe(people.filter((p) => trained.has(p.id)).length);

    for (const code of ["COL1", "COL2", "CS"]) {
      const ids = await subtreeOf(code);
      const dept = await db.department.findUniqueOrThrow({ where: { code } });
      const row = body.figures.rows.find((r) => r.id === dept.id)!;
      const mins = records.filter((r) => ids.includes(r.departmentId)).reduce((s, r) => s + r.minutes, 0);
      const here = people.filter((p) => ids.includes(p.departmentId));
      expect(row.hours, code).toMatchObject({
        minutes: mins,
        headcount: here.length,
        hoursPerPerson: round1(mins / 60 / here.length),
        coverage: pct(here.filter((p) => trained.has(p.id)).length, here.length),
      });
    }

    // Month and category: every record's minutes land in its month (company zone) and category.
    for (const r of records.filter((x) => x.minutes > 0)) {
      const month = companyDate(r.startsAt, ZONE).month;
      const sum = records
        .filter((x) => companyDate(x.startsAt, ZONE).month === month && x.category === r.category)
        .reduce((s, x) => s + x.minutes, 0);
      expect(body.figures.hours.byMonth[month - 1].byCategory[r.category]).toBe(round1(sum / 60 / people.length));
    }
  });

  it("plan coverage: sessions planned by approved monthly plans beside those held and archived", async () => {
    const body = await companyView();
    const plans = await db.monthlyPlan.findMany({
      where: { year: YEAR, approval: { state: "APPROVED" } },
      select: { month: true, items: { select: { sessions: true } } },
    });
    const sessions = await db.courseSession.findMany({
      where: { course: { monthlyItem: { plan: { year: YEAR } } } },
      select: {
        endsAt: true,
        closure: { select: { sessionId: true } },
        course: {
          select: {
            approval: { select: { state: true } },
            monthlyItem: { select: { plan: { select: { month: true } } } },
          },
        },
      },
    });
    for (let month = 1; month <= 12; month++) {
      const planned = plans
        .filter((p) => p.month === month)
        .flatMap((p) => p.items)
        .reduce((s, i) => s + i.sessions, 0);
      const held = sessions.filter(
        (s) =>
          s.course.monthlyItem.plan.month === month &&
          s.closure &&
          s.endsAt <= DEMO_AT &&
          s.course.approval.state === "APPROVED",
      ).length;
      expect(body.figures.coverage.byMonth[month - 1], `month ${month}`).toMatchObject({ planned, held });
    }
    expect(body.figures.coverage.planned).toBeGreaterThan(0);
  });

  it("cost against budget agrees with the budget page and with the plan and approved courses", async () => {
    const body = await companyView();
    const budget = (
      await outcome(async () =>
        budgetLoader({
          request: requestAs(await cookieFor("G0001"), `/budget?year=${YEAR}`),
          params: {},
          context: { cspNonce: "" },
        }),
      )
    ).body as Awaited<ReturnType<typeof budgetLoader>>;
    const cost = body.figures.cost!;
    expect(cost.byMonth.map((m) => m.budgetFen)).toEqual(budget.annualByMonth);
    expect(cost.byMonth.map((m) => m.costFen)).toEqual(budget.byMonth.map((m) => m.committedFen));

    const items = await db.planItem.findMany({ where: { plan: { year: YEAR } }, select: { budgetFen: true } });
    expect(cost.budgetFen).toBe(items.reduce((s, i) => s + i.budgetFen, 0));
    const courses = await db.course.findMany({
      where: { monthlyItem: { plan: { year: YEAR } }, approval: { state: "APPROVED" } },
      include: { delivery: true },
    });
    const fees = courses.reduce((s, c) => {
      const external = c.delivery?.agreedFeeFen ?? c.externalFeeFen;
      return s + c.lecturerFeeFen + c.venueFeeFen + c.materialsFeeFen + external + c.otherFeeFen;
    }, 0);
    expect(cost.costFen).toBe(fees);
  });

  it("certification: agents cleared, ending within 30 days and lapsed, as on the board", async () => {
    const body = await companyView();
    const board = await certificationBoard(null);
    const cleared = board.rows.filter((r) => ["certified", "expiring", "grace"].includes(r.status));
    const soon = cleared.filter((r) => r.validUntil && r.validUntil.getTime() - DEMO_AT.getTime() <= 30 * 86_400_000);
    expect(body.figures.certification).toMatchObject({
      agents: board.rows.length,
      cleared: cleared.length,
      expiring: soon.length,
      lapsed: board.rows.filter((r) => r.status === "lapsed" || r.status === "expired").length,
      never: board.rows.filter((r) => r.status === "never").length,
      rate: pct(cleared.length, board.rows.length),
    });
  });

  it("satisfaction: averages by month and for the year, and the response rate", async () => {
    const body = await companyView();
    const evaluations = await db.courseEvaluation.findMany({ where: { submittedAt: inYear } });
    const invites = await db.courseSurveyInvite.findMany({ where: { invitedAt: inYear } });
    const avg = (xs: number[]) =>
      xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null;
    const s = body.figures.satisfaction;
    expect(s.answers).toBe(evaluations.length);
    expect(s.overall).toEqual({
      course: avg(evaluations.map((e) => e.courseScore)),
      lecturer: avg(evaluations.map((e) => e.lecturerScore)),
      venue: avg(evaluations.map((e) => e.venueScore)),
      usefulness: avg(evaluations.map((e) => e.usefulnessScore)),
    });
    for (const e of evaluations) {
      const month = companyDate(e.submittedAt, ZONE).month;
      const those = evaluations.filter((x) => companyDate(x.submittedAt, ZONE).month === month);
      expect(s.byMonth[month - 1].venue).toBe(avg(those.map((x) => x.venueScore)));
    }
    expect(s.invited).toBe(invites.length);
    expect(s.answered).toBe(invites.filter((i) => i.answeredAt).length);
    expect(s.responseRate).toBe(pct(s.answered, s.invited));
  });

  it("the rules most missed in quizzes and most breached in case work, top five", async () => {
    const body = await companyView();
    const attempts = await db.quizAttempt.findMany({
      where: { status: "SUBMITTED", submittedAt: inYear },
      select: { questions: { select: { ruleIds: true, correct: true } } },
    });
    const missed = new Map<string, number>();
    for (const q of attempts.flatMap((a) => a.questions))
      if (q.correct === false) for (const r of q.ruleIds) missed.set(r, (missed.get(r) ?? 0) + 1);
    const breaches = await db.caseRuleBreach.findMany({ where: { at: inYear } });
    const breached = new Map<string, number>();
    for (const b of breaches) breached.set(b.ruleId, (breached.get(b.ruleId) ?? 0) + 1);
    const top = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en", { numeric: true })).slice(0, 5);
    expect(missed.size).toBeGreaterThan(0);
    expect(body.figures.mostMissed.map((r) => [r.ruleId, r.count])).toEqual(top(missed));
    expect(body.figures.mostBreached.map((r) => [r.ruleId, r.count])).toEqual(top(breached));
    expect(body.figures.mostBreached.every((r) => r.titleZh && r.titleZh !== r.ruleId)).toBe(true);
  });
});
