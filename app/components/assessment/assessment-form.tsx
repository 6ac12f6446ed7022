import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { ASSESSMENT_RESULTS, MAX_COMMENTS, SCORE_FIELDS } from "~/domain/assessment/assessment.schema";
import type { FieldErrors, FormValues } from "~/utils/validation";

type Course = { id: string; title: string; startsAt: string | Date | null };

/**
 * The form's items: the onboarding course, four scores 0–100, the overall result and comments (required
 * for extending onboarding or failing). The same component files a new form and revises a returned one.
 */
export function AssessmentForm({
  schema,
  hidden,
  courses,
  defaults,
  errors,
  hints = {},
  submitLabel,
}: {
  schema: z.ZodType;
  hidden: Record<string, string | number>;
  courses: Course[];
  defaults: FormValues;
  errors?: FieldErrors | null;
  /** Where a suggested score came from, under its field. */
  hints?: Partial<Record<string, string>>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const busy = useNavigation().state !== "idle";
  const { onSubmit, register, errorOf, choice } = useSchemaForm(schema, {
    defaultValues: defaults,
    serverErrors: errors,
  });
  const formError = errors?._form;
  const existing = formError?.startsWith("assessment.errors.alreadyOpen")
    ? (JSON.parse(formError.slice(formError.indexOf("::") + 2)) as { href: string }).href
    : null;
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {formError ? (
        <div className="space-y-1">
          <FormAlert message={formError} />
          {existing ? (
            <a href={existing} className="btn-link">
              {t("assessment.openExisting")} →
            </a>
          ) : null}
        </div>
      ) : null}
      <Field label={t("assessment.fields.courseId")} name="courseId" error={errorOf("courseId")}>
        <select id="courseId" className="input" {...register("courseId")}>
          <option value="">{t("assessment.noCourse")}</option>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
              {c.startsAt ? ` · ${format.date(c.startsAt)}` : ""}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="grid gap-x-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">{t("assessment.scoresLegend")}</legend>
        {SCORE_FIELDS.map((name) => (
          <Field key={name} label={t(`assessment.fields.${name}`)} name={name} error={errorOf(name)} hint={hints[name]}>
            <input
              id={name}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              required
              className="input"
              aria-invalid={Boolean(errorOf(name))}
              {...register(name)}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend className="label">{t("assessment.fields.result")}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
          {ASSESSMENT_RESULTS.map((r) => (
            <label key={r} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
              <input type="radio" {...choice("result", r)} />
              {t(`assessment.results.${r}`)}
            </label>
          ))}
        </div>
        <p role={errorOf("result") ? "alert" : undefined} className="mt-1 min-h-4 text-xs text-red-600">
          {errorOf("result") ? t("assessment.errors.resultRequired") : ""}
        </p>
      </fieldset>
      <Field
        label={t("assessment.fields.comments")}
        name="comments"
        error={errorOf("comments")}
        hint={t("assessment.commentsHint")}
      >
        <textarea
          id="comments"
          rows={4}
          maxLength={MAX_COMMENTS}
          className="input"
          aria-invalid={Boolean(errorOf("comments"))}
          {...register("comments")}
        />
      </Field>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
