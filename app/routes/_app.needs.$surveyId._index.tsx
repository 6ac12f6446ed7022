import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ConfirmAction, ConfirmReason } from "~/components/confirm";
import { FormAlert, useTextDefault } from "~/components/form";
import { RuleNeedsPanel } from "~/components/rule-loop/rule-needs-panel";
import { useFormat } from "~/components/use-format";
import { appendRequirement } from "~/domain/needs/append-requirement.server";
import { cancelSurvey } from "~/domain/needs/cancel-survey.server";
import { reopenNeedsForm } from "~/domain/needs/needs-form.server";
import { surveyOverview } from "~/domain/needs/needs-queries.server";
import { NeedsReasonSchema, RequirementsSchema } from "~/domain/needs/needs.schema";
import { closeSurvey, sendReminders, setRequirements } from "~/domain/needs/survey-admin.server";
import { RuleIdSchema } from "~/domain/rule-loop/rule-loop-rules";
import { rulesToTrain } from "~/domain/rule-loop/rule-needs-panel.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const SurveyParams = z.object({ surveyId: Id });

// The page's forms, told apart by their `intent`.
const SurveyIntent = z.discriminatedUnion("intent", [
  RequirementsSchema.extend({ intent: z.literal("requirements") }),
  z.object({ intent: z.literal("remind") }),
  NeedsReasonSchema.extend({ intent: z.literal("reopen"), formId: Id }),
  z.object({ intent: z.literal("close") }),
  NeedsReasonSchema.extend({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("addRequirement"), ruleId: RuleIdSchema }),
]);

