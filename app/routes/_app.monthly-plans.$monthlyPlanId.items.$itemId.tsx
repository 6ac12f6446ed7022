import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type Params } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { yuanInput } from "~/components/training/format";
import { monthlyItemToEdit, peopleToTrain } from "~/domain/monthly-plan/monthly-plan-queries.server";
import { monthlyItemSchema } from "~/domain/monthly-plan/monthly-plan.schema";
import { saveMonthlyItem } from "~/domain/monthly-plan/monthly-plan.server";
import { CATEGORIES } from "~/domain/plan/fields";
import { requirePermission } from "~/utils/auth.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";
import { isEditable } from "~/workflow/approval-rules";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const MonthlyItemParams = z.object({ monthlyPlanId: Id, itemId: Id });

async function load(params: Params) {
  const { monthlyPlanId, itemId } = getParams(params, MonthlyItemParams);
  const found = await monthlyItemToEdit(monthlyPlanId, itemId);
  invariantResponse(found, "Not found", { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "draft:monthly-plan");
  const { plan, item, annualHeadcount } = await load(params);
  let defaults: Record<string, string> = { category: "INTERNAL", sessions: "1", budget: "0" };
  if (item) {
    defaults = {
      title: item.title,
      category: item.category,
      targetPeople: item.targetPeople,
      headcount: String(item.headcount),
      sessions: String(item.sessions),
      budget: yuanInput(item.budgetFen),
      unplannedReason: item.unplannedReason ?? "",
    };
  } else {
    // "Add new-hire onboarding" / "Add transfer training": the item starts with the month's people.
    const preset = new URL(request.url).searchParams.get("preset");
    if (preset === "NEW_HIRE" || preset === "TRANSFER") {
      const t = serverT(await resolveLocale(request, user.locale));
      const people = await peopleToTrain(plan.year, plan.month);
      const group = preset === "NEW_HIRE" ? people.newHires : people.transfers;
      const key = preset === "NEW_HIRE" ? "newHire" : "transfer";
      defaults = {
        ...defaults,
        category: preset,
        title: t(`monthlyPlan.people.${key}Title`, { month: plan.month }),
        headcount: String(group.length),
        targetPeople: group
          .map((p) => p.name)
          .join(t("training.listSeparator"))
          .slice(0, 200),
        unplannedReason: t(`monthlyPlan.people.${key}Reason`, { count: group.length }),
      };
    }
  }
  return {
    plan: { id: plan.id, title: plan.title },
    isNew: !item,
    planned: Boolean(item?.planItemId),
    annualHeadcount,
    editable: isEditable(plan.approval.state),
    defaults,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "draft:monthly-plan");
  const { plan, item, annualHeadcount } = await load(params);
  // An item not in the annual plan, or over its annual headcount, needs a reason: the schema depends on the item.
  const form = parseForm(monthlyItemSchema(!item?.planItemId, annualHeadcount), await request.formData());
  if (!form.ok) return invalid(form);
  return respond(await saveMonthlyItem(actor, plan.id, item?.id ?? null, form.data), {
    form,
    redirectTo: `/monthly-plans/${plan.id}`,
    flash: "monthlyPlan.notices.itemSaved",
  });
}

export default function MonthlyItemPage() {
  const { t } = useTranslation();
  const { plan, isNew, planned, annualHeadcount, editable, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { register, onSubmit, errorOf, input, select } = useSchemaForm(monthlyItemSchema(!planned, annualHeadcount), {
    defaultValues: actionData?.values ?? defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="space-y-5">
      <Link to={`/monthly-plans/${plan.id}`} className="btn-link">
        ← {plan.title}
      </Link>
      <h1 className="page-title">{isNew ? t("monthlyPlan.addItem") : t("monthlyPlan.editItem")}</h1>
      {!editable ? (
        <FormAlert message="monthlyPlan.locked" />
      ) : (
        <Form method="post" onSubmit={onSubmit} noValidate className="card space-y-4 p-5">
          <FormAlert message={actionData?.errors?._form} />
          <div className="grid gap-4 sm:grid-cols-2">
            {input("monthlyPlan.item.", "title")}
            {select("monthlyPlan.item.", "category", CATEGORIES, "training.categories.")}
            {input("monthlyPlan.item.", "targetPeople")}
            {input("monthlyPlan.item.", "headcount", { inputMode: "numeric" })}
            {input("monthlyPlan.item.", "sessions", { inputMode: "numeric" })}
            {input("monthlyPlan.item.", "budget", { inputMode: "decimal" })}
          </div>
          {/* The month's own items must say why; an annual item only when it takes more people than planned. */}
          <Field
            label={t(planned ? "monthlyPlan.item.plannedReason" : "monthlyPlan.item.unplannedReason")}
            name="unplannedReason"
            error={errorOf("unplannedReason")}
            hint={
              !planned
                ? t("monthlyPlan.item.unplannedReasonHint")
                : annualHeadcount === null
                  ? t("monthlyPlan.item.plannedReasonHint")
                  : t("monthlyPlan.item.overHeadcountHint", { count: annualHeadcount })
            }
          >
            <textarea
              id="unplannedReason"
              rows={2}
              className="input"
              aria-invalid={Boolean(errorOf("unplannedReason"))}
              {...register("unplannedReason")}
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Link to={`/monthly-plans/${plan.id}`} className="btn-secondary">
              {t("common.cancel")}
            </Link>
            <button type="submit" className="btn-primary" disabled={busy}>
              {t("common.save")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
