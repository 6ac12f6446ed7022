import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { KeysetPagination } from "~/components/keyset-pagination";
import { StatusBadge } from "~/components/people/status-badge";
import { listDepartmentOptions, listPeople } from "~/domain/people/people-queries.server";
import { PERSON_STATUSES } from "~/domain/people/people.schema";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { flattenTree } from "~/utils/department-tree";
import { keysetQuery } from "~/utils/keyset";
import { maskPhone } from "~/utils/mask";
import { can } from "~/utils/permissions";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  departmentId: z.string().max(40).optional().catch(undefined),
  status: z.enum(PERSON_STATUSES).optional().catch(undefined),
  ...keysetQuery,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:person");
  const scope = await departmentIdsInScope(auth);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, departments] = await Promise.all([
    listPeople(scope, { ...query, q: query.q || undefined, departmentId: query.departmentId || undefined }),
    listDepartmentOptions(scope),
  ]);
  return {
    query,
    total: result.total,
    next: result.next,
    previous: result.previous,
    // Phone numbers leave the server masked.
    people: result.people.map((p) => ({ ...p, phone: maskPhone(p.phone), roles: p.roles.map((r) => r.role) })),
    departments: flattenTree(departments),
    canWrite: can(auth.user.roles, "write:person"),
    canImport: can(auth.user.roles, "import:person"),
  };
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { people, total, next, previous, departments, query, canWrite, canImport } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">{t("people.title")}</h1>
        <div className="flex gap-2">
          {canImport ? (
            <Link to="/people/import" className="btn-secondary">
              {t("people.import")}
            </Link>
          ) : null}
          {canWrite ? (
            <Link to="/people/new" className="btn-primary">
              {t("people.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="card grid gap-3 p-3 sm:grid-cols-[1fr_auto_auto_auto]">
        <input
          name="q"
          defaultValue={query.q ?? ""}
          className="input"
          placeholder={t("people.searchPlaceholder")}
          aria-label={t("common.search")}
        />
        <select
          name="departmentId"
          defaultValue={query.departmentId ?? ""}
          className="input"
          aria-label={t("people.fields.department")}
        >
          <option value="">{t("people.allDepartments")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {"\u3000".repeat(d.depth)}
              {d.name}
            </option>
          ))}
        </select>
        <select
          name="status"
          defaultValue={query.status ?? ""}
          className="input"
          aria-label={t("people.fields.status")}
        >
          <option value="">{t("people.allStatuses")}</option>
          {PERSON_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`people.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
      </Form>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("people.fields.employeeNo")}</th>
              <th>{t("people.fields.name")}</th>
              <th>{t("people.fields.department")}</th>
              <th className="hidden md:table-cell">{t("people.fields.post")}</th>
              <th className="hidden md:table-cell">{t("people.fields.phone")}</th>
              <th>{t("people.fields.status")}</th>
              <th className="hidden lg:table-cell">{t("people.fields.roles")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <td className="font-mono text-xs">
                  <Link to={`/people/${p.id}`} className="text-brand-700 hover:underline">
                    {p.employeeNo}
                  </Link>
                </td>
                <td>
                  <Link to={`/people/${p.id}`} className="hover:underline">
                    {p.name}
                  </Link>
                </td>
                <td>{p.department.name}</td>
                <td className="hidden md:table-cell">{p.post}</td>
                <td className="hidden font-mono text-xs md:table-cell">{p.phone}</td>
                <td>
                  <StatusBadge status={p.status} disabled={Boolean(p.disabledAt)} />
                </td>
                <td className="hidden text-xs text-slate-500 lg:table-cell">
                  {p.roles
                    .filter((r) => r !== "EMPLOYEE")
                    .map((r) => t(`roles.${r}`))
                    .join(t("training.listSeparator"))}
                </td>
              </tr>
            ))}
            {people.length === 0 ? (
              <tr>
                <td colSpan={7} className="py-8 text-center text-slate-500">
                  {t("people.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>{t("people.total", { count: total })}</span>
        <KeysetPagination next={next} previous={previous} />
      </div>
    </div>
  );
}
