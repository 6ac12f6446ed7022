import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ApprovalBadge, ApprovalPanel, decisionError, DecisionHistory } from "~/components/approval-panel";
import { FormAlert } from "~/components/form";
import { MonthlyItems, PeopleToTrain } from "~/components/monthly-plan/monthly-items";
import { MonthlyPlanDiff } from "~/components/monthly-plan/monthly-plan-diff";
import { monthlyPlanPage } from "~/domain/monthly-plan/monthly-plan-queries.server";
import { yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { MonthlyPlanSubject } from "~/domain/monthly-plan/monthly-plan-subject.server";
import { deleteMonthlyItem } from "~/domain/monthly-plan/monthly-plan.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can, scopeFor } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";
import { permissionFor } from "~/workflow/approval-rules";
import { DecisionSchema } from "~/workflow/approval.schema";
import { decide } from "~/workflow/approval.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const MonthlyPlanParams = z.object({ monthlyPlanId: Id });

// The page's forms: deleting an item, and the workflow's decisions (DecisionSchema's intents).
const MonthlyPlanIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deleteItem"), itemId: Id }),
  DecisionSchema,
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { monthlyPlanId } = getParams(params, MonthlyPlanParams);
  const auth = await requirePermission(request, "read:monthly-plan");
  // Every department head reads every monthly plan, but the people to train only as far as read:person reaches.
  const personScope = scopeFor(auth.user.roles, "read:person");
  const peopleIn = personScope ? await departmentIdsInScope({ user: auth.user, scope: personScope }) : [];
  const page = await monthlyPlanPage(monthlyPlanId, auth.user.roles, peopleIn);
  invariantResponse(page, "Not found", { status: 404 });
  return {
    ...page,
    canDraft: can(auth.user.roles, "draft:monthly-plan"),
    canCourse: can(auth.user.roles, "draft:course") && page.plan.state === "APPROVED",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { monthlyPlanId: planId } = getParams(params, MonthlyPlanParams);
  const form = parseIntent(await request.formData(), MonthlyPlanIntent);
  // A workflow action needs its actor's permission (approving and rejecting: the approver's); editing the drafter's.
  const { actor } = await requireActor(request, permissionFor(MonthlyPlanSubject.policy, form.intent ?? ""));
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/monthly-plans/${planId}` };
  if (form.data.intent === "deleteItem")
    return respond(await deleteMonthlyItem(actor, planId, form.data.itemId), {
      ...done,
      flash: "monthlyPlan.notices.itemDeleted",
    });
  const { intent, revision, reason } = form.data;
  return respond(await decide(MonthlyPlanSubject, { subjectId: planId, action: intent, revision, reason, actor }), {
    ...done,
    flash: `monthlyPlan.notices.${intent}`,
  });
}

export default function MonthlyPlanPage() {
  const { t } = useTranslation();
  const { plan, items, total, people, decisions, rejection, diff, actions, editable, canDraft, canCourse } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const rejectionParams =
    rejection && JSON.stringify({ revision: rejection.revision, name: rejection.actorName, reason: rejection.reason });
  return (
    <div className="space-y-5">
      <Link to="/monthly-plans" className="btn-link">
        ← {t("monthlyPlan.title")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="page-title">{plan.title}</h1>
          <ApprovalBadge state={plan.state} revision={plan.revision} />
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/monthly-plans/${plan.id}/print`} className="btn-secondary">
            {t("plan.print")}
          </a>
          <a href={`/monthly-plans/${plan.id}/export`} className="btn-secondary">
            {t("plan.export")}
          </a>
          <Link to={`/calendar?month=${yearMonth(plan.year, plan.month)}`} className="btn-secondary">
            {t("monthlyPlan.calendar")}
          </Link>
          {editable && canDraft ? (
            <Link to="items/new" className="btn-primary">
              {t("monthlyPlan.addItem")}
            </Link>
          ) : null}
        </div>
      </div>
      {plan.state === "APPROVED" ? <FormAlert tone="info" message="monthlyPlan.lockedNotice" /> : null}
      {diff ? (
        <MonthlyPlanDiff changes={diff.changes} rejection={diff.rejection} />
      ) : rejection ? (
        <FormAlert tone="info" message={`monthlyPlan.rejected::${rejectionParams}`} />
      ) : null}
      <ApprovalPanel
        state={plan.state}
        revision={plan.revision}
        actions={actions}
        error={decisionError(actionData?.errors)}
      />
      <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
        <MonthlyItems items={items} editable={editable && canDraft} canCourse={canCourse} total={total} />
        <PeopleToTrain
          newHires={people.newHires}
          transfers={people.transfers}
          scheduled={people.scheduled}
          editable={editable && canDraft}
        />
      </div>
      <DecisionHistory decisions={decisions} />
    </div>
  );
}
