import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { MonthPicker } from "~/components/training/month-picker";
import { needItemSchema } from "~/domain/needs/needs.schema";
import { CATEGORIES, DELIVERY_MODES, PRIORITIES } from "~/domain/plan/fields";
import type { FieldErrors } from "~/utils/validation";

type Values = Record<string, string | string[] | undefined>;

/** One line of the department's needs form (add or change). */
export function NeedItemForm({
  year,
  itemId,
  defaults,
  errors,
  cancelTo,
}: {
  year: number;
  itemId: string | null;
  defaults: Values;
  errors?: FieldErrors | null;
  cancelTo?: string;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const {
    register,
    choice,
    onSubmit,
    errorOf,
    input: field,
    select: choose,
  } = useSchemaForm(needItemSchema(year), { defaultValues: defaults, serverErrors: errors });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="intent" value="saveItem" />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <FormAlert message={errors?._form} />
      <div className="grid gap-4 sm:grid-cols-2">
        {field("needs.item.", "topic")}
        {choose("needs.item.", "category", CATEGORIES, "training.categories.")}
        {field("needs.item.", "targetPeople", { placeholder: t("needs.item.targetPeopleHint") })}
        {field("needs.item.", "headcount", { inputMode: "numeric" })}
        {field("needs.item.", "hours", { inputMode: "decimal" })}
        {choose("needs.item.", "delivery", DELIVERY_MODES, "training.delivery.")}
        {field("needs.item.", "cost", { inputMode: "decimal" })}
        {choose("needs.item.", "priority", PRIORITIES, "training.priority.")}
      </div>
      <MonthPicker year={year} choice={choice} error={errorOf("months")} />
      <Field label={t("needs.item.reason")} name="reason" error={errorOf("reason")}>
        <textarea
          id="reason"
          rows={3}
          className="input"
          aria-invalid={Boolean(errorOf("reason"))}
          {...register("reason")}
        />
      </Field>
      <Field
        label={t("needs.item.problemArea")}
        name="problemArea"
        error={errorOf("problemArea")}
        hint={t("needs.item.problemAreaHint")}
      >
        <input id="problemArea" className="input" {...register("problemArea")} />
      </Field>
      <div className="flex justify-end gap-2">
        {cancelTo ? (
          <Link to={cancelTo} className="btn-secondary">
            {t("common.cancel")}
          </Link>
        ) : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {itemId ? t("common.save") : t("needs.addItem")}
        </button>
      </div>
    </Form>
  );
}
