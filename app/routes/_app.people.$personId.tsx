import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, FormAlert } from "~/components/form";
import { AccountLockCard } from "~/components/people/account-lock-card";
import { LecturerCard } from "~/components/people/lecturer-card";
import { PersonForm } from "~/components/people/person-form";
import { RolesForm } from "~/components/people/roles-form";
import { StatusBadge } from "~/components/people/status-badge";
import { accountLockedUntil } from "~/domain/auth/account-lock.server";
import { unlockAccount } from "~/domain/auth/unlock-account.server";
import { SetDisabledSchema, SetPasswordSchema, UnlockSchema } from "~/domain/people/access.schema";
import { getPerson, listDepartmentOptions } from "~/domain/people/people-queries.server";
import { PersonFormSchema, RolesFormSchema } from "~/domain/people/people.schema";
import { updatePerson } from "~/domain/people/save-person.server";
import { setDisabled, setPasswordByAdmin } from "~/domain/people/set-access.server";
import { setRoles } from "~/domain/people/set-roles.server";
import { markLecturer, unmarkLecturer } from "~/domain/scheduling/mark-lecturer.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { flattenTree } from "~/utils/department-tree";
import { formatCalendarDate } from "~/utils/format";
import { maskEmail, maskPhone } from "~/utils/mask";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const PersonParams = z.object({ personId: Id });

