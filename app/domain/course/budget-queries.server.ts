// The training budget of a year, rolled up from courses to monthly items to annual items, and what one
// course's cost does to the budgets above it.
import { trainingBudget } from "~/domain/budget/training-budget-queries.server";
import { companyWarnings, yearLine } from "~/domain/budget/training-budget-rules";
import { planTotals } from "~/domain/plan/plan-rules";
import { db } from "~/utils/db.server";
import { sql } from "~/utils/sql.server";

import { agreedFeeDifferences, budgetCost, courseBudgetWarnings, rollUp } from "./budget-rules";
import type { CourseWithParts } from "./course-queries.server";
import { COST_FIELDS, COST_SELECT, courseCost, type Costs } from "./course-rules";

type OtherCourse = Costs & {
  monthlyItemId: string;
  planItemId: string | null;
  year: number;
  agreedFeeFen: number | null;
};

/**
 * Every other course that counts somewhere above this one: the year's, and any whose monthly item comes from
 * the same annual item. One statement (it was three reads of the courses and one of their agreed fees: the
 * course page sent 29 statements, docs/benchmarks.md session 10).
 */
const otherCourses = (courseId: string, year: number, annualItemId: string | null) =>
  sql<OtherCourse>(
    `SELECT c."monthlyItemId", mi."planItemId", mp.year, ${COST_FIELDS.map((f) => `c."${f}"`).join(", ")},
            d."agreedFeeFen"
     FROM "Course" c
     JOIN "MonthlyPlanItem" mi ON mi.id = c."monthlyItemId"
     JOIN "MonthlyPlan" mp ON mp.id = mi."planId"
     LEFT JOIN "CourseDelivery" d ON d."courseId" = c.id
     WHERE c.id <> $1 AND (mp.year = $2 OR mi."planItemId" = $3)`,
    [courseId, year, annualItemId],
  );

/**
 * What this course's cost does to the budgets above it: its monthly item, the annual item, and the year's
 * courses against the company's budget and the general manager's cap (计划外 items count there too).
 */
export async function courseBudget(course: CourseWithParts) {
  const costFen = courseCost(course);
  const { year } = course.monthlyItem.plan;
  const annualItem = course.monthlyItem.planItem;
  const [others, limits] = await Promise.all([
    otherCourses(course.id, year, annualItem?.id ?? null),
    trainingBudget(year),
  ]);
  const sum = (rows: OtherCourse[]) => rows.reduce((s, r) => s + courseCost(r), 0);
  const monthlyOthers = sum(others.filter((c) => c.monthlyItemId === course.monthlyItemId));
  const annualOthers = annualItem ? sum(others.filter((c) => c.planItemId === annualItem.id)) : 0;
  // The year's courses at what they cost the budget (an agreed external fee instead of the budgeted one).
  const yearOthers = others
    .filter((c) => c.year === year)
    .reduce(
      (s, c) =>
        s + budgetCost({ costFen: courseCost(c), externalFeeFen: c.externalFeeFen, agreedFeeFen: c.agreedFeeFen }),
      0,
    );
  const { title, budgetFen } = course.monthlyItem;
  const monthly = { title, budgetFen, otherCoursesFen: monthlyOthers };
  const annual = annualItem
    ? { title: annualItem.title, budgetFen: annualItem.budgetFen, otherCoursesFen: annualOthers }
    : null;
  return {
    costFen,
    monthly,
    annual,
    year: yearLine(limits, yearOthers + costFen),
    warnings: [
      ...courseBudgetWarnings({ costFen, monthly, annual }),
      ...companyWarnings({ year, limits, otherCoursesFen: yearOthers, costFen }),
    ],
  };
}

export async function yearBudget(year: number) {
  const [limits, annual, monthlyItems, courses] = await Promise.all([
    trainingBudget(year),
    db.annualPlan.findUnique({
      where: { year },
      select: {
        title: true,
        approval: { select: { state: true } },
        items: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            title: true,
            category: true,
            budgetFen: true,
            months: true,
            sessions: true,
            hoursTenths: true,
          },
        },
      },
    }),
    db.monthlyPlanItem.findMany({
      where: { plan: { year } },
      select: {
        id: true,
        planItemId: true,
        title: true,
        category: true,
        budgetFen: true,
        plan: { select: { month: true, approval: { select: { state: true } } } },
      },
    }),
    db.course.findMany({
      where: { monthlyItem: { plan: { year } } },
      select: {
        id: true,
        monthlyItemId: true,
        ...COST_SELECT,
        title: true,
        approval: { select: { state: true } },
        delivery: { select: { agreedFeeFen: true } },
        monthlyItem: { select: { plan: { select: { month: true } } } },
      },
    }),
  ]);
  const annualItems = annual?.items ?? [];
  const rolled = rollUp({
    annualItems,
    monthlyItems: monthlyItems.map((m) => ({
      id: m.id,
      planItemId: m.planItemId,
      month: m.plan.month,
      category: m.category,
      title: m.title,
      budgetFen: m.budgetFen,
    })),
    courses: courses.map((c) => ({
      id: c.id,
      monthlyItemId: c.monthlyItemId,
      costFen: budgetCost({
        costFen: courseCost(c),
        externalFeeFen: c.externalFeeFen,
        agreedFeeFen: c.delivery?.agreedFeeFen ?? null,
      }),
      approved: c.approval.state === "APPROVED",
    })),
  });
  // The annual plan's own month split, beside what the monthly plans then planned.
  const annualByMonth = planTotals(annualItems).byMonth.map((m) => m.budgetFen);
  // External courses whose fee was agreed with the institution, beside what was budgeted for it.
  const feeDifferences = agreedFeeDifferences(
    courses.flatMap((c) =>
      c.delivery?.agreedFeeFen != null
        ? [
            {
              id: c.id,
              title: c.title,
              month: c.monthlyItem.plan.month,
              budgetedFen: c.externalFeeFen,
              agreedFen: c.delivery.agreedFeeFen,
            },
          ]
        : [],
    ),
  );
  // The company's budget and the general manager's cap against the annual plan (with the items outside it), the
  // monthly plans and the courses.
  const annualPlannedFen = annualItems.reduce((sum, a) => sum + a.budgetFen, 0) + rolled.unplanned.plannedFen;
  return {
    year,
    budget: limits,
    against: {
      annual: yearLine(limits, annualPlannedFen),
      monthly: yearLine(limits, rolled.total.plannedFen),
      courses: yearLine(limits, rolled.total.committedFen + rolled.total.pendingFen),
    },
    feeDifferences,
    annualTitle: annual?.title ?? null,
    annualState: annual?.approval.state ?? null,
    annualByMonth,
    ...rolled,
  };
}
