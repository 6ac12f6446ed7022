// The demo company's training budget: for every planned year, the training manager's budget above what the
// plans plan (in steps of 5,000 yuan) and the general manager's cap of 30,000 yuan ("培训费用控制在 3 万元以内",
// the requirement of the demo's needs survey), set when the year's annual plan was approved.
import type { Tx } from "../../app/utils/db.server";

const STEP_FEN = 5_000_00;
const CAP_FEN = 30_000_00;

export async function seedBudgets(tx: Tx, at: Date) {
  const manager = await tx.person.findUniqueOrThrow({ where: { employeeNo: "T0001" }, select: { id: true } });
  const gm = await tx.person.findUniqueOrThrow({ where: { employeeNo: "G0001" }, select: { id: true } });
  const plans = await tx.annualPlan.findMany({
    orderBy: { year: "asc" },
    select: {
      year: true,
      approval: {
        select: { decisions: { where: { action: "APPROVE" }, orderBy: { at: "asc" }, select: { at: true } } },
      },
    },
  });
  for (const plan of plans) {
    const annual = await tx.planItem.aggregate({ where: { plan: { year: plan.year } }, _sum: { budgetFen: true } });
    const unplanned = await tx.monthlyPlanItem.aggregate({
      where: { plan: { year: plan.year }, planItemId: null },
      _sum: { budgetFen: true },
    });
    const plannedFen = (annual._sum.budgetFen ?? 0) + (unplanned._sum.budgetFen ?? 0);
    const amountFen = Math.ceil((plannedFen + 1) / STEP_FEN) * STEP_FEN;
    const capFen = Math.max(CAP_FEN, Math.ceil(amountFen / 10_000_00) * 10_000_00);
    const setAt = plan.approval.decisions[0]?.at ?? at;
    await tx.trainingBudget.create({
      data: {
        year: plan.year,
        amountFen,
        amountSetById: manager.id,
        amountSetAt: setAt,
        capFen,
        capSetById: gm.id,
        capSetAt: setAt,
      },
    });
  }
}
