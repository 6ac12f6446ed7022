// Drafting the monthly plan (step 004): the plan for a month, seeded from the annual plan in force,
// and its items while the plan is a draft.
import { companyToday } from "~/domain/settings/settings.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { createApproval, lockDraft } from "~/workflow/approval.server";

import { annualHeadcountOf, annualHeadcounts, annualItemsInForce } from "./annual-items.server";
import { isPastMonth, monthShare } from "./monthly-plan-rules";
import { overAnnualHeadcount, type MonthlyItemInput } from "./monthly-plan.schema";

type Actor = NonNullable<AuditActor>;
export type MonthlyOutcome =
  { ok: true; id: string } | { ok: false; field?: string; error: string; status: 400 | 404 | 409 };

/** A new draft for the month holding the annual plan's items for that month, each with its share. */
export async function createMonthlyPlan(
  actor: Actor,
  input: { year: number; month: number; title: string },
): Promise<MonthlyOutcome> {
  const today = await companyToday();
  if (isPastMonth(input, today))
    return {
      ok: false,
      field: "month",
      error: `monthlyPlan.validation.pastMonth::${JSON.stringify({ year: today.year, month: today.month })}`,
      status: 400,
    };
  try {
    return await db.$transaction(async (tx) => {
      if (
        await tx.monthlyPlan.findUnique({
          where: { year_month: { year: input.year, month: input.month } },
          select: { id: true },
        })
      ) {
        return { ok: false as const, field: "month", error: "monthlyPlan.monthTaken", status: 400 as const };
      }
      const annual = await annualItemsInForce(tx, input.year);
      if (!annual)
        return { ok: false as const, field: "month", error: "monthlyPlan.noApprovedAnnualPlan", status: 400 as const };
      const approval = await createApproval(tx, "MonthlyPlan");
      const plan = await tx.monthlyPlan.create({
        data: {
          year: input.year,
          month: input.month,
          title: input.title,
          approvalId: approval.id,
          createdById: actor.id,
        },
      });
      // Headcount starts as what the annual item plans for the month (the needs it answers).
      const heads = await annualHeadcounts(tx, input.year, input.month, annual);
      const items = annual.flatMap((item) => {
        const share = monthShare(item, input.month);
        if (!share) return [];
        return [
          {
            planId: plan.id,
            planItemId: item.id,
            title: item.title,
            category: item.category,
            targetPeople: item.targetPeople,
            headcount: Math.max(1, heads.get(item.id) ?? 0),
            sessions: Math.max(1, share.sessions),
            budgetFen: share.budgetFen,
          },
        ];
      });
      await tx.monthlyPlanItem.createMany({ data: items });
      await writeAudit(tx, {
        actor,
        action: "monthlyPlan.created",
        entityType: "MonthlyPlan",
        entityId: plan.id,
        summary: { year: input.year, month: input.month, fromAnnual: items.length },
      });
      return { ok: true as const, id: plan.id };
    });
  } catch (error) {
    // Two managers creating the same month at once: the unique (year, month) lets one through.
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, field: "month", error: "monthlyPlan.monthTaken", status: 400 };
    throw error;
  }
}

const itemData = (input: MonthlyItemInput, planned: boolean) => ({
  title: input.title,
  category: input.category,
  targetPeople: input.targetPeople,
  headcount: input.headcount,
  sessions: input.sessions,
  budgetFen: input.budget,
  unplannedReason: planned ? (input.unplannedReason ?? null) : input.unplannedReason!,
});

/** Adds an unplanned item or changes any item; only in a draft. */
export async function saveMonthlyItem(
  actor: Actor,
  planId: string,
  itemId: string | null,
  input: MonthlyItemInput,
): Promise<MonthlyOutcome> {
  return db.$transaction(async (tx) => {
    const plan = await tx.monthlyPlan.findUnique({ where: { id: planId }, select: { approvalId: true } });
    if (!plan) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    if (!(await lockDraft(tx, plan.approvalId)))
      return { ok: false as const, error: "monthlyPlan.locked", status: 409 as const };
    const existing = itemId
      ? await tx.monthlyPlanItem.findFirst({ where: { id: itemId, planId }, select: { planItemId: true } })
      : null;
    if (itemId && !existing) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    // More people than the annual item plans for the month is allowed with a reason the approver reads.
    const cap = existing?.planItemId ? await annualHeadcountOf(tx, planId, existing.planItemId) : null;
    const over = overAnnualHeadcount(input, cap);
    if (over) return { ok: false as const, field: "unplannedReason", error: over, status: 400 as const };
    const data = itemData(input, Boolean(existing?.planItemId));
    const id = itemId
      ? (await tx.monthlyPlanItem.update({ where: { id: itemId }, data })).id
      : (await tx.monthlyPlanItem.create({ data: { ...data, planId } })).id;
    await writeAudit(tx, {
      actor,
      action: itemId ? "monthlyPlan.itemUpdated" : "monthlyPlan.itemAdded",
      entityType: "MonthlyPlan",
      entityId: planId,
      summary: { item: id, ...data },
    });
    return { ok: true as const, id };
  });
}

export async function deleteMonthlyItem(actor: Actor, planId: string, itemId: string): Promise<MonthlyOutcome> {
  return db.$transaction(async (tx) => {
    const plan = await tx.monthlyPlan.findUnique({ where: { id: planId }, select: { approvalId: true } });
    if (!plan) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    if (!(await lockDraft(tx, plan.approvalId)))
      return { ok: false as const, error: "monthlyPlan.locked", status: 409 as const };
    const item = await tx.monthlyPlanItem.findFirst({
      where: { id: itemId, planId },
      select: { title: true, _count: { select: { courses: true } } },
    });
    if (!item) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    if (item._count.courses > 0)
      return { ok: false as const, error: "monthlyPlan.itemHasCourses", status: 409 as const };
    await tx.monthlyPlanItem.delete({ where: { id: itemId } });
    await writeAudit(tx, {
      actor,
      action: "monthlyPlan.itemDeleted",
      entityType: "MonthlyPlan",
      entityId: planId,
      summary: { item: itemId, title: item.title },
    });
    return { ok: true as const, id: planId };
  });
}
