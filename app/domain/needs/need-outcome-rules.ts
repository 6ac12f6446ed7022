// Pure rules of what became of a need (002). Which plan items answer a need is kept in one place, the
// plan's PlanItemNeed links; the outcome says how: ADOPTED and MERGED hold exactly while the need has a
// link, PENDING and NOT_ADOPTED while it has none.
export const NEED_OUTCOMES = ["PENDING", "ADOPTED", "MERGED", "NOT_ADOPTED"] as const;
export type NeedOutcomeName = (typeof NEED_OUTCOMES)[number];
/** What the training manager may mark a need as (pending is only where every need starts). */
export const MARKED_OUTCOMES = ["ADOPTED", "MERGED", "NOT_ADOPTED"] as const;
export type MarkedOutcome = (typeof MARKED_OUTCOMES)[number];

const LINKED: NeedOutcomeName[] = ["ADOPTED", "MERGED"];

/**
 * The outcome once the need's links to plan items have changed (a plan item saved or deleted): a
 * linked need is adopted unless it was marked merged; a need left without any link is pending again.
 */
export function outcomeAfterLinks(outcome: NeedOutcomeName, linked: boolean): NeedOutcomeName {
  if (linked) return LINKED.includes(outcome) ? outcome : "ADOPTED";
  return LINKED.includes(outcome) ? "PENDING" : outcome;
}

/**
 * The links a marking adds and removes: adopted or merged into an item links the need to it (its other
 * items stay); not adopted takes it out of every item.
 */
export function linkChanges(
  current: string[],
  outcome: MarkedOutcome,
  planItemId: string | undefined,
): { add: string[]; remove: string[] } {
  if (outcome === "NOT_ADOPTED") return { add: [], remove: current };
  return { add: planItemId && !current.includes(planItemId) ? [planItemId] : [], remove: [] };
}
