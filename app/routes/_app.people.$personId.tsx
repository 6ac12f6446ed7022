import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormAlert } from "~/components/form";
import { PersonForm } from "~/components/people/person-form";
import { StatusBadge } from "~/components/people/status-badge";
import { RolesForm } from "~/components/people/roles-form";
import { flattenTree } from "~/utils/department-tree";
import { SetDisabledSchema, SetPasswordSchema } from "~/domain/people/access.schema";
import { PersonFormSchema, RolesFormSchema } from "~/domain/people/people.schema";
import { getPerson, listDepartmentOptions } from "~/domain/people/people-queries.server";
import { updatePerson } from "~/domain/people/save-person.server";
import { setDisabled, setPasswordByAdmin } from "~/domain/people/set-access.server";
import { setRoles } from "~/domain/people/set-roles.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { formatCalendarDate } from "~/utils/format";
import { maskEmail, maskPhone } from "~/utils/mask";
import { can } from "~/utils/permissions";
import { parseForm } from "~/utils/validation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:person");
  const person = await getPerson(params.personId!, await departmentIdsInScope(auth));
  if (!person) throw new Response("Not found", { status: 404 });
  const canWrite = can(auth.user.roles, "write:person");
  const canAssign = can(auth.user.roles, "assign:role");
  return {
    person: {
      ...person,
      // Full numbers only for those who may edit them; everyone else sees them masked.
      phone: canWrite ? person.phone : maskPhone(person.phone),
      email: canWrite ? person.email : maskEmail(person.email),
      hireDate: formatCalendarDate(person.hireDate),
      updatedAt: person.updatedAt.toISOString(),
    },
    departments: canWrite || canAssign ? flattenTree(await listDepartmentOptions(null)) : [],
    canWrite,
    canAssign,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const personId = params.personId!;
  if (intent === "roles") {
    const { user } = await requirePermission(request, "assign:role");
    const parsed = parseForm(RolesFormSchema, formData);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const outcome = await setRoles({ id: user.id, employeeNo: user.employeeNo }, personId, parsed.data);
    if (!outcome.ok) return data({ intent, errors: { [outcome.field ?? "_form"]: outcome.error }, values: parsed.values }, { status: 400 });
    return redirect(`/people/${personId}?notice=rolesSaved`);
  }
  const { user } = await requirePermission(request, "write:person");
  const actor = { id: user.id, employeeNo: user.employeeNo };
  if (intent === "save") {
    const parsed = parseForm(PersonFormSchema, formData);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const outcome = await updatePerson(actor, personId, parsed.data, String(formData.get("updatedAt") ?? ""));
    if (!outcome.ok) return data({ intent, errors: { [outcome.field ?? "_form"]: outcome.error }, values: parsed.values }, { status: outcome.error === "errors.conflict" ? 409 : 400 });
    return redirect(`/people/${personId}?notice=saved`);
  }
  if (intent === "password") {
    const parsed = parseForm(SetPasswordSchema, formData);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: {} }, { status: 400 });
    await setPasswordByAdmin(actor, personId, parsed.data.password, parsed.data.reason);
    return redirect(`/people/${personId}?notice=passwordSet`);
  }
  if (intent === "access") {
    const parsed = parseForm(SetDisabledSchema, formData);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: {} }, { status: 400 });
    const outcome = await setDisabled(actor, personId, parsed.data.disabled, parsed.data.reason);
    if (!outcome.ok) return data({ intent, errors: { _form: outcome.error }, values: {} }, { status: 400 });
    return redirect(`/people/${personId}?notice=${parsed.data.disabled ? "disabled" : "enabled"}`);
  }
  return data({ intent, errors: { _form: "validation.invalid" }, values: {} }, { status: 400 });
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { person, departments, canWrite, canAssign } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const errorsFor = (intent: string): Record<string, string> | null => (actionData?.intent === intent ? (actionData.errors as Record<string, string>) : null);
  const values = actionData?.intent === "save" ? (actionData.values as Record<string, string>) : null;
  return (
    <div className="space-y-5">
      <Link to="/people" className="btn-link">← {t("people.title")}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">{person.name}</h1>
        <span className="font-mono text-sm text-slate-500">{person.employeeNo}</span>
        <StatusBadge status={person.status} disabled={Boolean(person.disabledAt)} />
      </div>
      {notice ? <FormAlert tone="success" message={`people.notices.${notice}`} /> : null}
      {canWrite ? (
        <section className="card p-5">
          <h2 className="mb-4 font-semibold">{t("people.profile")}</h2>
          <PersonForm
            departments={departments}
            defaults={values ?? { employeeNo: person.employeeNo, name: person.name, departmentId: person.departmentId, post: person.post, phone: person.phone ?? "", email: person.email ?? "", hireDate: person.hireDate, status: person.status }}
            errors={errorsFor("save")}
            formError={errorsFor("save")?._form}
            updatedAt={person.updatedAt}
            submitLabel={t("common.save")}
          />
        </section>
      ) : (
        <section className="card grid gap-3 p-5 text-sm sm:grid-cols-2">
          {([["department", person.department.name], ["post", person.post], ["phone", person.phone], ["email", person.email], ["hireDate", person.hireDate]] as const).map(([k, v]) => (
            <div key={k}><p className="text-xs text-slate-500">{t(`people.fields.${k}`)}</p><p className="font-medium">{v || "—"}</p></div>
          ))}
        </section>
      )}
      <section className="card p-5">
        <h2 className="mb-3 font-semibold">{t("people.fields.roles")}</h2>
        {canAssign ? (
          <RolesForm roles={person.roles} departments={departments} errors={errorsFor("roles")} />
        ) : (
          <p className="text-sm">{person.roles.map((r) => t(`roles.${r.role}`)).join(t("training.listSeparator"))}</p>
        )}
      </section>
      {canWrite ? (
        <section className="grid gap-5 md:grid-cols-2">
          <Form method="post" className="card space-y-3 p-5" noValidate>
            <h2 className="font-semibold">{t("people.setPassword")}</h2>
            <p className="text-xs text-slate-500">{t("people.setPasswordHint")}</p>
            <input type="hidden" name="intent" value="password" />
            <Field label={t("people.newPassword")} name="password" error={errorsFor("password")?.password}>
              <input id="password" name="password" type="password" autoComplete="new-password" className="input" />
            </Field>
            <input name="reason" className="input" placeholder={t("common.reasonOptional")} aria-label={t("common.reason")} />
            <button type="submit" className="btn-secondary">{t("people.setPassword")}</button>
          </Form>
          <Form method="post" className="card space-y-3 p-5">
            <h2 className="font-semibold">{t("people.access")}</h2>
            <p className="text-xs text-slate-500">{person.disabledAt ? t("people.disabledHint") : t("people.disableHint")}</p>
            <FormAlert message={errorsFor("access")?._form} />
            <input type="hidden" name="intent" value="access" />
            <input type="hidden" name="disabled" value={person.disabledAt ? "false" : "true"} />
            <input name="reason" className="input" placeholder={t("common.reasonOptional")} aria-label={t("common.reason")} />
            <button type="submit" className={person.disabledAt ? "btn-secondary" : "btn-danger"}>{person.disabledAt ? t("people.enable") : t("people.disable")}</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
