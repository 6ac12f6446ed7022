import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { listDepartmentsWithCounts } from "~/domain/departments/department-queries.server";
import { DEPARTMENT_KINDS, DepartmentFormSchema } from "~/domain/departments/department.schema";
import { deleteDepartment, saveDepartment } from "~/domain/departments/save-department.server";
import { requirePermission } from "~/utils/auth.server";
import { flattenTree } from "~/utils/department-tree";
import { Id } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { optionalText, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// One form, two buttons: save (a new department without an id) or delete the one being edited.
const DepartmentIntent = z.discriminatedUnion("intent", [
  DepartmentFormSchema.extend({ intent: z.literal("save"), id: optionalText(64) }),
  z.object({ intent: z.literal("delete"), id: Id }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:department");
  return { departments: flattenTree(await listDepartmentsWithCounts()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:department");
  const form = parseIntent(await request.formData(), DepartmentIntent);
  if (!form.ok) return invalid(form);
  switch (form.data.intent) {
    case "save":
      return respond(await saveDepartment(actor, form.data.id ?? null, form.data), {
        form,
        redirectTo: "/departments",
        flash: "departments.notices.saved",
      });
    case "delete":
      return respond(await deleteDepartment(actor, form.data.id), {
        form,
        redirectTo: "/departments",
        flash: "departments.notices.deleted",
      });
  }
}

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = departments.find((d) => d.id === params.get("edit"));
  const defaults =
    actionData?.values ??
    (editing
      ? {
          code: editing.code,
          name: editing.name,
          kind: editing.kind,
          parentId: editing.parentId ?? "",
          sortOrder: String(editing.sortOrder),
        }
      : { kind: "DEPARTMENT", sortOrder: "0" });
  const { register, onSubmit, errorOf } = useSchemaForm(DepartmentFormSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("departments.title")}</h1>
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <div className="card divide-y divide-slate-100">
          {departments.map((d) => (
            <div
              key={d.id}
              className="flex items-center gap-3 px-4 py-2.5 text-sm"
              style={{ paddingLeft: `${1 + d.depth * 1.5}rem` }}
            >
              <span className={d.depth === 0 ? "font-semibold" : ""}>{d.name}</span>
              <span className="font-mono text-xs text-slate-400">{d.code}</span>
              <span className="badge bg-slate-100 text-slate-600">{t(`departments.kinds.${d.kind}`)}</span>
              <span className="ml-auto text-xs text-slate-500">
                {t("departments.peopleCount", { count: d._count.people })}
              </span>
              <Link to={`?edit=${d.id}`} className="btn-link">
                {t("common.edit")}
              </Link>
            </div>
          ))}
        </div>
        <div className="card p-5">
          <h2 className="mb-3 font-semibold">
            {editing ? t("departments.editTitle", { name: editing.name }) : t("departments.newTitle")}
          </h2>
          <Form method="post" className="space-y-3" onSubmit={onSubmit} noValidate key={editing?.id ?? "new"}>
            <FormAlert message={actionData?.errors?._form} />
            {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
            <Field label={t("departments.fields.name")} name="name" error={errorOf("name")}>
              <input id="name" className="input" {...register("name")} />
            </Field>
            <Field label={t("departments.fields.code")} name="code" error={errorOf("code")}>
              <input id="code" className="input" autoCapitalize="characters" {...register("code")} />
            </Field>
            <Field label={t("departments.fields.kind")} name="kind" error={errorOf("kind")}>
              <select id="kind" className="input" {...register("kind")}>
                {DEPARTMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`departments.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("departments.fields.parent")} name="parentId" error={errorOf("parentId")}>
              <select id="parentId" className="input" {...register("parentId")}>
                <option value="">{t("common.none")}</option>
                {departments
                  .filter((d) => d.id !== editing?.id)
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {"\u3000".repeat(d.depth)}
                      {d.name}
                    </option>
                  ))}
              </select>
            </Field>
            <Field label={t("departments.fields.sortOrder")} name="sortOrder" error={errorOf("sortOrder")}>
              <input id="sortOrder" type="number" min={0} className="input" {...register("sortOrder")} />
            </Field>
            {/* Save comes first in the page so that Enter in a field saves (the browser submits with
                the first button); row-reverse still shows it on the right, after Delete. */}
            <div className="flex flex-row-reverse flex-wrap justify-start gap-2">
              <button type="submit" name="intent" value="save" className="btn-primary">
                {t("common.save")}
              </button>
              {editing ? (
                <button type="submit" name="intent" value="delete" className="btn-danger" formNoValidate>
                  {t("departments.delete")}
                </button>
              ) : null}
              {editing ? (
                <Link to="/departments" className="btn-secondary">
                  {t("common.cancel")}
                </Link>
              ) : null}
            </div>
          </Form>
        </div>
      </div>
    </div>
  );
}
