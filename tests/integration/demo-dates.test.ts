// The demo company holds on any day of the year: built from the clock's today, it always has an approved
// annual plan for this month and the next, this month's approved plan with its courses, nothing dated
// after today, and next month free to draft (the December bug: January needs next year's plan); its leave
// forms follow the workflow, and the year before is closed (demo-seed-checks.ts). One real seed a day: each
// costs ~5–10 s of a worker, so every check of a seeded day runs on the same seed.
import { afterEach, describe, expect, it } from "vitest";

import { createMonthlyPlan } from "~/domain/monthly-plan/monthly-plan.server";
import { freezeClock, setClock } from "~/utils/clock.server";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { DEMO_ZONE, demoHistoryMonths, nextMonth } from "../../prisma/seed/demo-calendar";

import { closedYearCounts, expectClosedYear, expectLeaveFormsConsistent } from "./demo-seed-checks";
import { DEMO_AT, SEED_TEST_TIMEOUT_MS, seedDemoCompany, seedDemoCompanyAt } from "./support";

afterEach(() => setClock(null));

// The instants the suite must survive (docs/testing.md, "Any date"), and the day this run pretends it is.
const INSTANTS: Array<[string, string]> = [
  ["31 December, 23:30 in Shanghai", "2026-12-31T23:30:00+08:00"],
  ["1 January, 00:30 in Shanghai", "2027-01-01T00:30:00+08:00"],
  ["a leap day", "2028-02-29T12:00:00+08:00"],
  ["mid-year", "2026-07-15T10:00:00+08:00"],
  ["the run's own day", DEMO_AT.toISOString()],
];

describe("the demo company on any day", () => {
  // A whole seed each (the first also hashes the demo password): longer than the default 20 s on a busy machine.
  it.each(INSTANTS)("%s (%s)", { timeout: SEED_TEST_TIMEOUT_MS }, async (_, iso) => {
    const at = new Date(iso);
    freezeClock(at);
    // The run's demo company was seeded in another process (tests/setup): a second seed of its day comes out the same.
    const runDay = at.getTime() === DEMO_AT.getTime();
    if (runDay) await seedDemoCompany();
    const first = runDay ? await closedYearCounts(at) : null;
    await seedDemoCompanyAt(at);
    if (first) expect(await closedYearCounts(at)).toEqual(first);
    const { year, month } = companyDate(at, DEMO_ZONE);
    const today = { year, month };
    const next = nextMonth(at);

    // Approved annual plans for this month's year and next month's.
    const approvedYears = (
      await db.annualPlan.findMany({ where: { approval: { state: "APPROVED" } }, select: { year: true } })
    ).map((p) => p.year);
    expect(approvedYears).toContain(today.year);
    expect(approvedYears).toContain(next.year);

    // This month's plan is approved and has courses; next month has none yet.
    const thisMonth = await db.monthlyPlan.findUnique({
      where: { year_month: today },
      select: { approval: { select: { state: true } }, items: { select: { courses: { select: { id: true } } } } },
    });
    expect(thisMonth?.approval.state).toBe("APPROVED");
    expect(thisMonth!.items.flatMap((i) => i.courses).length).toBeGreaterThan(0);
    expect(await db.monthlyPlan.findUnique({ where: { year_month: next } })).toBeNull();

    // Nothing in the demo happened after today.
    const latest = async (rows: Promise<Array<Record<string, Date | null>>>) =>
      Math.max(0, ...(await rows).flatMap((r) => Object.values(r).map((d) => d?.getTime() ?? 0)));
    expect(await latest(db.approvalDecision.findMany({ select: { at: true } }))).toBeLessThanOrEqual(at.getTime());
    expect(await latest(db.needsSurvey.findMany({ select: { openedAt: true, closedAt: true } }))).toBeLessThanOrEqual(
      at.getTime(),
    );
    expect(await latest(db.questionnaireResponse.findMany({ select: { submittedAt: true } }))).toBeLessThanOrEqual(
      at.getTime(),
    );
    expect(await latest(db.departmentNeedsForm.findMany({ select: { submittedAt: true } }))).toBeLessThanOrEqual(
      at.getTime(),
    );

    // Steps 008–010: every approved course is being prepared or was published before its first session;
    // nothing was ticked, confirmed, published or sent after today.
    const courses = await db.course.findMany({
      where: { approval: { state: "APPROVED" } },
      select: {
        delivery: { select: { state: true, publishedAt: true } },
        sessions: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
        _count: { select: { preparation: true } },
      },
    });
    for (const c of courses) {
      expect(c._count.preparation).toBeGreaterThanOrEqual(4);
      const begun = c.sessions[0].startsAt <= at;
      expect(c.delivery?.state).toBe(begun ? "PUBLISHED" : "PREPARING");
      if (begun) expect(c.delivery!.publishedAt!.getTime()).toBeLessThanOrEqual(c.sessions[0].startsAt.getTime());
    }
    expect(await latest(db.preparationItem.findMany({ select: { doneAt: true } }))).toBeLessThanOrEqual(at.getTime());
    expect(await latest(db.headConfirmation.findMany({ select: { confirmedAt: true } }))).toBeLessThanOrEqual(
      at.getTime(),
    );
    expect(await latest(db.sessionInvite.findMany({ select: { sentAt: true, remindedAt: true } }))).toBeLessThanOrEqual(
      at.getTime(),
    );
    expect(await latest(db.todoItem.findMany({ select: { createdAt: true } }))).toBeLessThanOrEqual(at.getTime());

    await expectLeaveFormsConsistent(at);
    await expectClosedYear(at);

    // The training manager can draft next month's plan from the annual plan in force.
    const manager = await db.person.findUniqueOrThrow({
      where: { employeeNo: "T0001" },
      select: { id: true, employeeNo: true, name: true },
    });
    const drafted = await createMonthlyPlan(manager, { ...next, title: `${next.year}-${next.month}` });
    expect(drafted).toMatchObject({ ok: true });
  });
});

it("the closed year seeded on 1 January, 00:30 in Shanghai runs from November to October", () => {
  const months = demoHistoryMonths(new Date("2027-01-01T00:30:00+08:00"));
  expect(months[0]).toEqual({ year: 2025, month: 11 });
  expect(months[11]).toEqual({ year: 2026, month: 10 });
});
