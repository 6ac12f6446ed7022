// Step 006 follows step 005: once the leader approves a month's plan, the training clerks set up that
// month's courses. The to-do that tells them (docs/decisions/0005).
//
// When it closes: as soon as every item of the month has at least one course set up (a draft counts —
// from then on the course's own approval loop tells people what to do). This is the rule the clerk
// can check on the plan page, and it needs no "mark as done" button that could close it while items
// still have no course. An item the clerk decides not to hold keeps the to-do open until the manager
// takes that item out of the plan in a new revision.
import type { Tx } from "~/utils/db.server";
import { addTodo, closeTodos } from "~/utils/todo.server";
import { peopleHolding } from "~/workflow/approval.server";

export const COURSE_SETUP_TODO = "monthlyPlan.setUpCourses";
const source = (planId: string) => ({ sourceType: "MonthlyPlan", sourceId: planId, kind: COURSE_SETUP_TODO });

/** In the approval's transaction: asks everyone who sets up courses to do so for the month's items that have none. */
export async function askForCourses(tx: Tx, approvalId: string) {
  const plan = await tx.monthlyPlan.findUnique({
    where: { approvalId },
    select: { id: true, year: true, month: true, items: { where: { courses: { none: {} } }, select: { id: true } } },
  });
  // A revision approved again with a course for every item asks nothing new.
  if (!plan || plan.items.length === 0) return;
  for (const personId of await peopleHolding(tx, "draft:course")) {
    await addTodo(tx, {
      ...source(plan.id),
      personId,
      href: `/monthly-plans/${plan.id}`,
      params: { year: plan.year, month: plan.month },
    });
  }
}

/**
 * In the transaction that set up a course: closes the month's to-do, for every clerk, once no item is left without one.
 */
export async function closeWhenEveryItemHasACourse(tx: Tx, planId: string) {
  const left = await tx.monthlyPlanItem.count({ where: { planId, courses: { none: {} } } });
  if (left === 0) await closeTodos(tx, source(planId));
}
