import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ApprovalBadge } from "~/components/approval-panel";
import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { formatYuan } from "~/components/training/format";
import { listMonthlyPlans } from "~/domain/monthly-plan/monthly-plan-queries.server";
import { nextMonth, parseYearMonth, yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { CreateMonthlyPlanSchema } from "~/domain/monthly-plan/monthly-plan.schema";
import { createMonthlyPlan } from "~/domain/monthly-plan/monthly-plan.server";
import { companyToday } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:monthly-plan");
  const today = await companyToday();
  const next = nextMonth(today.year, today.month);
  const plans = (await listMonthlyPlans()).map((p) => ({
    ...p,
    budgetFen: p.items.reduce((s, i) => s + i.budgetFen, 0),
    items: p.items.length,
  }));
  return {
    plans,
    canDraft: can(auth.user.roles, "draft:monthly-plan"),
    suggested: yearMonth(next.year, next.month),
    // Past months cannot be planned: the picker starts at this month.
    earliest: yearMonth(today.year, today.month),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, "draft:monthly-plan");
  const form = parseForm(CreateMonthlyPlanSchema, await request.formData());
  if (!form.ok) return invalid(form);
  const { year, month } = parseYearMonth(form.data.month)!;
  const t = serverT(await resolveLocale(request, user.locale));
  return respond(
    await createMonthlyPlan(actor, { year, month, title: t("monthlyPlan.defaultTitle", { year, month }) }),
    { form, redirectTo: (done) => `/monthly-plans/${done.id}`, flash: "monthlyPlan.notices.created" },
  );
}

export default function MonthlyPlansPage() {
  const { t } = useTranslation();
  const { plans, canDraft, suggested, earliest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, onSubmit, errorOf } = useSchemaForm(CreateMonthlyPlanSchema, {
    defaultValues: actionData?.values ?? { month: suggested },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="page-title">{t("monthlyPlan.title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">{t("monthlyPlan.intro")}</p>
        </div>
        <Link to="/calendar" className="btn-secondary">
          {t("monthlyPlan.calendar")}
        </Link>
      </div>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("monthlyPlan.fields.month")}</th>
              <th>{t("monthlyPlan.fields.title")}</th>
              <th>{t("monthlyPlan.fields.state")}</th>
              <th className="!text-right">{t("monthlyPlan.fields.items")}</th>
              <th className="!text-right">{t("monthlyPlan.fields.budget")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plans.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <td className="tabular-nums">{yearMonth(p.year, p.month)}</td>
                <td>
                  <Link to={`/monthly-plans/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.title}
                  </Link>
                </td>
                <td>
                  <ApprovalBadge state={p.approval.state} revision={p.approval.revision} />
                </td>
                <td className="text-right tabular-nums">{p.items}</td>
                <td className="text-right tabular-nums">{formatYuan(p.budgetFen)}</td>
              </tr>
            ))}
            {plans.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-8 text-center text-slate-500">
                  {t("monthlyPlan.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {canDraft ? (
        <Form method="post" onSubmit={onSubmit} noValidate className="card space-y-4 p-5">
          <h2 className="font-semibold">{t("monthlyPlan.create")}</h2>
          <FormAlert message={actionData?.errors?._form} />
          <div className="flex flex-wrap items-end gap-3">
            <div className="w-56">
              <Field
                label={t("monthlyPlan.fields.month")}
                name="month"
                error={errorOf("month")}
                hint={t("monthlyPlan.createHint")}
              >
                <input
                  id="month"
                  type="month"
                  min={earliest}
                  className="input"
                  aria-invalid={Boolean(errorOf("month"))}
                  {...register("month")}
                />
              </Field>
            </div>
            <button type="submit" className="btn-primary mb-5">
              {t("monthlyPlan.create")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
