import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, useSchemaForm } from "~/components/form";
import { SettingsSchema, SHOW_ANSWERS } from "~/domain/settings/settings.schema";
import { getSettings, updateSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { invalid, requireActor } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:settings");
  return { settings: await getSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:settings");
  const form = parseForm(SettingsSchema, await request.formData());
  if (!form.ok) return invalid(form);
  const { reason, ...settings } = form.data;
  await updateSettings(actor, settings, reason);
  return redirectWithFlash("/settings", "common.saved");
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useSchemaForm(SettingsSchema, {
    // The numbers are given as text: the form fills in text defaults only.
    defaultValues:
      actionData?.values ?? Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
    serverErrors: actionData?.errors,
  });
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="page-title">{t("settings.title")}</h1>
      <Form method="post" className="card space-y-4 p-5" onSubmit={onSubmit} noValidate>
        <Field
          label={t("settings.companyName")}
          name="companyName"
          error={errorOf("companyName")}
          hint={t("settings.companyNameHint")}
        >
          <input id="companyName" className="input" {...register("companyName")} />
        </Field>
        <Field
          label={t("settings.timeZone")}
          name="timeZone"
          error={errorOf("timeZone")}
          hint={t("settings.timeZoneHint")}
        >
          <input id="timeZone" className="input" {...register("timeZone")} />
        </Field>
        <fieldset className="grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t("settings.certificationTitle")}</legend>
          <Field
            label={t("settings.certValidityMonths")}
            name="certValidityMonths"
            error={errorOf("certValidityMonths")}
          >
            <input
              id="certValidityMonths"
              type="number"
              min={1}
              max={60}
              className="input"
              {...register("certValidityMonths")}
            />
          </Field>
          <Field label={t("settings.certGraceDays")} name="certGraceDays" error={errorOf("certGraceDays")}>
            <input id="certGraceDays" type="number" min={0} max={90} className="input" {...register("certGraceDays")} />
          </Field>
          <Field
            label={t("settings.defaultPassPercent")}
            name="defaultPassPercent"
            error={errorOf("defaultPassPercent")}
          >
            <input
              id="defaultPassPercent"
              type="number"
              min={1}
              max={100}
              className="input"
              {...register("defaultPassPercent")}
            />
          </Field>
          <Field
            label={t("settings.requizQuestionsPerRule")}
            name="requizQuestionsPerRule"
            error={errorOf("requizQuestionsPerRule")}
            hint={t("settings.requizQuestionsPerRuleHint")}
          >
            <input
              id="requizQuestionsPerRule"
              type="number"
              min={1}
              max={5}
              className="input"
              {...register("requizQuestionsPerRule")}
            />
          </Field>
          <Field
            label={t("settings.showAnswers")}
            name="showAnswers"
            error={errorOf("showAnswers")}
            hint={t("settings.showAnswersHint")}
          >
            <select id="showAnswers" className="input" {...register("showAnswers")}>
              {SHOW_ANSWERS.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`settings.showAnswersChoices.${choice}`)}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <fieldset className="grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t("settings.noticesTitle")}</legend>
          <Field
            label={t("settings.mailSenderName")}
            name="mailSenderName"
            error={errorOf("mailSenderName")}
            hint={t("settings.mailSenderNameHint")}
          >
            <input id="mailSenderName" className="input" {...register("mailSenderName")} />
          </Field>
          <Field
            label={t("settings.mailSenderAddress")}
            name="mailSenderAddress"
            error={errorOf("mailSenderAddress")}
            hint={t("settings.mailSenderAddressHint")}
          >
            <input id="mailSenderAddress" type="email" className="input" {...register("mailSenderAddress")} />
          </Field>
          <Field
            label={t("settings.reminderLeadHours")}
            name="reminderLeadHours"
            error={errorOf("reminderLeadHours")}
            hint={t("settings.reminderLeadHoursHint")}
          >
            <input
              id="reminderLeadHours"
              type="number"
              min={1}
              max={168}
              className="input"
              {...register("reminderLeadHours")}
            />
          </Field>
          <Field
            label={t("settings.headConfirmDays")}
            name="headConfirmDays"
            error={errorOf("headConfirmDays")}
            hint={t("settings.headConfirmDaysHint")}
          >
            <input
              id="headConfirmDays"
              type="number"
              min={0}
              max={30}
              className="input"
              {...register("headConfirmDays")}
            />
          </Field>
        </fieldset>
        <fieldset className="grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t("settings.signInTitle")}</legend>
          <Field
            label={t("settings.signInOpensMinutes")}
            name="signInOpensMinutes"
            error={errorOf("signInOpensMinutes")}
            hint={t("settings.signInOpensMinutesHint")}
          >
            <input
              id="signInOpensMinutes"
              type="number"
              min={0}
              max={240}
              className="input"
              {...register("signInOpensMinutes")}
            />
          </Field>
          <Field
            label={t("settings.lateAfterMinutes")}
            name="lateAfterMinutes"
            error={errorOf("lateAfterMinutes")}
            hint={t("settings.lateAfterMinutesHint")}
          >
            <input
              id="lateAfterMinutes"
              type="number"
              min={0}
              max={120}
              className="input"
              {...register("lateAfterMinutes")}
            />
          </Field>
          <div className="sm:col-span-2">
            <Field
              label={t("settings.signInNetworks")}
              name="signInNetworks"
              error={errorOf("signInNetworks")}
              hint={t("settings.signInNetworksHint")}
            >
              <textarea id="signInNetworks" rows={2} className="input font-mono" {...register("signInNetworks")} />
            </Field>
          </div>
        </fieldset>
        <Field label={t("common.reasonOptional")} name="reason" error={errorOf("reason")}>
          <input id="reason" className="input" {...register("reason")} />
        </Field>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("common.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
