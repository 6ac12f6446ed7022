// Reads of the company's training budget: the year's amount and cap, and what the year plans and spends.
import { companyToday } from "~/domain/settings/settings.server";
import { db, type Tx } from "~/utils/db.server";

import { yearLine } from "./training-budget-rules";

type Client = Pick<Tx, "trainingBudget" | "planItem" | "monthlyPlanItem" | "person">;

/** The year's budget and cap with who set them; version 0 when nothing was set yet (the forms send it back). */
export async function trainingBudget(year: number, client: Client = db) {
  const row = await client.trainingBudget.findUnique({ where: { year } });
  const ids = [row?.amountSetById, row?.capSetById].filter((id): id is string => Boolean(id));
  const people = ids.length
    ? await client.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, employeeNo: true } })
    : [];
  const by = (id: string | null | undefined, at: Date | null | undefined) => {
    const person = people.find((p) => p.id === id);
    return person && at ? { name: person.name, employeeNo: person.employeeNo, at } : null;
  };
  return {
    year,
    amountFen: row?.amountFen ?? null,
    capFen: row?.capFen ?? null,
    version: row?.version ?? 0,
    amountSet: by(row?.amountSetById, row?.amountSetAt),
    capSet: by(row?.capSetById, row?.capSetAt),
  };
}

/** What the year plans: the annual plan's items and the monthly items outside it (计划外). */
export async function yearPlannedFen(year: number, client: Client = db) {
  const [annual, unplanned] = await Promise.all([
    client.planItem.aggregate({ where: { plan: { year } }, _sum: { budgetFen: true } }),
    client.monthlyPlanItem.aggregate({ where: { plan: { year }, planItemId: null }, _sum: { budgetFen: true } }),
  ]);
  return (annual._sum.budgetFen ?? 0) + (unplanned._sum.budgetFen ?? 0);
}

/** The line the annual plan page shows: the year's budget, what the plans plan, what is left. */
export async function annualPlanBudgetLine(year: number) {
  const [budget, plannedFen] = await Promise.all([trainingBudget(year), yearPlannedFen(year)]);
  return yearLine(budget, plannedFen);
}

/** The year a budget page asks for (?year=), or this year. */
export async function budgetYear(asked: string | null): Promise<number> {
  const year = Number(asked);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : (await companyToday()).year;
}
