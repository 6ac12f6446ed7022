import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { PlanItemForm } from "~/components/plan/plan-item-form";
import { formatHours, yuanInput } from "~/components/training/format";
import { getPlan, itemChoices, itemView, needsForYear, planYear } from "~/domain/plan/plan-queries.server";
import { planItemSchema } from "~/domain/plan/plan.schema";
import { savePlanItem } from "~/domain/plan/plan.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";
import { isEditable } from "~/workflow/approval-rules";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const PlanItemParams = z.object({ planId: Id, itemId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { planId, itemId } = getParams(params, PlanItemParams);
  await requirePermission(request, "draft:annual-plan");
  const plan = await getPlan(planId);
  invariantResponse(plan, "Not found", { status: 404 });
  const isNew = itemId === "new";
  const item = isNew ? null : plan.items.find((i) => i.id === itemId);
  invariantResponse(isNew || item, "Not found", { status: 404 });
  const [{ needs }, choices] = await Promise.all([needsForYear(plan.year), itemChoices()]);
  // "From this need": the item starts as the need described it.
  const from = needs.find((n) => n.id === new URL(request.url).searchParams.get("fromNeed"));
  const view = item ? itemView(item) : null;
  const defaults = view
    ? {
        title: view.title,
        category: view.category,
        months: view.months.map(String),
        targetPeople: view.targetPeople,
        sessions: String(view.sessions),
        hoursPerSession: formatHours(view.hoursTenths),
        delivery: view.delivery,
        lecturerType: view.lecturerType,
        budget: yuanInput(view.budgetFen),
        headcount: view.headcount ? String(view.headcount) : "",
        departmentId: view.departmentId ?? "",
        lecturerId: view.lecturerId ?? "",
        lecturerName: view.lecturerName ?? "",
        needIds: view.needIds,
      }
    : from
      ? {
          title: from.topic,
          category: from.category,
          months: from.months.map(String),
          targetPeople: from.targetPeople,
          // One session in each month the need is wanted in.
          sessions: String(Math.max(1, from.months.length)),
          hoursPerSession: formatHours(from.hoursTenths),
          delivery: from.delivery,
          lecturerType:
            from.category === "GROUP"
              ? "GROUP"
              : from.delivery === "EXTERNAL" || from.category === "EXTERNAL"
                ? "EXTERNAL"
                : "INTERNAL",
          budget: yuanInput(from.costFen),
          // The people the need asks for, run by the department that asked until the manager says otherwise.
          headcount: String(from.headcount),
          departmentId: from.departmentId,
          needIds: [from.id],
        }
      : { category: "INTERNAL", delivery: "INTERNAL", lecturerType: "INTERNAL", months: [], needIds: [] };
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title },
    isNew,
    editable: isEditable(plan.approval.state),
    needs,
    choices,
    defaults,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { planId, itemId } = getParams(params, PlanItemParams);
  const { actor } = await requireActor(request, "draft:annual-plan");
  const plan = await planYear(planId);
  invariantResponse(plan, "Not found", { status: 404 });
  // An item's months must fall in the plan's year: the schema depends on it.
  const form = parseForm(planItemSchema(plan.year), await request.formData());
  if (!form.ok) return invalid(form);
  return respond(await savePlanItem(actor, plan.id, itemId === "new" ? null : itemId, form.data), {
    form,
    redirectTo: `/plans/${plan.id}`,
    flash: "plan.notices.itemSaved",
  });
}

export default function PlanItemPage() {
  const { t } = useTranslation();
  const { plan, isNew, editable, needs, choices, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-5">
      <Link to={`/plans/${plan.id}`} className="btn-link">
        ← {plan.title}
      </Link>
      <h1 className="page-title">{isNew ? t("plan.addItem") : t("plan.editItem")}</h1>
      {!editable ? (
        <FormAlert message="plan.locked" />
      ) : (
        <div className="card p-5">
          <PlanItemForm
            year={plan.year}
            defaults={actionData?.values ?? defaults}
            errors={actionData?.errors}
            needs={needs}
            choices={choices}
            cancelTo={`/plans/${plan.id}`}
          />
        </div>
      )}
    </div>
  );
}
