// The annual plan as a subject of the one approval workflow (steps 002–003).
import type { Tx } from "~/utils/db.server";
import type { ApprovalSubject } from "~/workflow/approval.server";

import { itemInclude, itemView } from "./plan-queries.server";
import type { PlanSnapshot } from "./plan-rules";

export async function planSnapshot(tx: Tx, approvalId: string): Promise<PlanSnapshot> {
  const plan = await tx.annualPlan.findUniqueOrThrow({
    where: { approvalId },
    select: {
      title: true,
      items: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: itemInclude },
    },
  });
  return { title: plan.title, items: plan.items.map(itemView) };
}

export const AnnualPlanSubject: ApprovalSubject = {
  type: "AnnualPlan",
  auditArea: "annualPlan",
  policy: { drafter: "draft:annual-plan", approver: "approve:annual-plan" },
  approvalIdOf: async (tx, planId) =>
    (await tx.annualPlan.findUnique({ where: { id: planId }, select: { approvalId: true } }))?.approvalId ?? null,
  async describe(tx, approvalId) {
    const plan = await tx.annualPlan.findUnique({ where: { approvalId }, select: { id: true, year: true } });
    if (!plan) return null;
    // The amount goes on the to-dos, so the approver sees what the plan spends before opening it.
    const budget = await tx.planItem.aggregate({ where: { planId: plan.id }, _sum: { budgetFen: true } });
    return {
      subjectId: plan.id,
      href: `/plans/${plan.id}`,
      params: { year: plan.year, amountFen: budget._sum.budgetFen ?? 0 },
    };
  },
  snapshot: (tx, approvalId) => planSnapshot(tx, approvalId),
  async checkSubmit(tx, approvalId) {
    const items = await tx.planItem.count({ where: { plan: { approvalId } } });
    return items === 0 ? "plan.emptyPlan" : null;
  },
};
