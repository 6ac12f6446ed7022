import { describe, expect, it } from "vitest";

import type { Certification } from "~/domain/certification/certification-rules";

import { certGroups, certificationFigures } from "./certification-rate-rules";
import { costVsBudget } from "./cost-rules";
import { planCoverage } from "./coverage-rules";
import { hoursFigures, percent, perPerson } from "./hours-rules";
import { topRules } from "./rule-rank-rules";
import { satisfactionFigures } from "./satisfaction-rules";

describe("hours per person", () => {
  const rowFor = (id: string) => (id.startsWith("a") ? "A" : id.startsWith("b") ? "B" : null);
  const people = [
    { personId: "p1", departmentId: "a1", minutes: 180, courses: 1 },
    { personId: "p2", departmentId: "a2", minutes: 0, courses: 0 },
    { personId: "p3", departmentId: "b1", minutes: 90, courses: 2 },
  ];
  const minutes = [
    { departmentId: "a1", month: 3, category: "INTERNAL" as const, minutes: 180 },
    // Someone who has since left still trained here: counted in hours, not in today's headcount.
    { departmentId: "a2", month: 3, category: "NEW_HIRE" as const, minutes: 60 },
    { departmentId: "b1", month: 11, category: "INTERNAL" as const, minutes: 90 },
  ];
  const f = hoursFigures({ minutes, people, rowIds: ["A", "B"], rowFor });

  it("divides the archive's minutes by the people in scope today, to a tenth of an hour", () => {
    expect(f.total).toMatchObject({ headcount: 3, minutes: 330, hoursPerPerson: 1.8, trained: 2, coverage: 67 });
    expect(f.byRow.get("A")).toMatchObject({ headcount: 2, minutes: 240, hoursPerPerson: 2, trained: 1, coverage: 50 });
    expect(f.byRow.get("B")).toMatchObject({ headcount: 1, hoursPerPerson: 1.5, coverage: 100 });
  });

  it("splits each month by category", () => {
    expect(f.byMonth[2].byCategory).toMatchObject({ INTERNAL: 1, NEW_HIRE: 0.3, EXTERNAL: 0 });
    expect(f.byMonth[10].byCategory.INTERNAL).toBe(0.5);
    expect(f.byMonth[0].byCategory.INTERNAL).toBe(0);
  });

  it("nobody in scope gives no figure rather than a division by zero", () => {
    expect(perPerson(100, 0)).toBeNull();
    expect(percent(1, 0)).toBeNull();
  });
});

describe("plan coverage", () => {
  it("sets held sessions beside planned ones month by month, with the share held", () => {
    const c = planCoverage(
      [
        { month: 1, sessions: 4 },
        { month: 2, sessions: 2 },
      ],
      [
        { month: 1, sessions: 3 },
        { month: 3, sessions: 1 },
      ],
    );
    expect(c.byMonth[0]).toEqual({ month: 1, planned: 4, held: 3, rate: 75 });
    expect(c.byMonth[1].rate).toBe(0);
    expect(c.byMonth[2]).toEqual({ month: 3, planned: 0, held: 1, rate: null });
    expect(c).toMatchObject({ planned: 6, held: 4, rate: 67 });
  });
});

describe("cost against budget", () => {
  it("sets each month's cost beside its budget, with what is over and the running totals", () => {
    const budget = Array.from({ length: 12 }, () => 1000);
    const cost = [500, 1500, ...Array.from({ length: 10 }, () => 0)];
    const c = costVsBudget(budget, cost);
    expect(c.byMonth[1]).toMatchObject({ budgetFen: 1000, costFen: 1500, overFen: 500, costSoFar: 2000 });
    expect(c).toMatchObject({ budgetFen: 12000, costFen: 2000, usedPercent: 17 });
    expect(costVsBudget([], []).usedPercent).toBeNull();
  });
});

describe("certification rate", () => {
  const at = new Date("2026-06-01T00:00:00Z");
  const cert = (over: Partial<Certification>): Certification => ({
    cleared: true,
    status: "certified",
    validUntil: new Date("2027-01-01T00:00:00Z"),
    certifiedAt: null,
    reasons: [],
    staleRules: [],
    ...over,
  });
  it("counts cleared agents, those whose clearance ends within 30 days, the lapsed and the never passed", () => {
    const agents = [
      { departmentId: "a", certification: cert({}) },
      { departmentId: "a", certification: cert({ status: "expiring", validUntil: new Date("2026-06-20T00:00:00Z") }) },
      // A rule change's grace period ends within days: counted as expiring too.
      { departmentId: "b", certification: cert({ status: "grace", validUntil: new Date("2026-06-05T00:00:00Z") }) },
      { departmentId: "b", certification: cert({ cleared: false, status: "lapsed" }) },
      { departmentId: "b", certification: cert({ cleared: false, status: "expired" }) },
      { departmentId: "b", certification: cert({ cleared: false, status: "never", validUntil: null }) },
    ];
    const f = certificationFigures(agents, at, ["a", "b"], (id) => id);
    expect(f.total).toEqual({ cleared: 3, expiring: 2, lapsed: 2, never: 1, agents: 6, rate: 50 });
    expect(f.byRow.get("a")).toMatchObject({ cleared: 2, agents: 2, rate: 100 });
    expect(certGroups(cert({ validUntil: new Date("2026-07-01T00:00:01Z") }), at).expiring).toBe(false);
  });
});

describe("satisfaction", () => {
  it("averages each question over all answers (not over monthly averages) and gives the response rate", () => {
    const f = satisfactionFigures(
      [
        { month: 3, answers: 1, course: 5, lecturer: 5, venue: 4, usefulness: 5 },
        { month: 4, answers: 3, course: 9, lecturer: 12, venue: 6, usefulness: 10 },
      ],
      { invited: 8, answered: 4 },
    );
    expect(f.byMonth[3]).toMatchObject({ answers: 3, course: 3, lecturer: 4, venue: 2, usefulness: 3.33 });
    expect(f.byMonth[0].course).toBeNull();
    expect(f.overall).toEqual({ course: 3.5, lecturer: 4.25, venue: 2.5, usefulness: 3.75 });
    expect(f.responseRate).toBe(50);
  });
});

describe("rules most missed and breached", () => {
  it("keeps the top five by count, ties in rule order, with titles and the miss rate", () => {
    const counts = ["B6", "B3", "B10", "B2", "OPS1", "REC2", "B1"].map((ruleId, i) => ({
      ruleId,
      count: i < 3 ? 5 : 7 - i,
      asked: 10,
    }));
    const top = topRules(
      [...counts, { ruleId: "B9", count: 0 }],
      [{ ruleId: "B6", titleZh: "禁止辱骂", titleEn: "No abuse" }],
    );
    expect(top.map((r) => r.ruleId)).toEqual(["B3", "B6", "B10", "B2", "OPS1"]);
    expect(top[1]).toMatchObject({ titleZh: "禁止辱骂", rate: 50 });
    expect(top[0].titleZh).toBe("B3");
  });
});
