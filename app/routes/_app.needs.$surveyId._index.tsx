import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, useTextDefault } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { RequirementsSchema } from "~/domain/needs/needs.schema";
import { reopenNeedsForm } from "~/domain/needs/needs-form.server";
import { surveyOverview } from "~/domain/needs/needs-queries.server";
import { closeSurvey, sendReminders, setRequirements } from "~/domain/needs/survey-admin.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:needs-survey");
  const survey = await surveyOverview(params.surveyId!, await departmentIdsInScope(auth));
  if (!survey) throw new Response("Not found", { status: 404 });
  const roles = auth.user.roles;
  return { survey, canManage: can(roles, "manage:needs-survey"), canSetRequirements: can(roles, "set:needs-requirements"), canReadAnswers: can(roles, "read:needs-answers") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const surveyId = params.surveyId!;
  if (intent === "requirements") {
    const { user } = await requirePermission(request, "set:needs-requirements");
    const parsed = parseForm(RequirementsSchema, formData);
    if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
    const outcome = await setRequirements({ id: user.id, employeeNo: user.employeeNo }, surveyId, parsed.data.requirements);
    if (!outcome.ok) return data({ errors: { _form: outcome.error } }, { status: outcome.status });
    return redirect(`/needs/${surveyId}?notice=requirementsSaved`);
  }
  const { user } = await requirePermission(request, "manage:needs-survey");
  const actor = { id: user.id, employeeNo: user.employeeNo, roles: user.roles };
  if (intent === "remind") {
    const outcome = await sendReminders(actor, surveyId);
    if (!outcome.ok) return data({ errors: { _form: outcome.error } }, { status: 409 });
    return redirect(`/needs/${surveyId}?notice=reminded&forms=${outcome.forms}&people=${outcome.people}`);
  }
  if (intent === "reopen") {
    const outcome = await reopenNeedsForm(actor, String(formData.get("formId") ?? ""));
    if (!outcome.ok) return data({ errors: { _form: outcome.error } }, { status: outcome.status });
    return redirect(`/needs/${surveyId}?notice=reopened`);
  }
  if (intent === "close") {
    const outcome = await closeSurvey(actor, surveyId);
    if (!outcome.ok) return data({ errors: { _form: outcome.error } }, { status: 409 });
    return redirect(`/needs/${surveyId}?notice=closed`);
  }
  return data({ errors: { _form: "validation.invalid" } }, { status: 400 });
}

export default function SurveyPage() {
  const { t } = useTranslation();
  const { survey, canManage, canSetRequirements, canReadAnswers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const format = useFormat();
  const textDefault = useTextDefault();
  const open = survey.status === "OPEN";
  const missing = survey.forms.filter((f) => f.status !== "SUBMITTED").length;
  return (
    <div className="space-y-5">
      <Link to="/needs" className="btn-link">← {t("needs.title")}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">{t("needs.surveyTitle", { year: survey.year })}</h1>
        <span className={`badge ${open ? "bg-sky-100 text-sky-800" : "bg-slate-100 text-slate-600"}`}>{t(`needs.status.${survey.status}`)}</span>
      </div>
      {notice ? <FormAlert tone="success" message={`needs.notices.${notice}::${JSON.stringify({ forms: params.get("forms"), people: params.get("people") })}`} /> : null}
      <FormAlert message={errors?._form} />
      <section className="card grid gap-4 p-5 text-sm sm:grid-cols-3">
        <div><p className="text-xs text-slate-500">{t("needs.fields.deadline")}</p><p className="font-medium">{format.dateTime(survey.deadline)}</p></div>
        <div><p className="text-xs text-slate-500">{t("needs.formsSubmitted")}</p><p className="font-medium tabular-nums">{survey.forms.length - missing} / {survey.forms.length}</p></div>
        <div><p className="text-xs text-slate-500">{t("needs.responses")}</p><p className="font-medium tabular-nums">{survey.totals.answered} / {survey.totals.staff}</p></div>
        {survey.note ? <div className="sm:col-span-3"><p className="text-xs text-slate-500">{t("needs.fields.note")}</p><p className="whitespace-pre-line">{survey.note}</p></div> : null}
      </section>
      <section className="card border-amber-200 bg-amber-50/50 p-5">
        <h2 className="font-semibold">{t("needs.fields.requirements")}</h2>
        {canSetRequirements && open ? (
          <Form method="post" className="mt-2 space-y-2">
            <input type="hidden" name="intent" value="requirements" />
            <textarea name="requirements" rows={3} {...textDefault(survey.requirements ?? "")} className="input" aria-label={t("needs.fields.requirements")} />
            {errors?.requirements ? <FormAlert message={errors.requirements} /> : null}
            <button type="submit" className="btn-secondary">{t("common.save")}</button>
          </Form>
        ) : (
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{survey.requirements || t("needs.noRequirements")}</p>
        )}
      </section>
      <nav className="flex flex-wrap gap-2">
        <Link to="summary" className="btn-secondary">{t("needs.summary.title")}</Link>
        {canReadAnswers ? <Link to="answers" className="btn-secondary">{t("needs.answers.title")}</Link> : null}
        {canManage ? <Link to="questions" className="btn-secondary">{t("needs.questions.title")}</Link> : null}
        <a href={`/needs/${survey.id}/export`} className="btn-secondary">{t("needs.export")}</a>
      </nav>
      <section className="card overflow-x-auto">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("needs.departmentForms")}</h2>
          {canManage && open ? (
            <div className="flex gap-2">
              <Form method="post"><input type="hidden" name="intent" value="remind" /><button type="submit" className="btn-secondary" disabled={missing === 0 && survey.totals.answered >= survey.totals.staff}>{t("needs.remind")}</button></Form>
              <Form method="post"><input type="hidden" name="intent" value="close" /><button type="submit" className="btn-secondary">{t("needs.close")}</button></Form>
            </div>
          ) : null}
        </header>
        <table className="table">
          <thead>
            <tr>
              <th>{t("needs.fields.department")}</th>
              <th>{t("needs.fields.status")}</th>
              <th>{t("needs.fields.items")}</th>
              <th className="hidden md:table-cell">{t("needs.fields.heads")}</th>
              <th className="hidden md:table-cell">{t("needs.fields.answered")}</th>
              <th>{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {survey.forms.map((f) => (
              <tr key={f.id}>
                <td className="font-medium">{f.department.name}</td>
                <td>
                  <span className={`badge ${f.status === "SUBMITTED" ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800"}`}>{t(`needs.formStatus.${f.status}`)}</span>
                  {f.submittedAt ? <span className="ml-2 hidden text-xs text-slate-500 lg:inline">{format.dateTime(f.submittedAt)}</span> : null}
                </td>
                <td className="tabular-nums">{f.items}</td>
                <td className="hidden text-xs md:table-cell">{f.heads.join(t("training.listSeparator")) || <span className="text-slate-400">{t("needs.noHead")}</span>}</td>
                <td className="hidden tabular-nums md:table-cell">{f.answered} / {f.staff}</td>
                <td className="flex gap-2">
                  <Link to={`forms/${f.id}`} className="btn-link">{t("needs.openForm")}</Link>
                  {canManage && open && f.status === "SUBMITTED" ? (
                    <Form method="post"><input type="hidden" name="intent" value="reopen" /><input type="hidden" name="formId" value={f.id} /><button type="submit" className="btn-link">{t("needs.reopen")}</button></Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
