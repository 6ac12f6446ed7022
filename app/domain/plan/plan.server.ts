// Drafting the annual plan: the plan for a year, and its items while the plan is a draft.
import { syncNeedOutcomes } from "~/domain/needs/sync-need-outcomes.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { createApproval, lockDraft } from "~/workflow/approval.server";

import type { PlanItemInput } from "./plan.schema";

/** The department must exist and an internal lecturer still work here: the field refused, or null. */
async function refusedChoice(tx: Tx, input: PlanItemInput): Promise<"departmentId" | "lecturerId" | null> {
  if (!(await tx.department.count({ where: { id: input.departmentId, kind: { not: "TEAM" } } }))) return "departmentId";
  if (
    input.lecturerId &&
    !(await tx.person.count({ where: { id: input.lecturerId, disabledAt: null, status: { not: "LEFT" } } }))
  )
    return "lecturerId";
  return null;
}

// With a name: a change that moves a need's outcome tells the department's head who made it.
export type Actor = NonNullable<AuditActor> & { name: string };
export type PlanOutcome =
  { ok: true; id: string } | { ok: false; field?: string; error: string; status: 400 | 404 | 409 };

export async function createPlan(actor: Actor, input: { year: number; title: string }): Promise<PlanOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.annualPlan.findUnique({ where: { year: input.year }, select: { id: true } }))
        return { ok: false as const, field: "year", error: "plan.yearTaken", status: 400 as const };
      const approval = await createApproval(tx, "AnnualPlan");
      const plan = await tx.annualPlan.create({
        data: { year: input.year, title: input.title, approvalId: approval.id, createdById: actor.id },
      });
      await writeAudit(tx, {
        actor,
        action: "annualPlan.created",
        entityType: "AnnualPlan",
        entityId: plan.id,
        summary: { year: input.year, title: input.title },
      });
      return { ok: true as const, id: plan.id };
    });
  } catch (error) {
    // Two managers creating the same year at once: the unique year lets one through.
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, field: "year", error: "plan.yearTaken", status: 400 };
    throw error;
  }
}

const itemData = (input: PlanItemInput) => ({
  title: input.title,
  category: input.category,
  months: input.months,
  targetPeople: input.targetPeople,
  sessions: input.sessions,
  hoursTenths: input.hoursPerSession,
  delivery: input.delivery,
  lecturerType: input.lecturerType,
  budgetFen: input.budget,
  headcount: input.headcount,
  departmentId: input.departmentId,
  lecturerId: input.lecturerId ?? null,
  lecturerName: input.lecturerName ?? null,
});

/** Adds or changes an item; only in a draft, and only linking needs of the same year's survey. */
export async function savePlanItem(
  actor: Actor,
  planId: string,
  itemId: string | null,
  input: PlanItemInput,
): Promise<PlanOutcome> {
  return db.$transaction(async (tx) => {
    const plan = await tx.annualPlan.findUnique({
      where: { id: planId },
      select: { id: true, year: true, approvalId: true },
    });
    if (!plan) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    if (!(await lockDraft(tx, plan.approvalId)))
      return { ok: false as const, error: "plan.locked", status: 409 as const };
    const needIds = [...new Set(input.needIds)];
    const valid = await tx.needItem.count({
      where: { id: { in: needIds }, form: { status: "SUBMITTED", survey: { year: plan.year } } },
    });
    if (valid !== needIds.length)
      return { ok: false as const, field: "needIds", error: "validation.invalidChoice", status: 400 as const };
    const refused = await refusedChoice(tx, input);
    if (refused) return { ok: false as const, field: refused, error: "validation.invalidChoice", status: 400 as const };
    const data = itemData(input);
    let id = itemId;
    let unlinked: string[] = [];
    if (itemId) {
      const updated = await tx.planItem.updateMany({ where: { id: itemId, planId }, data });
      if (updated.count === 0) return { ok: false as const, error: "errors.notFound", status: 404 as const };
      unlinked = (await tx.planItemNeed.findMany({ where: { planItemId: itemId }, select: { needItemId: true } })).map(
        (l) => l.needItemId,
      );
      await tx.planItemNeed.deleteMany({ where: { planItemId: itemId } });
    } else {
      id = (await tx.planItem.create({ data: { ...data, planId } })).id;
    }
    await tx.planItemNeed.createMany({ data: needIds.map((needItemId) => ({ planItemId: id!, needItemId })) });
    // Linked needs are adopted; a need this item no longer answers (and no other does) is pending again.
    await syncNeedOutcomes(tx, actor, [...unlinked, ...needIds]);
    await writeAudit(tx, {
      actor,
      action: itemId ? "annualPlan.itemUpdated" : "annualPlan.itemAdded",
      entityType: "AnnualPlan",
      entityId: planId,
      summary: { item: id, ...data, needIds },
    });
    return { ok: true as const, id: id! };
  });
}
