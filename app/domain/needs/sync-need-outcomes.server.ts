// Keeps needs' outcomes in step with the plan's links to them, in the transaction that changed the links
// (a plan item saved or deleted): see need-outcome-rules.ts.
import type { AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";

import { outcomeAfterLinks } from "./need-outcome-rules";
import { tellHeadsOfOutcomes } from "./outcome-todo.server";

/**
 * Re-derives the outcome of these needs from their links; returns the ids whose outcome changed (their
 * departments' heads are told, as when the manager marks them on the outcomes page).
 */
export async function syncNeedOutcomes(
  tx: Tx,
  actor: NonNullable<AuditActor> & { name: string },
  needIds: string[],
): Promise<string[]> {
  if (needIds.length === 0) return [];
  const needs = await tx.needItem.findMany({
    where: { id: { in: [...new Set(needIds)] } },
    select: { id: true, outcome: true, _count: { select: { planLinks: true } } },
  });
  const changed: string[] = [];
  for (const need of needs) {
    const next = outcomeAfterLinks(need.outcome, need._count.planLinks > 0);
    if (next === need.outcome) continue;
    await tx.needItem.update({
      where: { id: need.id },
      data: { outcome: next, outcomeReason: null, outcomeAt: now(), outcomeById: actor.id },
    });
    changed.push(need.id);
  }
  await tellHeadsOfOutcomes(tx, actor, changed);
  return changed;
}
