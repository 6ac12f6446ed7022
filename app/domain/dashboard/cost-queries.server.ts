// Cost against budget reads the budget page's own roll-up, so both pages always agree.
import { yearBudget } from "~/domain/course/budget-queries.server";

import { costVsBudget } from "./cost-rules";

export async function yearCost(year: number) {
  const budget = await yearBudget(year);
  return {
    annualTitle: budget.annualTitle,
    annualState: budget.annualState,
    ...costVsBudget(
      budget.annualByMonth,
      budget.byMonth.map((m) => m.committedFen),
    ),
  };
}
