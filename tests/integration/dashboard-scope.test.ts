// Who sees which figures: leaders everything, a head only their department (D0101 never 催收二部),
// anyone else nothing; and the charts arrive as safe SVG with their labels.
import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { dashboardAs, FROM, seedDashboardRows, TO, YEAR, type DashboardBody } from "./dashboard-support";
import { seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  await seedDashboardRows();
});

const dept = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;

describe("dashboard scopes", () => {
  it("the general manager, the approving leader and the training manager see the whole company", async () => {
    for (const no of ["G0001", "L0001", "T0001"]) {
      const result = await dashboardAs(no);
      expect(result.status, no).toBe(200);
      const body = result.body as DashboardBody;
      expect(body.year).toBe(YEAR);
      expect(body.figures.rows.map((r) => r.name)).toEqual(expect.arrayContaining(["催收一部", "催收二部", "培训部"]));
      expect(body.figures.cost).not.toBeNull();
    }
  });

  it("anyone else is refused", async () => {
    for (const no of ["C0101", "T0002", "A0001"]) expect((await dashboardAs(no)).status, no).toBe(403);
  });

  it("D0101 sees 催收一部 and its teams only, never 催收二部's people or figures", async () => {
    const body = (await dashboardAs("D0101")).body as DashboardBody;
    expect(body.departmentId).toBe(await dept("COL1"));
    expect(body.figures.rows.map((r) => r.name)).toEqual(["催收一部一组", "催收一部二组", "催收一部"]);
    expect(body.figures.people.length).toBeGreaterThan(0);
    expect(body.figures.people.every((p) => p.employeeNo.startsWith("C01") || p.employeeNo === "D0101")).toBe(true);
    // Heads do not read the training budget.
    expect(body.figures.cost).toBeNull();

    const col1 = await db.person.findMany({
      where: { department: { OR: [{ code: "COL1" }, { parent: { code: "COL1" } }] } },
    });
    const ids = col1.map((p) => p.id);
    const minutes = (
      await db.trainingRecord.findMany({
        where: { startsAt: { gte: FROM, lt: TO }, departmentId: { in: col1.map((p) => p.departmentId) } },
      })
    ).reduce((s, r) => s + r.minutes, 0);
    expect(body.figures.hours.total.minutes).toBe(minutes);
    const breaches = await db.caseRuleBreach.findMany({ where: { at: { gte: FROM, lt: TO }, personId: { in: ids } } });
    expect(body.figures.mostBreached.reduce((s, r) => s + r.count, 0)).toBeLessThanOrEqual(breaches.length);
    // Each rule's count is 催收一部's own: a breach of 催收二部 never adds to it (their B8s are not listed at all).
    for (const r of body.figures.mostBreached)
      expect(r.count).toBe(breaches.filter((b) => b.ruleId === r.ruleId).length);
    expect(JSON.stringify(body)).not.toContain("催收二部");
  });

  it("a head asking for another department, or a team of it, is refused with 403", async () => {
    for (const code of ["COL2", "COL2-1", "TRN"]) {
      const result = await dashboardAs("D0101", `?departmentId=${await dept(code)}`);
      expect(result.status, code).toBe(403);
    }
    expect((await dashboardAs("D0101", `?departmentId=${await dept("COL1-2")}`)).status).toBe(200);
  });

  it("a leader drills down to a department and its people, each linking to a training file", async () => {
    const col2 = await dept("COL2");
    const body = (await dashboardAs("G0001", `?year=${YEAR}&departmentId=${col2}`)).body as DashboardBody;
    expect(body.scopeName).toBe("催收二部");
    expect(body.upTo).toBe(`?year=${YEAR}`);
    const c0201 = body.figures.people.find((p) => p.employeeNo === "C0201")!;
    const minutes = (
      await db.trainingRecord.findMany({ where: { personId: c0201.id, startsAt: { gte: FROM, lt: TO } } })
    ).reduce((s, r) => s + r.minutes, 0);
    expect(c0201.hours).toBe(Math.round((minutes / 60) * 10) / 10);
    expect(body.figures.people.every((p) => p.employeeNo.startsWith("C02") || p.employeeNo === "D0201")).toBe(true);
    // An unknown department is not found.
    expect((await dashboardAs("G0001", "?departmentId=nope")).status).toBe(404);
  });

  it("another year shows that year's figures; a bad year falls back to this one", async () => {
    const last = (await dashboardAs("G0001", `?year=${YEAR - 1}`)).body as DashboardBody;
    const minutes = (
      await db.trainingRecord.findMany({
        where: { startsAt: { gte: new Date(FROM.getTime() - 366 * 86_400_000), lt: FROM } },
      })
    ).reduce((s, r) => s + r.minutes, 0);
    expect(last.year).toBe(YEAR - 1);
    expect(last.figures.hours.total.minutes).toBe(minutes);
    expect(((await dashboardAs("G0001", "?year=abc")).body as DashboardBody).year).toBe(YEAR);
  });
});

describe("dashboard charts", () => {
  it("arrive as SVG with their titles and the series' labels, in the viewer's language", async () => {
    const body = (await dashboardAs("G0001", `?year=${YEAR}`)).body as DashboardBody;
    const { charts } = body;
    expect(charts.hoursByMonth).toMatch(/^<svg/);
    expect(charts.hoursByMonth).toContain("人均培训学时");
    expect(charts.hoursByRow).toContain("催收一部");
    expect(charts.coverage).toContain("计划场次");
    expect(charts.coverage).toContain("已实施场次");
    expect(charts.cost).toContain("年度计划预算");
    expect(charts.certification).toContain("未通过");
    expect(charts.satisfaction).toContain("实用性");
    expect(charts.mostBreached).toContain("B8");
    expect(charts.mostMissed).toMatch(/^<svg/);
  });

  it("a department's name is drawn as text, never as markup", async () => {
    await db.department.update({ where: { code: "COL1" }, data: { name: '<script>alert("x")</script>一部' } });
    const body = (await dashboardAs("G0001", `?year=${YEAR}`)).body as DashboardBody;
    expect(body.charts.hoursByRow).not.toContain("<script");
    expect(body.charts.hoursByRow).toContain("&lt;script&gt;");
  });
});
