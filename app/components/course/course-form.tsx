import { Form, Link, useNavigation } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { CourseSchema, LECTURER_KINDS } from "~/domain/course/course.schema";
import type { FieldErrors, FormValues } from "~/utils/validation";

import { PickerSelect, SearchBox } from "./lecturer-picker";

type Person = { id: string; name: string; employeeNo: string; post: string };
type Trainer = { id: string; name: string; organisation: string };
const COSTS = ["lecturerFee", "venueFee", "materialsFee", "externalFee", "otherFee"] as const;

/** The course plan's own fields; sessions, attendees and materials are added on the course page. */
export function CourseForm({
  defaults,
  errors,
  people,
  trainers,
  search,
  hidden,
  cancelTo,
  children,
}: {
  defaults: FormValues;
  errors?: FieldErrors | null;
  /** The employees marked as lecturers, and the administrator's external trainers (as the search found them). */
  people: Person[];
  trainers: Trainer[];
  search: string;
  /** Fields the page's address needs when the form is sent back to it for a search (the monthly item). */
  hidden?: Record<string, string>;
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
  const [query, setQuery] = useState(search);
  const initial = (name: string) => (typeof defaults[name] === "string" ? (defaults[name] as string) : "");
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
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
        <SearchBox defaultValue={search} onSearch={setQuery} />
        <div className="grid gap-4 sm:grid-cols-2">
          <PickerSelect
            name="lecturerId"
            label={t("course.fields.lecturerId")}
            options={people.map((p) => ({ id: p.id, label: t("training.personWith", { ...p, detail: p.post }) }))}
            search={query}
            initial={initial("lecturerId")}
            error={errorOf("lecturerId")}
            field={register("lecturerId")}
          />
          <PickerSelect
            name="trainerId"
            label={t("course.fields.trainerId")}
            options={trainers.map((p) => ({ id: p.id, label: [p.name, p.organisation].filter(Boolean).join(" · ") }))}
            search={query}
            initial={initial("trainerId")}
            error={errorOf("trainerId")}
            field={register("trainerId")}
          />
        </div>
        <p className="text-sm text-slate-500">{t("course.picker.typedTrainer")}</p>
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
