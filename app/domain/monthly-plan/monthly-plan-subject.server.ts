// The monthly plan as a subject of the one approval workflow (steps 004–005).
import type { Tx } from "~/utils/db.server";
import type { ApprovalSubject } from "~/workflow/approval.server";

import { askForCourses } from "./course-setup-todo.server";

export async function monthlySnapshot(tx: Tx, approvalId: string) {
  const plan = await tx.monthlyPlan.findUniqueOrThrow({
    where: { approvalId },
    select: { title: true, items: { orderBy: { createdAt: "asc" } } },
  });
  return {
    title: plan.title,
    items: plan.items.map((i) => ({
      id: i.id,
      planItemId: i.planItemId,
      title: i.title,
      category: i.category,
      targetPeople: i.targetPeople,
      headcount: i.headcount,
      sessions: i.sessions,
      budgetFen: i.budgetFen,
      unplannedReason: i.unplannedReason,
    })),
  };
}

export const MonthlyPlanSubject: ApprovalSubject = {
  type: "MonthlyPlan",
  auditArea: "monthlyPlan",
  policy: { drafter: "draft:monthly-plan", approver: "approve:monthly-plan" },
  approvalIdOf: async (tx, planId) =>
    (await tx.monthlyPlan.findUnique({ where: { id: planId }, select: { approvalId: true } }))?.approvalId ?? null,
  async describe(tx, approvalId) {
    const plan = await tx.monthlyPlan.findUnique({
      where: { approvalId },
      select: { id: true, year: true, month: true },
    });
    if (!plan) return null;
    // The amount goes on the to-dos, so the approver sees what the month spends before opening it.
    const budget = await tx.monthlyPlanItem.aggregate({ where: { planId: plan.id }, _sum: { budgetFen: true } });
    return {
      subjectId: plan.id,
      href: `/monthly-plans/${plan.id}`,
      params: { year: plan.year, month: plan.month, amountFen: budget._sum.budgetFen ?? 0 },
    };
  },
  snapshot: (tx, approvalId) => monthlySnapshot(tx, approvalId),
  async checkSubmit(tx, approvalId) {
    const items = await tx.monthlyPlanItem.findMany({
      where: { plan: { approvalId } },
      select: { planItemId: true, unplannedReason: true },
    });
    if (items.length === 0) return "monthlyPlan.emptyPlan";
    // An annual item deleted since (SetNull) leaves an item that now needs a reason.
    return items.some((i) => !i.planItemId && !i.unplannedReason) ? "monthlyPlan.validation.reasonRequired" : null;
  },
  // Step 006 follows: the clerks are asked to set up the month's courses.
  onApproved: askForCourses,
};
