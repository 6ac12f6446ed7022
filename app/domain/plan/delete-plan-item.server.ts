// Deleting an item of the annual plan's draft. Monthly plans and courses built on the item must not
// change behind anyone's back: work that was submitted or approved (or has courses) keeps its item, so
// the deletion is refused naming it; a draft monthly plan's item becomes unplanned, with the reason
// written on it, only once the drafter has confirmed it.
import { syncNeedOutcomes } from "~/domain/needs/sync-need-outcomes.server";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { messageKey } from "~/utils/validation";
import { lockDraft } from "~/workflow/approval.server";

import { usesBlockingDeletion, type MonthlyUse } from "./plan-rules";
import type { Actor, PlanOutcome } from "./plan.server";

async function monthlyUses(tx: Tx, itemId: string): Promise<MonthlyUse[]> {
  const rows = await tx.monthlyPlanItem.findMany({
    where: { planItemId: itemId },
    orderBy: [{ plan: { year: "asc" } }, { plan: { month: "asc" } }],
    select: {
      id: true,
      title: true,
      unplannedReason: true,
      plan: { select: { year: true, month: true, approvalId: true } },
      courses: { orderBy: { createdAt: "asc" }, select: { title: true } },
    },
  });
  if (rows.length === 0) return [];
  // The monthly plans' approval rows stay locked to the commit: a submission of one of them waits, and
  // the states read here are the latest.
  const approvalIds = [...new Set(rows.map((r) => r.plan.approvalId))];
  const states = new Map(
    (
      await tx.$queryRaw<Array<{ id: string; state: string }>>`
        SELECT "id", "state"::text AS "state" FROM "Approval" WHERE "id" = ANY(${approvalIds}) FOR UPDATE`
    ).map((a) => [a.id, a.state]),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    unplannedReason: r.unplannedReason,
    year: r.plan.year,
    month: r.plan.month,
    planState: states.get(r.plan.approvalId) ?? "DRAFT",
    courses: r.courses.map((c) => c.title),
  }));
}

const listed = (uses: MonthlyUse[]) =>
  uses
    .map(
      (u) =>
        `${u.year}-${String(u.month).padStart(2, "0")} ${u.title}` +
        (u.courses.length ? ` → ${u.courses.join(", ")}` : ""),
    )
    .join("; ");

export async function deletePlanItem(
  actor: Actor,
  planId: string,
  itemId: string,
  confirmed = false,
): Promise<PlanOutcome> {
  return db.$transaction(async (tx) => {
    const plan = await tx.annualPlan.findUnique({
      where: { id: planId },
      select: { approvalId: true, approval: { select: { revision: true } } },
    });
    if (!plan) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    if (!(await lockDraft(tx, plan.approvalId)))
      return { ok: false as const, error: "plan.locked", status: 409 as const };
    // The item's row lock: a monthly plan being created from it right now commits first (its link
    // holds a key-share lock), so every use is seen below.
    const [item] = await tx.$queryRaw<Array<{ title: string }>>`
      SELECT "title" FROM "PlanItem" WHERE "id" = ${itemId} AND "planId" = ${planId} FOR UPDATE`;
    if (!item) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    const uses = await monthlyUses(tx, itemId);
    const blocking = usesBlockingDeletion(uses);
    if (blocking.length > 0)
      return {
        ok: false as const,
        error: messageKey("plan.itemInUse", { list: listed(blocking) }),
        status: 409 as const,
      };
    if (uses.length > 0 && !confirmed)
      return {
        ok: false as const,
        error: messageKey("plan.deleteAffectsDrafts", { list: listed(uses), count: uses.length }),
        status: 409 as const,
      };
    // Stored text, like the rest of the plan's content, in the company's language.
    const reason = serverT("zh-CN")("plan.deletedFromAnnual", { revision: plan.approval.revision });
    for (const use of uses)
      await tx.monthlyPlanItem.update({
        where: { id: use.id },
        data: {
          planItemId: null,
          unplannedReason: use.unplannedReason ? `${reason} ${use.unplannedReason}` : reason,
        },
      });
    const needIds = (
      await tx.planItemNeed.findMany({ where: { planItemId: itemId }, select: { needItemId: true } })
    ).map((l) => l.needItemId);
    await tx.planItem.delete({ where: { id: itemId } });
    // Its needs, answered by no other item, are pending again (their links went with the item).
    await syncNeedOutcomes(tx, actor, needIds);
    await writeAudit(tx, {
      actor,
      action: "annualPlan.itemDeleted",
      entityType: "AnnualPlan",
      entityId: planId,
      summary: {
        item: itemId,
        title: item.title,
        ...(uses.length ? { madeUnplanned: uses.map((u) => ({ id: u.id, year: u.year, month: u.month })) } : {}),
      },
    });
    return { ok: true as const, id: planId };
  });
}
