import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { CourseSchema, LECTURER_KINDS } from "~/domain/course/course.schema";
import type { FieldErrors, FormValues } from "~/utils/validation";

type Person = { id: string; name: string; employeeNo: string; post: string; lecturer: boolean };
const COSTS = ["lecturerFee", "venueFee", "materialsFee", "externalFee", "otherFee"] as const;

/** The course plan's own fields; sessions, attendees and materials are added on the course page. */
export function CourseForm({
  defaults,
  errors,
  people,
  cancelTo,
  children,
}: {
  defaults: FormValues;
  errors?: FieldErrors | null;
  people: Person[];
  cancelTo: string;
  /** More fields of the same form, shown above its buttons (the rules the course teaches). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const {
    register,
    choice,
    onSubmit,
    errorOf,
    input: field,
  } = useSchemaForm(CourseSchema, { defaultValues: defaults, serverErrors: errors });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      <FormAlert message={errors?._form} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        {field("course.fields.", "title")}
        {field("course.fields.", "capacity", { inputMode: "numeric" })}
      </div>
      <Field label={t("course.fields.outline")} name="outline" error={errorOf("outline")}>
        <textarea
          id="outline"
          rows={4}
          className="input"
          aria-invalid={Boolean(errorOf("outline"))}
          {...register("outline")}
        />
      </Field>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t("course.fields.lecturer")}</legend>
        <div className="flex flex-wrap gap-4">
          {LECTURER_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" {...choice("lecturerKind", k)} />
              {t(`course.lecturerKinds.${k}`)}
            </label>
          ))}
        </div>
        <Field label={t("course.fields.lecturerId")} name="lecturerId" error={errorOf("lecturerId")}>
          <select id="lecturerId" className="input" {...register("lecturerId")}>
            <option value="">{t("course.choose")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {t("training.personWith", { ...p, detail: p.post })}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("course.fields.", "externalLecturer")}
          {field("course.fields.", "externalOrg")}
          {field("course.fields.", "externalContact")}
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t("course.fields.costs")}</legend>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          {COSTS.map((c) => (
            <div key={c}>{field("course.fields.", c, { inputMode: "decimal" })}</div>
          ))}
        </div>
      </fieldset>
      {children}
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
