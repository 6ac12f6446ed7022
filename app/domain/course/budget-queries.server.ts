// The training budget of a year, rolled up from courses to monthly items to annual items.
import { planTotals } from "~/domain/plan/plan-rules";
import { db } from "~/utils/db.server";

import { agreedFeeDifferences, budgetCost, rollUp } from "./budget-rules";
import { courseCost } from "./course-rules";

export async function yearBudget(year: number) {
  const [annual, monthlyItems, courses] = await Promise.all([
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
        lecturerFeeFen: true,
        venueFeeFen: true,
        materialsFeeFen: true,
        externalFeeFen: true,
        otherFeeFen: true,
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
  return {
    year,
    feeDifferences,
    annualTitle: annual?.title ?? null,
    annualState: annual?.approval.state ?? null,
    annualByMonth,
    ...rolled,
  };
}