// The page's six forms, told apart by their `intent`.
const PersonIntent = z.discriminatedUnion("intent", [
  PersonFormSchema.extend({ intent: z.literal("save"), updatedAt: z.string().min(1) }),
  RolesFormSchema.extend({ intent: z.literal("roles") }),
  SetPasswordSchema.extend({ intent: z.literal("password") }),
  SetDisabledSchema.extend({ intent: z.literal("access") }),
  UnlockSchema.extend({ intent: z.literal("unlock") }),
  // The training manager marks internal lecturers without the whole roles form (the administrator has both).
  z.object({ intent: z.literal("lecturer"), lecturer: z.enum(["mark", "unmark"]) }),
]);
const PERMISSION_OF = { roles: "assign:role", lecturer: "mark:lecturer" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { personId } = getParams(params, PersonParams);
  const auth = await requirePermission(request, "read:person");
  const person = await getPerson(personId, await departmentIdsInScope(auth));
  invariantResponse(person, "Not found", { status: 404 });
  const canWrite = can(auth.user.roles, "write:person");
  const canAssign = can(auth.user.roles, "assign:role");
  const canMarkLecturer = can(auth.user.roles, "mark:lecturer");
  const lockedUntil = canWrite ? await accountLockedUntil(person.employeeNo) : null;
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
    canMarkLecturer,
    lockedUntil: lockedUntil?.toISOString() ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { personId } = getParams(params, PersonParams);
  const form = parseIntent(await request.formData(), PersonIntent);
  const auth = await requireActor(request, PERMISSION_OF[form.intent as keyof typeof PERMISSION_OF] ?? "write:person");
  const { actor } = auth;
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/people/${personId}` };
  switch (form.data.intent) {
    case "save":
      return respond(await updatePerson(actor, personId, form.data, form.data.updatedAt), {
        ...done,
        flash: "people.notices.saved",
      });
    case "roles":
      return respond(await setRoles(actor, personId, form.data), { ...done, flash: "people.notices.rolesSaved" });
    case "password":
      return respond(await setPasswordByAdmin(actor, personId, form.data.password, form.data.reason), {
        ...done,
        flash: "people.notices.passwordSet",
      });
    case "access":
      return respond(await setDisabled(actor, personId, form.data.disabled, form.data.reason), {
        ...done,
        flash: form.data.disabled ? "people.notices.disabled" : "people.notices.enabled",
      });
    case "unlock":
      return respond(await unlockAccount(actor, personId, form.data.reason), {
        ...done,
        flash: "people.notices.unlocked",
      });
    case "lecturer": {
      const scope = await departmentIdsInScope(auth);
      return form.data.lecturer === "mark"
        ? respond(await markLecturer(actor, scope, personId), { ...done, flash: "scheduling.lecturers.notices.marked" })
        : respond(await unmarkLecturer(actor, scope, personId), {
            ...done,
            flash: "scheduling.lecturers.notices.unmarked",
          });
    }
  }
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { person, departments, canWrite, canAssign, canMarkLecturer, lockedUntil } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : null);
  const values = actionData?.intent === "save" ? actionData.values : null;
  return (
    <div className="space-y-5">
      <Link to="/people" className="btn-link">
        ← {t("people.title")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">{person.name}</h1>
        <span className="font-mono text-sm text-slate-500">{person.employeeNo}</span>
        <StatusBadge status={person.status} disabled={Boolean(person.disabledAt)} />
        <Link to={`/training-files/${person.id}`} className="btn-secondary ml-auto">
          {t("trainingFile.link")}
        </Link>
      </div>
      {lockedUntil ? <AccountLockCard lockedUntil={lockedUntil} /> : null}
      {canWrite ? (
        <section className="card p-5">
          <h2 className="mb-4 font-semibold">{t("people.profile")}</h2>
          <PersonForm
            departments={departments}
            defaults={
              values ?? {
                employeeNo: person.employeeNo,
                name: person.name,
                departmentId: person.departmentId,
                post: person.post,
                phone: person.phone ?? "",
                email: person.email ?? "",
                hireDate: person.hireDate,
                status: person.status,
              }
            }
            errors={errorsFor("save")}
            formError={errorsFor("save")?._form}
            updatedAt={person.updatedAt}
            submitLabel={t("common.save")}
          />
        </section>
      ) : (
        <section className="card grid gap-3 p-5 text-sm sm:grid-cols-2">
          {(
            [
              ["department", person.department.name],
              ["post", person.post],
              ["phone", person.phone],
              ["email", person.email],
              ["hireDate", person.hireDate],
            ] as const
          ).map(([k, v]) => (
            <div key={k}>
              <p className="text-xs text-slate-500">{t(`people.fields.${k}`)}</p>
              <p className="font-medium">{v || "—"}</p>
            </div>
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
      {canMarkLecturer && !canAssign ? (
        <LecturerCard marked={person.roles.some((r) => r.role === "LECTURER")} error={errorsFor("lecturer")?._form} />
      ) : null}
      {canWrite ? (
        <section className="grid gap-5 md:grid-cols-2">
          <Form method="post" className="card space-y-3 p-5" noValidate>
            <h2 className="font-semibold">{t("people.setPassword")}</h2>
            <p className="text-xs text-slate-500">{t("people.setPasswordHint")}</p>
            <input type="hidden" name="intent" value="password" />
            <Field label={t("people.newPassword")} name="password" error={errorsFor("password")?.password}>
              <input id="password" name="password" type="password" autoComplete="new-password" className="input" />
            </Field>
            <input
              name="reason"
              className="input"
              placeholder={t("common.reasonOptional")}
              aria-label={t("common.reason")}
            />
            <button type="submit" className="btn-secondary">
              {t("people.setPassword")}
            </button>
          </Form>
          <Form method="post" className="card space-y-3 p-5">
            <h2 className="font-semibold">{t("people.access")}</h2>
            <p className="text-xs text-slate-500">
              {person.disabledAt ? t("people.disabledHint") : t("people.disableHint")}
            </p>
            <FormAlert message={errorsFor("access")?._form} />
            <input type="hidden" name="intent" value="access" />
            <input type="hidden" name="disabled" value={person.disabledAt ? "false" : "true"} />
            <input
              name="reason"
              className="input"
              placeholder={t("common.reasonOptional")}
              aria-label={t("common.reason")}
            />
            <button type="submit" className={person.disabledAt ? "btn-secondary" : "btn-danger"}>
              {person.disabledAt ? t("people.enable") : t("people.disable")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