// The general manager's requirements (4.5) and the rule figures they are set from.
const GM_INTENTS = ["requirements", "addRequirement"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId } = getParams(params, SurveyParams);
  const auth = await requirePermission(request, "read:needs-survey");
  const survey = await surveyOverview(surveyId, await departmentIdsInScope(auth));
  invariantResponse(survey, "Not found", { status: 404 });
  const roles = auth.user.roles;
  const canSetRequirements = can(roles, "set:needs-requirements");
  return {
    survey,
    // The company's most-missed and most-breached rules, for whoever sets the requirements.
    rules: canSetRequirements ? await rulesToTrain(survey.openedAt, null) : null,
    canManage: can(roles, "manage:needs-survey"),
    canSetRequirements,
    canReadAnswers: can(roles, "read:needs-answers"),
    canMarkOutcomes: can(roles, "mark:need-outcome"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { surveyId } = getParams(params, SurveyParams);
  const form = parseIntent(await request.formData(), SurveyIntent);
  const { actor, user } = await requireActor(
    request,
    GM_INTENTS.includes(form.intent ?? "") ? "set:needs-requirements" : "manage:needs-survey",
  );
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/needs/${surveyId}` };
  switch (form.data.intent) {
    case "requirements":
      return respond(await setRequirements(actor, surveyId, form.data.requirements), {
        ...done,
        flash: "needs.notices.requirementsSaved",
      });
    case "addRequirement": {
      const language = await resolveLocale(request, user.locale);
      return respond(await appendRequirement(actor, surveyId, form.data.ruleId, { t: serverT(language), language }), {
        ...done,
        flash: "ruleLoop.needs.requirementAdded",
      });
    }
    case "remind":
      return respond(await sendReminders(actor, surveyId), {
        ...done,
        flash: (sent) => messageKey("needs.notices.reminded", { forms: sent.forms, people: sent.people }),
      });
    case "reopen":
      return respond(await reopenNeedsForm(actor, form.data.formId, form.data.reason), {
        ...done,
        flash: "needs.notices.reopened",
      });
    case "close":
      return respond(await closeSurvey(actor, surveyId), { ...done, flash: "needs.notices.closed" });
    case "cancel":
      return respond(await cancelSurvey(actor, surveyId, form.data.reason), {
        form,
        redirectTo: "/needs",
        flash: "needs.notices.cancelled",
      });
  }
}

export default function SurveyPage() {
  const { t } = useTranslation();
  const { survey, rules, canManage, canSetRequirements, canReadAnswers, canMarkOutcomes } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const format = useFormat();
  const textDefault = useTextDefault();
  const open = survey.status === "OPEN";
  const missing = survey.forms.filter((f) => f.status !== "SUBMITTED").length;
  const unanswered = survey.totals.staff - survey.totals.answered;
  // Nothing anyone sent would be lost: a survey opened by mistake can still be taken back.
  const cancellable = missing === survey.forms.length && survey.totals.answered === 0;
  const reasonError = (intent: string) => (actionData?.intent === intent ? actionData.errors?.reason : undefined);
  return (
    <div className="space-y-5">
      <Link to="/needs" className="btn-link">
        ← {t("needs.title")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">{t("needs.surveyTitle", { year: survey.year })}</h1>
        <span className={`badge ${open ? "bg-sky-100 text-sky-800" : "bg-slate-100 text-slate-600"}`}>
          {t(`needs.status.${survey.status}`)}
        </span>
      </div>
      <FormAlert message={errors?._form} />
      <section className="card grid gap-4 p-5 text-sm sm:grid-cols-3">
        <div>
          <p className="text-xs text-slate-500">{t("needs.fields.deadline")}</p>
          <p className="font-medium">{format.dateTime(survey.deadline)}</p>
        </div>
        <div>
          <p className="text-xs text-slate-500">{t("needs.formsSubmitted")}</p>
          <p className="font-medium tabular-nums">
            {survey.forms.length - missing} / {survey.forms.length}
          </p>
        </div>
        <div>
          <p className="text-xs text-slate-500">{t("needs.responses")}</p>
          <p className="font-medium tabular-nums">
            {survey.totals.answered} / {survey.totals.staff}
          </p>
        </div>
        {survey.note ? (
          <div className="sm:col-span-3">
            <p className="text-xs text-slate-500">{t("needs.fields.note")}</p>
            <p className="whitespace-pre-line">{survey.note}</p>
          </div>
        ) : null}
      </section>
      <section className="card border-amber-200 bg-amber-50/50 p-5">
        <h2 className="font-semibold">{t("needs.fields.requirements")}</h2>
        {canSetRequirements && open ? (
          <Form method="post" className="mt-2 space-y-2">
            <input type="hidden" name="intent" value="requirements" />
            <textarea
              key={survey.requirements ?? ""}
              name="requirements"
              rows={3}
              {...textDefault(survey.requirements ?? "")}
              className="input"
              aria-label={t("needs.fields.requirements")}
            />
            {errors?.requirements ? <FormAlert message={errors.requirements} /> : null}
            <button type="submit" className="btn-secondary">
              {t("common.save")}
            </button>
          </Form>
        ) : (
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
            {survey.requirements || t("needs.noRequirements")}
          </p>
        )}
      </section>
      {rules ? (
        <RuleNeedsPanel
          panel={rules}
          scopeName={t("ruleLoop.companyWide")}
          intent={canSetRequirements && open ? "addRequirement" : null}
          buttonLabel={t("ruleLoop.needs.addRequirement")}
        />
      ) : null}
      <nav className="flex flex-wrap gap-2">
        <Link to="summary" className="btn-secondary">
          {t("needs.summary.title")}
        </Link>
        {canReadAnswers ? (
          <Link to="answers" className="btn-secondary">
            {t("needs.answers.title")}
          </Link>
        ) : null}
        {canMarkOutcomes ? (
          <Link to="outcomes" className="btn-secondary">
            {t("needs.outcomes.title")}
          </Link>
        ) : null}
        {canManage ? (
          <Link to="questions" className="btn-secondary">
            {t("needs.questions.title")}
          </Link>
        ) : null}
        <a href={`/needs/${survey.id}/export`} className="btn-secondary">
          {t("needs.export")}
        </a>
      </nav>
      <section className="card overflow-x-auto">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("needs.departmentForms")}</h2>
          {canManage && open ? (
            <div className="flex gap-2">
              <Form method="post">
                <input type="hidden" name="intent" value="remind" />
                <button
                  type="submit"
                  className="btn-secondary"
                  disabled={missing === 0 && survey.totals.answered >= survey.totals.staff}
                >
                  {t("needs.remind")}
                </button>
              </Form>
              <ConfirmAction
                label={t("needs.close")}
                question={t("needs.closeConfirm.question")}
                consequences={[t("needs.closeConfirm.final")]}
                warning={
                  missing > 0 || unanswered > 0
                    ? t("needs.closeConfirm.outstanding", { departments: missing, people: unanswered })
                    : null
                }
                confirmLabel={t("needs.closeConfirm.confirm")}
                fields={{ intent: "close" }}
              />
              {cancellable ? (
                <ConfirmAction
                  label={t("needs.cancel.label")}
                  question={t("needs.cancel.question", { year: survey.year })}
                  consequences={[t("needs.cancel.todos"), t("needs.cancel.yearFree")]}
                  confirmLabel={t("needs.cancel.confirm")}
                  fields={{ intent: "cancel" }}
                  open={Boolean(reasonError("cancel"))}
                >
                  <ConfirmReason id="cancel-reason" label={t("needs.cancel.reason")} error={reasonError("cancel")} />
                </ConfirmAction>
              ) : null}
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
                  <span
                    className={[
                      "badge",
                      f.status === "SUBMITTED" ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800",
                    ].join(" ")}
                  >
                    {t(`needs.formStatus.${f.status}`)}
                  </span>
                  {f.submittedAt ? (
                    <span className="ml-2 hidden text-xs text-slate-500 lg:inline">
                      {format.dateTime(f.submittedAt)}
                    </span>
                  ) : null}
                </td>
                <td className="tabular-nums">{f.items}</td>
                <td className="hidden text-xs md:table-cell">
                  {f.heads.join(t("training.listSeparator")) || (
                    <span className="text-slate-400">{t("needs.noHead")}</span>
                  )}
                </td>
                <td className="hidden tabular-nums md:table-cell">
                  {f.answered} / {f.staff}
                </td>
                <td className="flex gap-2">
                  <Link to={`forms/${f.id}`} className="btn-link">
                    {t("needs.openForm")}
                  </Link>
                  {canManage && open && f.status === "SUBMITTED" ? (
                    <ConfirmAction
                      label={t("needs.reopen")}
                      trigger="link"
                      question={t("needs.reopenConfirm.question", { department: f.department.name })}
                      consequences={[t("needs.reopenConfirm.told")]}
                      confirmLabel={t("needs.reopen")}
                      fields={{ intent: "reopen", formId: f.id }}
                      open={actionData?.values?.formId === f.id && Boolean(reasonError("reopen"))}
                    >
                      <ConfirmReason
                        id={`reopen-reason-${f.id}`}
                        label={t("needs.reopenConfirm.reason")}
                        error={actionData?.values?.formId === f.id ? reasonError("reopen") : undefined}
                      />
                    </ConfirmAction>
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
