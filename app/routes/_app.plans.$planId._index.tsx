import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ApprovalBadge, ApprovalPanel, decisionError, DecisionHistory } from "~/components/approval-panel";
import { YearBudgetLine } from "~/components/budget/year-budget-line";
import { FormAlert } from "~/components/form";
import { DeleteItemConfirm } from "~/components/plan/delete-item-confirm";
import { NeedsCoverage } from "~/components/plan/needs-coverage";
import { PlanDiffView } from "~/components/plan/plan-diff";
import { PlanItemsTable, PlanTotals } from "~/components/plan/plan-items";
import { annualPlanBudgetLine } from "~/domain/budget/training-budget-queries.server";
import { deletePlanItem } from "~/domain/plan/delete-plan-item.server";
import { planPage } from "~/domain/plan/plan-page.server";
import { AnnualPlanSubject } from "~/domain/plan/plan-subject.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";
import { permissionFor } from "~/workflow/approval-rules";
import { DecisionSchema } from "~/workflow/approval.schema";
import { decide } from "~/workflow/approval.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const PlanParams = z.object({ planId: Id });

// The page's forms: deleting an item (confirmed when draft monthly plans use it), and the workflow's
// decisions (DecisionSchema's intents).
const PlanIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deleteItem"), itemId: Id, confirmed: z.enum(["1"]).optional() }),
  DecisionSchema,
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { planId } = getParams(params, PlanParams);
  const auth = await requirePermission(request, "read:annual-plan");
  const page = await planPage(planId, auth.user.roles);
  invariantResponse(page, "Not found", { status: 404 });
  return {
    ...page,
    canDraft: can(auth.user.roles, "draft:annual-plan"),
    budgetLine: await annualPlanBudgetLine(page.plan.year),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { planId } = getParams(params, PlanParams);
  const form = parseIntent(await request.formData(), PlanIntent);
  // A workflow action needs its actor's permission (approving and rejecting: the approver's); editing the drafter's.
  const { actor } = await requireActor(request, permissionFor(AnnualPlanSubject.policy, form.intent ?? ""));
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/plans/${planId}` };
  if (form.data.intent === "deleteItem")
    return respond(await deletePlanItem(actor, planId, form.data.itemId, form.data.confirmed === "1"), {
      ...done,
      flash: "plan.notices.itemDeleted",
    });
  const { intent, revision, reason } = form.data;
  return respond(await decide(AnnualPlanSubject, { subjectId: planId, action: intent, revision, reason, actor }), {
    ...done,
    flash: `plan.notices.${intent}`,
  });
}

export default function PlanPage() {
  const { t } = useTranslation();
  const { plan, items, totals, needs, surveyId, uncovered, decisions, diff, actions, editable, canDraft, budgetLine } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A deletion that would turn draft monthly items unplanned asks first; any other refusal shows above.
  const pageError = decisionError(actionData?.errors);
  const confirmItem = pageError?.startsWith("plan.deleteAffectsDrafts") ? actionData?.values.itemId : undefined;
  const needTitle = (id: string) => {
    const n = needs.find((x) => x.id === id);
    return n ? `${n.department}·${n.topic}` : "—";
  };
  return (
    <div className="space-y-5">
      <Link to="/plans" className="btn-link">
        ← {t("plan.title")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{t("plan.formName")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="page-title">{plan.title}</h1>
            <ApprovalBadge state={plan.state} revision={plan.revision} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/plans/${plan.id}/print`} className="btn-secondary">
            {t("plan.print")}
          </a>
          <a href={`/plans/${plan.id}/export`} className="btn-secondary">
            {t("plan.export")}
          </a>
          {editable && canDraft ? (
            <Link to="items/new" className="btn-primary">
              {t("plan.addItem")}
            </Link>
          ) : null}
        </div>
      </div>
      {plan.state === "APPROVED" ? <FormAlert tone="info" message="plan.lockedNotice" /> : null}
      <ApprovalPanel
        state={plan.state}
        revision={plan.revision}
        actions={actions}
        error={typeof confirmItem === "string" ? undefined : pageError}
      />
      {typeof confirmItem === "string" && pageError ? (
        <DeleteItemConfirm message={pageError} itemId={confirmItem} />
      ) : null}
      {diff ? <PlanDiffView diff={diff.changes} rejection={diff.rejection} needTitle={needTitle} /> : null}
      <PlanItemsTable items={items} needs={needs} editable={editable && canDraft} />
      <PlanTotals totals={totals} />
      <YearBudgetLine line={budgetLine} used="plans" />
      <NeedsCoverage uncovered={uncovered} total={needs.length} surveyId={surveyId} canAdd={editable && canDraft} />
      <DecisionHistory decisions={decisions} />
    </div>
  );
}
