// "The annual plan in force" for a month: its approved content, even while a new revision is drafted
// (docs/decisions/0006, consequences).
import type { Category } from "~/domain/plan/fields";
import type { SnapshotItem } from "~/domain/plan/plan-rules";
import type { Tx } from "~/utils/db.server";

import { monthHeadcount } from "./monthly-plan-rules";

type AnnualItem = Pick<
  SnapshotItem,
  "id" | "title" | "months" | "targetPeople" | "sessions" | "budgetFen" | "needIds" | "headcount"
> & { category: Category };

export async function annualItemsInForce(tx: Tx, year: number): Promise<AnnualItem[] | null> {
  const plan = await tx.annualPlan.findUnique({
    where: { year },
    select: {
      approval: { select: { id: true, state: true } },
      items: { orderBy: { createdAt: "asc" }, include: { needs: { select: { needItemId: true } } } },
    },
  });
  if (!plan) return null;
  if (plan.approval.state === "APPROVED")
    return plan.items.map((i) => ({ ...i, needIds: i.needs.map((n) => n.needItemId) }));
  const approved = await tx.approvalDecision.findFirst({
    where: { approvalId: plan.approval.id, action: "APPROVE" },
    orderBy: { revision: "desc" },
    select: { revision: true },
  });
  if (!approved) return null;
  const submitted = await tx.approvalDecision.findUnique({
    where: {
      approvalId_revision_action: { approvalId: plan.approval.id, revision: approved.revision, action: "SUBMIT" },
    },
    select: { snapshot: true },
  });
  const items = (submitted?.snapshot as { items?: AnnualItem[] } | null)?.items ?? [];
  // A monthly item links to the annual item's row, which a draft may have removed since.
  const rows = new Map(
    (
      await tx.planItem.findMany({
        where: { id: { in: items.map((i) => i.id) } },
        select: { id: true, headcount: true },
      })
    ).map((i) => [i.id, i]),
  );
  // A revision approved before items had a headcount: the item's own (filled in from its needs).
  return items
    .filter((i) => rows.has(i.id))
    .map((i) => ({ ...i, headcount: i.headcount ?? rows.get(i.id)!.headcount }));
}

/**
 * What each annual item in force plans as the month's headcount: its 人数 (null when it states none).
 * `items` defaults to the plan in force for the year.
 */
export async function annualHeadcounts(
  tx: Tx,
  year: number,
  month: number,
  items?: Array<Pick<AnnualItem, "id" | "headcount" | "months">> | null,
): Promise<Map<string, number | null>> {
  const annual = items ?? (await annualItemsInForce(tx, year)) ?? [];
  return new Map(annual.map((item) => [item.id, monthHeadcount(item, month)]));
}

/** The headcount the annual item in force plans for the plan's month (null: it sets none). */
export async function annualHeadcountOf(tx: Tx, planId: string, planItemId: string): Promise<number | null> {
  const plan = await tx.monthlyPlan.findUniqueOrThrow({ where: { id: planId }, select: { year: true, month: true } });
  return (await annualHeadcounts(tx, plan.year, plan.month)).get(planItemId) ?? null;
}
