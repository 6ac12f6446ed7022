import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { PERSON_STATUSES, PersonFormSchema } from "~/domain/people/people.schema";
import type { FieldErrors } from "~/utils/validation";

type Option = { id: string; name: string; depth: number };

export function PersonForm({
  departments,
  defaults,
  errors,
  formError,
  updatedAt,
  submitLabel,
}: {
  departments: Option[];
  defaults: Record<string, string | string[] | undefined>;
  errors?: FieldErrors | null;
  formError?: string | null;
  updatedAt?: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useSchemaForm(PersonFormSchema, {
    defaultValues: defaults,
    serverErrors: errors,
  });
  const text = (name: "employeeNo" | "name" | "post" | "phone" | "email", extra: Record<string, string> = {}) => (
    <Field label={t(`people.fields.${name}`)} name={name} error={errorOf(name)}>
      <input id={name} className="input" aria-invalid={Boolean(errorOf(name))} {...extra} {...register(name)} />
    </Field>
  );
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="intent" value="save" />
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text("employeeNo", { autoCapitalize: "characters" })}
        {text("name")}
        <Field label={t("people.fields.department")} name="departmentId" error={errorOf("departmentId")}>
          <select
            id="departmentId"
            className="input"
            aria-invalid={Boolean(errorOf("departmentId"))}
            {...register("departmentId")}
          >
            <option value="">{t("people.chooseDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {"\u3000".repeat(d.depth)}
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        {text("post")}
        {text("phone", { inputMode: "tel", autoComplete: "off" })}
        {text("email", { type: "email", autoComplete: "off" })}
        <Field label={t("people.fields.hireDate")} name="hireDate" error={errorOf("hireDate")}>
          <input
            id="hireDate"
            type="date"
            className="input"
            aria-invalid={Boolean(errorOf("hireDate"))}
            {...register("hireDate")}
          />
        </Field>
        <Field label={t("people.fields.status")} name="status" error={errorOf("status")}>
          <select id="status" className="input" {...register("status")}>
            {PERSON_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`people.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("common.reasonOptional")} name="reason" error={errorOf("reason")}>
        <input id="reason" className="input" {...register("reason")} />
      </Field>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
