// The training manager marks what became of a need (002): adopted or merged into an item of the year's
// plan (the link is the plan's PlanItemNeed row), or not adopted with a reason. A marking that changes
// the plan's links needs the plan to be a draft: approved work never changes behind the approver's back.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { lockDraft } from "~/workflow/approval.server";

import { linkChanges } from "./need-outcome-rules";
import type { NeedOutcomeInput } from "./need-outcome.schema";
import { tellHeadsOfOutcomes } from "./outcome-todo.server";

export type MarkOutcome =
  { ok: true; id: string } | { ok: false; error: string; field?: string; status: 400 | 404 | 409 };

export async function markNeedOutcome(
  actor: NonNullable<AuditActor> & { name: string },
  surveyId: string,
  input: NeedOutcomeInput,
): Promise<MarkOutcome> {
  return db.$transaction(async (tx) => {
    const need = await tx.needItem.findFirst({
      where: { id: input.needId, form: { surveyId, status: "SUBMITTED" } },
      select: {
        id: true,
        topic: true,
        outcome: true,
        form: { select: { department: { select: { name: true } }, survey: { select: { year: true } } } },
        planLinks: { select: { planItemId: true } },
      },
    });
    if (!need) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    // The need's row, as the manager saw it: of two marks sent from the same view, one wins.
    const seen = new Date(input.updatedAt);
    if (Number.isNaN(seen.getTime())) return { ok: false as const, error: "errors.conflict", status: 409 as const };
    const locked = await tx.needItem.updateMany({
      where: { id: need.id, updatedAt: seen },
      data: { updatedAt: now() },
    });
    if (locked.count === 0) return { ok: false as const, error: "errors.conflict", status: 409 as const };

    const year = need.form.survey.year;
    const item = input.planItemId
      ? await tx.planItem.findFirst({
          where: { id: input.planItemId, plan: { year } },
          select: { id: true, title: true },
        })
      : null;
    if (input.outcome !== "NOT_ADOPTED" && !item)
      return { ok: false as const, field: "planItemId", error: "validation.invalidChoice", status: 400 as const };
    const changes = linkChanges(
      need.planLinks.map((l) => l.planItemId),
      input.outcome,
      item?.id,
    );
    if (changes.add.length + changes.remove.length > 0) {
      const plan = await tx.annualPlan.findUnique({ where: { year }, select: { approvalId: true } });
      if (!plan || !(await lockDraft(tx, plan.approvalId)))
        return { ok: false as const, error: "needs.outcomes.planLocked", status: 409 as const };
      await tx.planItemNeed.deleteMany({ where: { needItemId: need.id, planItemId: { in: changes.remove } } });
      await tx.planItemNeed.createMany({
        data: changes.add.map((planItemId) => ({ planItemId, needItemId: need.id })),
      });
    }
    const reason = input.outcome === "NOT_ADOPTED" ? input.reason! : null;
    await tx.needItem.update({
      where: { id: need.id },
      data: { outcome: input.outcome, outcomeReason: reason, outcomeAt: now(), outcomeById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      action: "needsForm.outcomeMarked",
      entityType: "NeedItem",
      entityId: need.id,
      reason,
      summary: {
        topic: need.topic,
        department: need.form.department.name,
        year,
        from: need.outcome,
        to: input.outcome,
        ...(item ? { planItem: item.id, planItemTitle: item.title } : {}),
        ...(changes.add.length ? { linked: changes.add } : {}),
        ...(changes.remove.length ? { unlinked: changes.remove } : {}),
      },
    });
    await tellHeadsOfOutcomes(tx, actor, [need.id]);
    return { ok: true as const, id: need.id };
  });
}
