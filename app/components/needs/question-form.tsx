import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, useSchemaForm } from "~/components/form";
import { QUESTION_KINDS, QuestionSchema } from "~/domain/needs/needs.schema";
import type { FieldErrors } from "~/utils/validation";

type Values = Record<string, string | string[] | undefined>;

/** Adds a questionnaire question, or changes one (`questionId`); works with and without JavaScript. */
export function QuestionForm({
  questionId,
  defaults,
  errors,
}: {
  questionId: string | null;
  defaults: Values;
  errors?: FieldErrors | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { register, choice, onSubmit, errorOf } = useSchemaForm(QuestionSchema, {
    defaultValues: defaults,
    serverErrors: errors,
  });
  return (
    <Form id="question-form" method="post" onSubmit={onSubmit} noValidate className="card space-y-4 p-5">
      <h2 className="font-semibold">{questionId ? t("needs.questions.edit") : t("needs.questions.add")}</h2>
      <input type="hidden" name="intent" value="save" />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field label={t("needs.questions.kind")} name="kind" error={errorOf("kind")}>
          <select id="kind" className="input" {...register("kind")}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`needs.questionKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("needs.questions.text")} name="text" error={errorOf("text")}>
          <input id="text" className="input" aria-invalid={Boolean(errorOf("text"))} {...register("text")} />
        </Field>
      </div>
      <Field
        label={t("needs.questions.options")}
        name="options"
        error={errorOf("options")}
        hint={t("needs.questions.optionsHint")}
      >
        <textarea
          id="options"
          rows={6}
          className="input"
          aria-invalid={Boolean(errorOf("options"))}
          {...register("options")}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...choice("required", "on")} />
        {t("needs.questions.required")}
      </label>
      <div className="flex justify-end gap-2">
        {questionId ? (
          <Link to="?" className="btn-secondary">
            {t("common.cancel")}
          </Link>
        ) : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {questionId ? t("common.save") : t("needs.questions.add")}
        </button>
      </div>
    </Form>
  );
}
