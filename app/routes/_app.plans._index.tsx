import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ApprovalBadge } from "~/components/approval-panel";
import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { listPlans } from "~/domain/plan/plan-queries.server";
import { CreatePlanSchema } from "~/domain/plan/plan.schema";
import { createPlan } from "~/domain/plan/plan.server";
import { companyToday } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:annual-plan");
  return {
    plans: await listPlans(),
    canDraft: can(auth.user.roles, "draft:annual-plan"),
    nextYear: (await companyToday()).year + 1,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, "draft:annual-plan");
  const form = parseForm(CreatePlanSchema, await request.formData());
  if (!form.ok) return invalid(form);
  const t = serverT(await resolveLocale(request, user.locale));
  const title = form.data.title ?? t("plan.defaultTitle", { year: form.data.year });
  return respond(await createPlan(actor, { year: form.data.year, title }), {
    form,
    redirectTo: (done) => `/plans/${done.id}`,
    flash: "plan.notices.created",
  });
}

export default function PlansPage() {
  const { t } = useTranslation();
  const { plans, canDraft, nextYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, onSubmit, errorOf } = useSchemaForm(CreatePlanSchema, {
    defaultValues: actionData?.values ?? { year: String(nextYear) },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="space-y-5">
      <div>
        <h1 className="page-title">{t("plan.title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("plan.intro")}</p>
      </div>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("plan.fields.year")}</th>
              <th>{t("plan.fields.title")}</th>
              <th>{t("plan.fields.state")}</th>
              <th className="!text-right">{t("plan.fields.items")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plans.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <td className="tabular-nums">{p.year}</td>
                <td>
                  <Link to={`/plans/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.title}
                  </Link>
                </td>
                <td>
                  <ApprovalBadge state={p.approval.state} revision={p.approval.revision} />
                </td>
                <td className="text-right tabular-nums">{p._count.items}</td>
              </tr>
            ))}
            {plans.length === 0 ? (
              <tr>
                <td colSpan={4} className="py-8 text-center text-slate-500">
                  {t("plan.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {canDraft ? (
        <Form method="post" onSubmit={onSubmit} noValidate className="card space-y-4 p-5">
          <h2 className="font-semibold">{t("plan.create")}</h2>
          <FormAlert message={actionData?.errors?._form} />
          <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
            <Field label={t("plan.fields.year")} name="year" error={errorOf("year")}>
              <input
                id="year"
                inputMode="numeric"
                className="input"
                aria-invalid={Boolean(errorOf("year"))}
                {...register("year")}
              />
            </Field>
            <Field label={t("plan.fields.title")} name="title" error={errorOf("title")} hint={t("plan.titleHint")}>
              <input id="title" className="input" {...register("title")} />
            </Field>
          </div>
          <div className="flex justify-end">
            <button type="submit" className="btn-primary">
              {t("plan.create")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
