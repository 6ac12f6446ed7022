import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { BlueprintFormSchema, NewQuizFormSchema } from "~/domain/quiz/blueprint.schema";
import { useLocalized } from "~/utils/localized";
import type { FieldErrors } from "~/utils/validation";

type Rule = { id: string; titleZh: string; titleEn: string; redLine: boolean; available: number };

/** The blueprint form of the create page (with a code) and of the edit page. */
export function BlueprintForm({
  isNew,
  rules,
  values,
  errors,
  submitLabel,
}: {
  isNew: boolean;
  rules: Rule[];
  values: Record<string, string | string[]>;
  errors?: FieldErrors | null;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const defaults = { ...Object.fromEntries(rules.map((r) => [`draw_${r.id}`, "0"])), ...values };
  const { register, choice, onSubmit, errorOf, form } = useSchemaForm(isNew ? NewQuizFormSchema : BlueprintFormSchema, {
    defaultValues: defaults,
    serverErrors: errors,
  });
  // A count out of range on one rule is reported at "draws.<ruleId>"; the alert shows the first.
  const errorAt = (name: string) => {
    const message = form.getFieldState(name, form.formState).error?.message;
    return (typeof message === "string" ? message : undefined) ?? errors?.[name];
  };
  const drawsError = errorAt("draws") ?? rules.map((r) => errorAt(`draws.${r.id}`)).find(Boolean);
  const total = rules.reduce((n, r) => n + (Number(defaults[`draw_${r.id}`]) || 0), 0);
  const number = (name: string, min: number, max: number, hint?: string) => (
    <Field label={t(`quiz.blueprint.fields.${name}`)} name={name} error={errorOf(name)} hint={hint}>
      <input
        id={name}
        type="number"
        min={min}
        max={max}
        className="input"
        aria-invalid={Boolean(errorOf(name))}
        {...register(name)}
      />
    </Field>
  );
  return (
    <>
      <FormAlert message={drawsError ?? errorOf("_form")} />
      <Form method="post" className="card space-y-4 p-5" onSubmit={onSubmit}>
        {isNew ? (
          <Field
            label={t("quiz.blueprint.fields.code")}
            name="code"
            error={errorOf("code")}
            hint={t("quiz.blueprint.codeHint")}
          >
            <input
              id="code"
              className="input font-mono uppercase"
              autoCapitalize="characters"
              aria-invalid={Boolean(errorOf("code"))}
              {...register("code")}
            />
          </Field>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("quiz.blueprint.fields.title")} name="title" error={errorOf("title")}>
            <input id="title" className="input" aria-invalid={Boolean(errorOf("title"))} {...register("title")} />
          </Field>
          <Field label={t("quiz.blueprint.fields.titleEn")} name="titleEn" error={errorOf("titleEn")}>
            <input id="titleEn" className="input" aria-invalid={Boolean(errorOf("titleEn"))} {...register("titleEn")} />
          </Field>
          {number("timeLimitMinutes", 1, 240)}
          {number("passPercent", 1, 100, t("quiz.blueprint.redLineHint"))}
          {number("attemptsPerDay", 1, 20)}
          {number("cooldownMinutes", 0, 1440)}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="h-4 w-4" {...choice("active", "on")} /> {t("quiz.blueprint.fields.active")}
        </label>
        <fieldset>
          <legend className="label">{t("quiz.blueprint.draws", { total })}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {rules.map((r) => (
              <label
                key={r.id}
                className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
              >
                <span className="w-10 shrink-0 font-mono text-xs">{r.id}</span>
                <span className="min-w-0 flex-1 truncate">
                  {localized(r.titleZh, r.titleEn)}
                  {r.redLine ? ` · ${t("quiz.redLine")}` : ""}
                </span>
                <input
                  type="number"
                  min={0}
                  max={r.available}
                  className="input w-16 shrink-0 py-1"
                  aria-label={r.id}
                  aria-invalid={Boolean(errorAt(`draws.${r.id}`))}
                  {...register(`draw_${r.id}`)}
                />
                <span className="w-8 shrink-0 text-xs text-slate-500">/ {r.available}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
