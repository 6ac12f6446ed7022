import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ConfirmAction } from "~/components/confirm";
import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { listSurveys } from "~/domain/needs/needs-queries.server";
import { defaultSurveyDeadline } from "~/domain/needs/needs-rules";
import { OpenSurveySchema } from "~/domain/needs/needs.schema";
import { openSurvey, openSurveyReach } from "~/domain/needs/open-survey.server";
import { companyToday, getSettings } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:needs-survey");
  const surveys = await listSurveys(await departmentIdsInScope(auth));
  const today = await companyToday();
  const nextYear = today.year + 1;
  const canOpen = can(auth.user.roles, "manage:needs-survey");
  return {
    surveys,
    canOpen,
    // The years a survey may be opened for, and who would be asked (for the confirmation).
    thisYear: today.year,
    reach: canOpen ? await openSurveyReach() : null,
    nextYear,
    defaultDeadline: defaultSurveyDeadline(today, nextYear),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:needs-survey");
  const form = parseForm(OpenSurveySchema, await request.formData());
  if (!form.ok) return invalid(form);
  const { timeZone } = await getSettings();
  return respond(await openSurvey(actor, form.data, timeZone), {
    form,
    redirectTo: (done) => `/needs/${done.id}`,
    flash: "needs.notices.opened",
  });
}

type Reach = { departments: number; heads: number; people: number };

function OpenSurveyForm({
  thisYear,
  nextYear,
  defaultDeadline,
  reach,
}: {
  thisYear: number;
  nextYear: number;
  defaultDeadline: string;
  reach: Reach;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { register, onSubmit, errorOf } = useSchemaForm(OpenSurveySchema, {
    defaultValues: actionData?.values ?? { year: String(nextYear), deadline: defaultDeadline },
    serverErrors: actionData?.errors,
  });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card space-y-4 p-5">
      <h2 className="font-semibold">{t("needs.open.title")}</h2>
      <p className="text-sm text-slate-500">{t("needs.open.hint")}</p>
      <FormAlert message={actionData?.errors?._form} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("needs.fields.year")}
          name="year"
          error={errorOf("year")}
          hint={t("needs.open.yearHint", { from: thisYear, to: nextYear })}
        >
          <input
            id="year"
            inputMode="numeric"
            className="input"
            aria-invalid={Boolean(errorOf("year"))}
            {...register("year")}
          />
        </Field>
        <Field label={t("needs.fields.deadline")} name="deadline" error={errorOf("deadline")}>
          <input
            id="deadline"
            type="date"
            className="input"
            aria-invalid={Boolean(errorOf("deadline"))}
            {...register("deadline")}
          />
        </Field>
      </div>
      <Field label={t("needs.fields.note")} name="note" error={errorOf("note")}>
        <textarea id="note" rows={2} className="input" {...register("note")} />
      </Field>
      <Field
        label={t("needs.fields.requirements")}
        name="requirements"
        error={errorOf("requirements")}
        hint={t("needs.requirementsHint")}
      >
        <textarea id="requirements" rows={3} className="input" {...register("requirements")} />
      </Field>
      <div className="flex justify-end">
        <ConfirmAction
          ownForm={false}
          label={t("needs.open.submit")}
          trigger="primary"
          tone="primary"
          question={t("needs.open.question")}
          consequences={[
            t("needs.open.reachForms", { departments: reach.departments, heads: reach.heads }),
            t("needs.open.reachPeople", { people: reach.people }),
          ]}
          confirmLabel={t("needs.open.submit")}
        />
      </div>
    </Form>
  );
}

export default function NeedsSurveysPage() {
  const { t } = useTranslation();
  const { surveys, canOpen, thisYear, nextYear, defaultDeadline, reach } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="page-title">{t("needs.title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("needs.intro")}</p>
      </div>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("needs.fields.year")}</th>
              <th>{t("needs.fields.status")}</th>
              <th>{t("needs.fields.deadline")}</th>
              <th>{t("needs.formsSubmitted")}</th>
              <th className="hidden sm:table-cell">{t("needs.responses")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {surveys.map((s) => (
              <tr key={s.id} className="hover:bg-slate-50">
                <td>
                  <Link to={`/needs/${s.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("needs.surveyTitle", { year: s.year })}
                  </Link>
                </td>
                <td>
                  <span
                    className={[
                      "badge",
                      s.status === "OPEN" ? "bg-sky-100 text-sky-800" : "bg-slate-100 text-slate-600",
                    ].join(" ")}
                  >
                    {t(`needs.status.${s.status}`)}
                  </span>
                </td>
                <td className="text-xs">{format.date(s.deadline)}</td>
                <td className="tabular-nums">
                  {s.forms.filter((f) => f.status === "SUBMITTED").length} / {s.forms.length}
                </td>
                <td className="hidden tabular-nums sm:table-cell">{s.responses}</td>
              </tr>
            ))}
            {surveys.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-8 text-center text-slate-500">
                  {t("needs.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {canOpen && reach ? (
        <OpenSurveyForm thisYear={thisYear} nextYear={nextYear} defaultDeadline={defaultDeadline} reach={reach} />
      ) : null}
    </div>
  );
}
