import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { ACTION_TYPES } from "~/domain/cases/action-rules";
import { ActionRecordSchema, RELATIONS, RESULTS } from "~/domain/cases/cases.schema";
import { useLocalized } from "~/utils/localized";
import { parseMessage, type FieldErrors, type FormValues } from "~/utils/validation";

export type RefusedRule = {
  ruleId: string;
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
  /** A message key with parameters: the offending word, the fields that hold it. */
  detail: string | null;
};

/** The action record (行动记载) form; a refused record comes back with each broken rule's id and text. */
export function ActionRecordForm({
  errors,
  breaches,
  values,
  phones,
  calledAtDefault,
}: {
  errors: FieldErrors | null;
  breaches: RefusedRule[] | null;
  values: FormValues | null;
  /** The case's stored numbers, masked, in their stored order: the form sends the place, never the number. */
  phones: readonly string[];
  calledAtDefault: string;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const breachDetail = (message: string) => {
    const { key, params } = parseMessage(message);
    const fields = String(params?.fields ?? "")
      .split(",")
      .filter(Boolean)
      .map((f) => t(`cases.action.${f}`))
      .join(t("cases.action.fieldSeparator"));
    return t(key, { ...params, fields });
  };
  const form = useSchemaForm(ActionRecordSchema, {
    defaultValues: values ?? {
      type: "CALL_DEBTOR",
      relation: "SELF",
      result: "NEGOTIATING",
      calledAt: calledAtDefault,
      phoneId: "",
    },
    serverErrors: errors,
  });
  return (
    <section className="card p-4 sm:p-5">
      <h2 className="font-semibold">{t("cases.action.title")}</h2>
      <p className="mb-4 text-xs text-slate-500">{t("cases.action.hint")}</p>
      {breaches?.length ? (
        <div
          role="alert"
          className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          data-testid="breaches"
        >
          <p className="font-medium">{t("cases.action.refused")}</p>
          <ul className="mt-2 space-y-2">
            {breaches.map((b) => (
              <li key={b.ruleId} data-rule={b.ruleId}>
                <span className="badge mr-1 bg-red-100 font-mono text-red-800">{b.ruleId}</span>
                <span className="font-medium">{localized(b.titleZh, b.titleEn)}</span>
                <p className="mt-0.5 text-red-700">{localized(b.textZh, b.textEn)}</p>
                {b.detail ? (
                  <p className="mt-0.5 font-medium" data-testid={`breach-detail-${b.ruleId}`}>
                    {breachDetail(b.detail)}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormAlert message={errors?._form} />
      <Form method="post" className="grid gap-4 sm:grid-cols-2" onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="record" />
        <Field label={t("cases.action.type")} name="type" error={form.errorOf("type")}>
          <select id="type" className="input" {...form.register("type")}>
            {ACTION_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`cases.action.types.${v}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("cases.action.calledAt")} name="calledAt" error={form.errorOf("calledAt")}>
          <input
            id="calledAt"
            type="datetime-local"
            className="input"
            max={calledAtDefault || undefined}
            {...form.register("calledAt")}
          />
        </Field>
        <Field label={t("cases.action.phoneId")} name="phoneId" error={form.errorOf("phoneId")}>
          <select id="phoneId" className="input font-mono" {...form.register("phoneId")}>
            <option value="">{t("cases.action.phoneNew")}</option>
            {phones.map((masked, i) => (
              <option key={i} value={String(i)}>
                {masked}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("cases.action.numberDialled")}
          name="numberDialled"
          error={form.errorOf("numberDialled")}
          hint={t("cases.action.numberDialledHint")}
        >
          <input
            id="numberDialled"
            className="input"
            inputMode="tel"
            autoComplete="off"
            {...form.register("numberDialled")}
          />
        </Field>
        <Field label={t("cases.action.contactName")} name="contactName" error={form.errorOf("contactName")}>
          <input id="contactName" className="input" autoComplete="off" {...form.register("contactName")} />
        </Field>
        <Field label={t("cases.action.relation")} name="relation" error={form.errorOf("relation")}>
          <select id="relation" className="input" {...form.register("relation")}>
            {RELATIONS.map((v) => (
              <option key={v} value={v}>
                {t(`cases.action.relations.${v}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("cases.action.result")} name="result" error={form.errorOf("result")}>
          <select id="result" className="input" {...form.register("result")}>
            {RESULTS.map((v) => (
              <option key={v} value={v}>
                {t(`cases.action.results.${v}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("cases.action.promiseAmount")} name="promiseAmount" error={form.errorOf("promiseAmount")}>
            <input id="promiseAmount" className="input" inputMode="decimal" {...form.register("promiseAmount")} />
          </Field>
          <Field label={t("cases.action.promiseDate")} name="promiseDate" error={form.errorOf("promiseDate")}>
            <input id="promiseDate" type="date" className="input" {...form.register("promiseDate")} />
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field label={t("cases.action.note")} name="note" error={form.errorOf("note")}>
            <textarea id="note" rows={3} className="input" {...form.register("note")} />
          </Field>
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary w-full sm:w-auto">
            {t("cases.action.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
