// Everything the plan page, print view and export show, in one read.
import type { RoleName } from "~/utils/permissions";
import { availableActions, isEditable } from "~/workflow/approval-rules";
import { comparisonBase, listDecisions, submittedSnapshot } from "~/workflow/approval.server";

import { getPlan, itemView, needsForYear } from "./plan-queries.server";
import { diffPlans, planTotals, uncoveredNeeds, type PlanSnapshot } from "./plan-rules";
import { AnnualPlanSubject } from "./plan-subject.server";

export async function planPage(planId: string, roles: RoleName[]) {
  const plan = await getPlan(planId);
  if (!plan) return null;
  const { approval } = plan;
  const items = plan.items.map(itemView);
  const [decisions, needs, base] = await Promise.all([
    listDecisions(approval.id),
    needsForYear(plan.year),
    comparisonBase(approval),
  ]);
  // While a revision is in the making, both sides see how it differs from the last one decided on:
  // the one sent back, or the approved one it changes (with why it was reopened).
  let diff = null;
  if (base) {
    const before = (await submittedSnapshot(approval.id, base.revision)) as PlanSnapshot | null;
    if (before) diff = { rejection: base, changes: diffPlans(before, { title: plan.title, items }) };
  }
  return {
    plan: {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      state: approval.state,
      revision: approval.revision,
      updatedAt: plan.updatedAt,
    },
    items,
    totals: planTotals(items),
    needs: needs.needs,
    surveyId: needs.surveyId,
    uncovered: uncoveredNeeds(needs.needs, items),
    decisions,
    diff,
    actions: availableActions(approval.state, roles, AnnualPlanSubject.policy),
    editable: isEditable(approval.state),
  };
}
