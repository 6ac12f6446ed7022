import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ConfirmAction, ConfirmReason } from "~/components/confirm";
import { FormAlert } from "~/components/form";
import { NeedItemForm } from "~/components/needs/need-item-form";
import { NeedOutcomeView } from "~/components/needs/need-outcome";
import { RuleNeedsPanel } from "~/components/rule-loop/rule-needs-panel";
import { formatHours, formatMonths, formatYuan, yuanInput } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { addRuleNeed } from "~/domain/needs/add-rule-need.server";
import { deleteNeedItem, reopenNeedsForm, saveNeedItem, submitNeedsForm } from "~/domain/needs/needs-form.server";
import { getNeedsForm } from "~/domain/needs/needs-queries.server";
import { mayEditForm } from "~/domain/needs/needs-rules";
import { NeedsReasonSchema, needItemSchema } from "~/domain/needs/needs.schema";
import { RuleIdSchema } from "~/domain/rule-loop/rule-loop-rules";
import { departmentPeople, rulesToTrain } from "~/domain/rule-loop/rule-needs-panel.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { optionalText, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const NeedsFormParams = z.object({ surveyId: Id, formId: Id });

// The page's forms, told apart by their `intent`; an item's fields depend on the survey's year.
const needsFormIntent = (year: number) =>
  z.discriminatedUnion("intent", [
    needItemSchema(year).extend({ intent: z.literal("saveItem"), itemId: optionalText(64) }),
    z.object({ intent: z.literal("deleteItem"), itemId: Id }),
    z.object({ intent: z.literal("submit") }),
    NeedsReasonSchema.extend({ intent: z.literal("reopen") }),
    z.object({ intent: z.literal("addRuleNeed"), ruleId: RuleIdSchema }),
  ]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId, formId } = getParams(params, NeedsFormParams);
  const auth = await requirePermission(request, "read:needs-survey");
  const form = await getNeedsForm(formId, await departmentIdsInScope(auth));
  invariantResponse(form && form.surveyId === surveyId, "Not found", { status: 404 });
  const isManager = can(auth.user.roles, "manage:needs-survey");
  const canWrite = can(auth.user.roles, "write:department-needs");
  return {
    form,
    // Next year's needs open with last year's rule figures for the department (its teams included).
    rules: await rulesToTrain(form.survey.openedAt, await departmentPeople(form.departmentId)),
    canEdit: canWrite && mayEditForm(form, form.survey, now(), isManager),
    canReopen: isManager && form.survey.status === "OPEN" && form.status === "SUBMITTED",
    canMarkOutcomes: can(auth.user.roles, "mark:need-outcome") && form.status === "SUBMITTED",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { surveyId, formId } = getParams(params, NeedsFormParams);
  const formData = await request.formData();
  // Reopening is the manager's; the rest is the department head's, within their departments.
  const auth = await requireActor(
    request,
    formData.get("intent") === "reopen" ? "manage:needs-survey" : "write:department-needs",
  );
  const { actor } = auth;
  const scope = await departmentIdsInScope(auth);
  const needsForm = await getNeedsForm(formId, scope);
  invariantResponse(needsForm && needsForm.surveyId === surveyId, "Not found", { status: 404 });
  const form = parseIntent(formData, needsFormIntent(needsForm.survey.year));
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/needs/${surveyId}/forms/${formId}` };
  switch (form.data.intent) {
    case "saveItem":
      return respond(await saveNeedItem(actor, scope, formId, form.data.itemId ?? null, form.data), {
        ...done,
        flash: "needs.notices.itemSaved",
      });
    case "deleteItem":
      return respond(await deleteNeedItem(actor, scope, formId, form.data.itemId), {
        ...done,
        flash: "needs.notices.itemDeleted",
      });
    case "submit":
      return respond(await submitNeedsForm(actor, scope, formId), { ...done, flash: "needs.notices.submitted" });
    case "reopen":
      return respond(await reopenNeedsForm(actor, formId, form.data.reason), {
        ...done,
        flash: "needs.notices.reopened",
      });
    case "addRuleNeed": {
      const language = await resolveLocale(request, auth.user.locale);
      return respond(await addRuleNeed(actor, scope, formId, form.data.ruleId, { t: serverT(language), language }), {
        ...done,
        flash: "ruleLoop.needs.added",
      });
    }
  }
}

export default function NeedsFormPage() {
  const { t } = useTranslation();
  const { form, rules, canEdit, canReopen, canMarkOutcomes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const format = useFormat();
  const editing = form.items.find((i) => i.id === params.get("edit"));
  const itemErrors = actionData?.intent === "saveItem" ? actionData.errors : null;
  const otherError = actionData && actionData.intent !== "saveItem" ? actionData.errors._form : null;
  const defaults = itemErrors
    ? actionData!.values
    : editing
      ? {
          topic: editing.topic,
          category: editing.category,
          targetPeople: editing.targetPeople,
          headcount: String(editing.headcount),
          months: editing.months.map(String),
          hours: formatHours(editing.hoursTenths),
          delivery: editing.delivery,
          cost: yuanInput(editing.costFen),
          priority: editing.priority,
          reason: editing.reason,
          problemArea: editing.problemArea ?? "",
        }
      : { category: "INTERNAL", delivery: "INTERNAL", priority: "MEDIUM", months: [] };
  return (
    <div className="space-y-5">
      <Link to={`/needs/${form.surveyId}`} className="btn-link">
        ← {t("needs.surveyTitle", { year: form.survey.year })}
      </Link>
      <div>
        <p className="text-sm text-slate-500">{t("needs.formName")}</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="page-title">
            {t("needs.formTitle", { year: form.survey.year, department: form.department.name })}
          </h1>
          <span
            className={[
              "badge",
              form.status === "SUBMITTED" ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800",
            ].join(" ")}
          >
            {t(`needs.formStatus.${form.status}`)}
          </span>
        </div>
        <p className="mt-1 text-sm text-slate-500">
          {form.submittedAt
            ? t("needs.submittedAt", { at: format.dateTime(form.submittedAt) })
            : t("needs.deadlineIs", { at: format.dateTime(form.survey.deadline) })}
        </p>
      </div>
      <FormAlert message={otherError} />
      {canMarkOutcomes ? (
        <Link to={`/needs/${form.surveyId}/outcomes`} className="btn-secondary">
          {t("needs.outcomes.link")}
        </Link>
      ) : null}
      {form.survey.requirements ? (
        <section className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
          <p className="font-medium">{t("needs.fields.requirements")}</p>
          <p className="whitespace-pre-line text-slate-700">{form.survey.requirements}</p>
        </section>
      ) : null}
      <RuleNeedsPanel
        panel={rules}
        scopeName={form.department.name}
        intent={canEdit ? "addRuleNeed" : null}
        buttonLabel={t("ruleLoop.needs.addNeed")}
      />
      <section className="space-y-3">
        {form.items.length === 0 ? (
          <p className="card p-6 text-center text-sm text-slate-500">{t("needs.noItems")}</p>
        ) : null}
        {form.items.map((item, index) => (
          <article key={item.id} className="card p-4 text-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-semibold">
                {index + 1}. {item.topic}
              </h3>
              <div className="flex flex-wrap gap-1.5">
                <span className="badge bg-brand-50 text-brand-700">{t(`training.categories.${item.category}`)}</span>
                <span
                  className={[
                    "badge",
                    item.priority === "HIGH" ? "bg-red-100 text-red-700" : "bg-slate-100 text-slate-600",
                  ].join(" ")}
                >
                  {t("needs.priorityIs", { priority: t(`training.priority.${item.priority}`) })}
                </span>
              </div>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
              <div>
                <dt className="text-slate-500">{t("needs.item.targetPeople")}</dt>
                <dd>{item.targetPeople}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("needs.item.headcount")}</dt>
                <dd className="tabular-nums">{item.headcount}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("needs.item.monthsShort")}</dt>
                <dd>{formatMonths(t, item.months)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("needs.item.hours")}</dt>
                <dd className="tabular-nums">{formatHours(item.hoursTenths)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("needs.item.delivery")}</dt>
                <dd>{t(`training.delivery.${item.delivery}`)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("needs.item.cost")}</dt>
                <dd className="tabular-nums">{formatYuan(item.costFen)}</dd>
              </div>
            </dl>
            <p className="mt-2 text-slate-700">
              <span className="text-slate-500">
                {t("needs.item.reason")}
                {t("training.colon")}
              </span>
              {item.reason}
            </p>
            {item.problemArea ? (
              <p className="mt-1 text-slate-700">
                <span className="text-slate-500">
                  {t("needs.item.problemArea")}
                  {t("training.colon")}
                </span>
                {item.problemArea}
              </p>
            ) : null}
            {/* Once submitted, the department sees what the training manager made of each need. */}
            {form.status === "SUBMITTED" ? (
              <div className="mt-2 border-t border-slate-100 pt-2">
                <NeedOutcomeView need={{ ...item, items: item.planLinks.map((l) => l.planItem) }} />
              </div>
            ) : null}
            {canEdit ? (
              <div className="mt-2 flex gap-3">
                <Link to={`?edit=${item.id}#item-form`} className="btn-link">
                  {t("common.edit")}
                </Link>
                <ConfirmAction
                  label={t("needs.deleteItem")}
                  trigger="link"
                  question={t("needs.deleteConfirm", { topic: item.topic })}
                  confirmLabel={t("needs.deleteItem")}
                  fields={{ intent: "deleteItem", itemId: item.id }}
                />
              </div>
            ) : null}
          </article>
        ))}
      </section>
      {canEdit ? (
        <section id="item-form" className="card p-5">
          <h2 className="mb-4 font-semibold">{editing ? t("needs.editItem") : t("needs.newItem")}</h2>
          <NeedItemForm
            key={editing?.id ?? "new"}
            year={form.survey.year}
            itemId={editing?.id ?? null}
            defaults={defaults}
            errors={itemErrors}
            cancelTo={editing ? "?" : undefined}
          />
        </section>
      ) : null}
      {canEdit ? (
        <section className="card flex flex-col gap-3 p-5 sm:flex-row sm:items-start sm:justify-between">
          <p className="text-sm text-slate-600">{t("needs.submitHint", { count: form.items.length })}</p>
          <ConfirmAction
            label={t("needs.submitForm")}
            trigger="primary"
            tone="primary"
            question={t("needs.submitConfirm.question", { count: form.items.length })}
            consequences={[t("needs.submitConfirm.locked")]}
            warning={form.items.length === 0 ? t("needs.submitConfirm.empty") : null}
            confirmLabel={t("needs.submitForm")}
            fields={{ intent: "submit" }}
          />
        </section>
      ) : null}
      {canReopen ? (
        <div className="flex justify-end">
          <ConfirmAction
            label={t("needs.reopen")}
            question={t("needs.reopenConfirm.question", { department: form.department.name })}
            consequences={[t("needs.reopenConfirm.told")]}
            confirmLabel={t("needs.reopen")}
            fields={{ intent: "reopen" }}
            open={actionData?.intent === "reopen" && Boolean(actionData.errors?.reason)}
          >
            <ConfirmReason
              id="reopen-reason"
              label={t("needs.reopenConfirm.reason")}
              error={actionData?.intent === "reopen" ? actionData.errors?.reason : undefined}
            />
          </ConfirmAction>
        </div>
      ) : null}
    </div>
  );
}
