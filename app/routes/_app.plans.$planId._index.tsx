import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApprovalBadge, ApprovalPanel, DecisionHistory } from "~/components/approval-panel";
import { FormAlert } from "~/components/form";
import { NeedsCoverage } from "~/components/plan/needs-coverage";
import { PlanDiffView } from "~/components/plan/plan-diff";
import { PlanItemsTable, PlanTotals } from "~/components/plan/plan-items";
import { deletePlanItem } from "~/domain/plan/plan.server";
import { planPage } from "~/domain/plan/plan-page.server";
import { AnnualPlanSubject } from "~/domain/plan/plan-subject.server";
import { requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { parseForm } from "~/utils/validation";
import { permissionFor } from "~/workflow/approval-rules";
import { DecisionSchema } from "~/workflow/approval.schema";
import { decide } from "~/workflow/approval.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:annual-plan");
  const page = await planPage(params.planId!, auth.user.roles);
  if (!page) throw new Response("Not found", { status: 404 });
  return { ...page, canDraft: can(auth.user.roles, "draft:annual-plan") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const planId = params.planId!;
  // A workflow action needs its actor's permission (approving and rejecting: the approver's); editing the drafter's.
  const { user } = await requirePermission(request, permissionFor(AnnualPlanSubject.policy, intent));
  if (intent === "deleteItem") {
    const outcome = await deletePlanItem({ id: user.id, employeeNo: user.employeeNo }, planId, String(formData.get("itemId") ?? ""));
    if (!outcome.ok) return data({ error: outcome.error }, { status: outcome.status });
    return redirect(`/plans/${planId}?notice=itemDeleted`);
  }
  const parsed = parseForm(DecisionSchema, formData);
  if (!parsed.ok) return data({ error: parsed.errors.reason ?? "validation.invalid" }, { status: 400 });
  const outcome = await decide(AnnualPlanSubject, { subjectId: planId, action: parsed.data.intent, revision: parsed.data.revision, reason: parsed.data.reason, actor: user });
  if (!outcome.ok && outcome.status === 404) throw new Response("Not found", { status: 404 });
  if (!outcome.ok) return data({ error: outcome.error }, { status: outcome.status });
  return redirect(`/plans/${planId}?notice=${parsed.data.intent}`);
}

export default function PlanPage() {
  const { t } = useTranslation();
  const { plan, items, totals, needs, surveyId, uncovered, decisions, diff, actions, editable, canDraft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const needTitle = (id: string) => {
    const n = needs.find((x) => x.id === id);
    return n ? `${n.department}·${n.topic}` : "—";
  };
  return (
    <div className="space-y-5">
      <Link to="/plans" className="btn-link">← {t("plan.title")}</Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{t("plan.formName")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="page-title">{plan.title}</h1>
            <ApprovalBadge state={plan.state} revision={plan.revision} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/plans/${plan.id}/print`} className="btn-secondary">{t("plan.print")}</a>
          <a href={`/plans/${plan.id}/export`} className="btn-secondary">{t("plan.export")}</a>
          {editable && canDraft ? <Link to="items/new" className="btn-primary">{t("plan.addItem")}</Link> : null}
        </div>
      </div>
      {notice ? <FormAlert tone="success" message={`plan.notices.${notice}`} /> : null}
      {plan.state === "APPROVED" ? <FormAlert tone="info" message="plan.lockedNotice" /> : null}
      <ApprovalPanel state={plan.state} revision={plan.revision} actions={actions} error={actionData?.error} />
      {diff ? <PlanDiffView diff={diff.changes} rejection={diff.rejection} needTitle={needTitle} /> : null}
      <PlanItemsTable items={items} needs={needs} editable={editable && canDraft} />
      <PlanTotals totals={totals} />
      <NeedsCoverage uncovered={uncovered} total={needs.length} surveyId={surveyId} canAdd={editable && canDraft} />
      <DecisionHistory decisions={decisions} />
    </div>
  );
}
