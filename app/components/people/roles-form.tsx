import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { ROLES } from "~/utils/permissions";
import type { FieldErrors } from "~/utils/validation";

export function RolesForm({
  roles,
  departments,
  errors,
}: {
  roles: Array<{ role: string; departmentId: string | null }>;
  departments: Array<{ id: string; name: string; depth: number }>;
  errors?: FieldErrors | null;
}) {
  const { t } = useTranslation();
  const held = new Set(roles.map((r) => r.role));
  const headOf = roles.find((r) => r.role === "DEPARTMENT_HEAD")?.departmentId ?? "";
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value="roles" />
      <FormAlert message={errors?._form ?? errors?.roles} />
      <fieldset className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="sr-only">{t("people.fields.roles")}</legend>
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
            <input
              type="checkbox"
              name="roles"
              value={role}
              defaultChecked={held.has(role)}
              className="h-4 w-4 rounded border-slate-300"
            />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("people.headOfDepartment")} name="headOfDepartmentId" error={errors?.headOfDepartmentId}>
          <select id="headOfDepartmentId" name="headOfDepartmentId" defaultValue={headOf} className="input">
            <option value="">{t("common.none")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {"\u3000".repeat(d.depth)}
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("common.reasonOptional")} name="rolesReason">
          <input id="rolesReason" name="reason" className="input" />
        </Field>
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary">
          {t("people.saveRoles")}
        </button>
      </div>
    </Form>
  );
}
