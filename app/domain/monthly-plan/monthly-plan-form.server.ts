// The monthly plan as its paper form (月度培训计划) and workbook show it: every item with where it came
// from, who it is for, its sessions and budget, who teaches or runs it, and the revision's approval.
import { db } from "~/utils/db.server";
import { listDecisions } from "~/workflow/approval.server";
import { formApproval } from "~/workflow/form-approval";

/** null when there is no such plan. Every reader of monthly plans reads all of it (no people in it). */
export async function monthlyPlanForm(planId: string) {
  const plan = await db.monthlyPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      year: true,
      month: true,
      title: true,
      approval: { select: { id: true, state: true, revision: true } },
      items: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          category: true,
          targetPeople: true,
          headcount: true,
          sessions: true,
          budgetFen: true,
          unplannedReason: true,
          planItem: { select: { title: true, delivery: true, lecturerType: true } },
          courses: {
            orderBy: { createdAt: "asc" },
            select: {
              title: true,
              lecturerKind: true,
              lecturer: { select: { name: true } },
              externalLecturer: true,
              externalOrg: true,
            },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const { approval } = plan;
  const items = plan.items.map((i) => ({
    id: i.id,
    title: i.title,
    category: i.category,
    planned: i.planItem !== null,
    annualTitle: i.planItem?.title ?? null,
    unplannedReason: i.unplannedReason,
    targetPeople: i.targetPeople,
    headcount: i.headcount,
    sessions: i.sessions,
    budgetFen: i.budgetFen,
    delivery: i.planItem?.delivery ?? null,
    lecturerType: i.planItem?.lecturerType ?? null,
    // The courses set up for the item name the actual lecturers; before that the annual item says which kind.
    lecturers: i.courses.map((c) =>
      c.lecturerKind === "INTERNAL"
        ? { kind: "INTERNAL" as const, name: c.lecturer?.name ?? "", org: null }
        : { kind: "EXTERNAL" as const, name: c.externalLecturer ?? "", org: c.externalOrg },
    ),
  }));
  return {
    plan: {
      id: plan.id,
      year: plan.year,
      month: plan.month,
      title: plan.title,
      state: approval.state,
      revision: approval.revision,
    },
    items,
    totals: {
      headcount: items.reduce((s, i) => s + i.headcount, 0),
      sessions: items.reduce((s, i) => s + i.sessions, 0),
      budgetFen: items.reduce((s, i) => s + i.budgetFen, 0),
    },
    approval: formApproval(await listDecisions(approval.id), approval.state, approval.revision),
  };
}
export type MonthlyPlanForm = NonNullable<Awaited<ReturnType<typeof monthlyPlanForm>>>;
