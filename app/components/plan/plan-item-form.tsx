import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { formatMonths } from "~/components/training/format";
import { MonthPicker } from "~/components/training/month-picker";
import { CATEGORIES, DELIVERY_MODES, LECTURER_TYPES } from "~/domain/plan/fields";
import { planItemSchema } from "~/domain/plan/plan.schema";
import type { FieldErrors } from "~/utils/validation";

type Need = { id: string; topic: string; department: string; category: string; headcount: number; months: number[] };
type Values = Record<string, string | string[] | undefined>;
type Choices = {
  departments: Array<{ id: string; name: string }>;
  lecturers: Array<{ id: string; name: string; employeeNo: string; post: string }>;
};

/** One line of the annual plan, with the needs it answers. */
export function PlanItemForm({
  year,
  defaults,
  errors,
  needs,
  choices,
  cancelTo,
}: {
  year: number;
  defaults: Values;
  errors?: FieldErrors | null;
  needs: Need[];
  choices: Choices;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const {
    choice,
    onSubmit,
    errorOf,
    register,
    input: field,
    select: choose,
  } = useSchemaForm(planItemSchema(year), { defaultValues: defaults, serverErrors: errors });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={errors?._form} />
      <div className="grid gap-4 sm:grid-cols-2">
        {field("plan.item.", "title")}
        {choose("plan.item.", "category", CATEGORIES, "training.categories.")}
        {field("plan.item.", "targetPeople")}
        {field("plan.item.", "sessions", { inputMode: "numeric" })}
        {field("plan.item.", "hoursPerSession", { inputMode: "decimal" })}
        {choose("plan.item.", "delivery", DELIVERY_MODES, "training.delivery.")}
        {choose("plan.item.", "lecturerType", LECTURER_TYPES, "training.lecturer.")}
        {field("plan.item.", "budget", { inputMode: "decimal" })}
        {field("plan.item.", "headcount", { inputMode: "numeric" })}
        <Field label={t("plan.item.department")} name="departmentId" error={errorOf("departmentId")}>
          <select id="departmentId" className="input" {...register("departmentId")}>
            <option value="">{t("plan.item.choose")}</option>
            {choices.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t("plan.item.lecturer")}</legend>
        <p className="text-xs text-slate-500">{t("plan.item.lecturerHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("plan.item.lecturerId")} name="lecturerId" error={errorOf("lecturerId")}>
            <select id="lecturerId" className="input" {...register("lecturerId")}>
              <option value="">{t("plan.item.lecturerTbd")}</option>
              {choices.lecturers.map((p) => (
                <option key={p.id} value={p.id}>
                  {t("training.personWith", { ...p, detail: p.post })}
                </option>
              ))}
            </select>
          </Field>
          {field("plan.item.", "lecturerName")}
        </div>
      </fieldset>
      <MonthPicker year={year} choice={choice} error={errorOf("months")} />
      <fieldset>
        <legend className="label">{t("plan.item.needs")}</legend>
        {needs.length === 0 ? (
          <p className="text-sm text-slate-500">{t("plan.item.noNeeds")}</p>
        ) : (
          <div className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
            {needs.map((n) => (
              <label
                key={n.id}
                className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50"
              >
                <input type="checkbox" className="mt-0.5" {...choice("needIds", n.id)} />
                <span>
                  {n.topic}
                  <span className="ml-2 text-xs text-slate-500">
                    {n.department} · {t(`training.categories.${n.category}`)} ·{" "}
                    {t("plan.coverage.people", { count: n.headcount })} · {formatMonths(t, n.months)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
        {errorOf("needIds") ? <FormAlert message={errorOf("needIds")} /> : null}
      </fieldset>
      <div className="flex justify-end gap-2">
        <Link to={cancelTo} className="btn-secondary">
          {t("common.cancel")}
        </Link>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("common.save")}
        </button>
      </div>
    </Form>
  );
}
