import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { KeysetPagination } from "~/components/keyset-pagination";
import { StatusBadge } from "~/components/people/status-badge";
import { CertificationBadge } from "~/components/quiz/certification-badge";
import { listDepartmentOptions } from "~/domain/people/people-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { listTrainingFiles } from "~/domain/training-file/training-file-list.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { flattenTree } from "~/utils/department-tree";
import { keysetQuery } from "~/utils/keyset";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  departmentId: z.string().max(40).optional().catch(undefined),
  ...keysetQuery,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:training-file");
  // An employee reads only their own file: no list to choose from.
  if (auth.scope === "own") throw redirect(`/training-files/${auth.user.id}`);
  const scope = await departmentIdsInScope(auth);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { timeZone } = await getSettings();
  const [result, departments] = await Promise.all([
    listTrainingFiles(
      scope,
      {
        q: query.q || undefined,
        departmentId: query.departmentId || undefined,
        after: query.after,
        before: query.before,
      },
      { timeZone, at: now() },
    ),
    listDepartmentOptions(scope),
  ]);
  return { query, ...result, departments: flattenTree(departments) };
}

export default function TrainingFilesPage() {
  const { t } = useTranslation();
  const { people, total, next, previous, year, query, departments } = useLoaderData<typeof loader>();
  const exportQuery = query.departmentId ? `?${new URLSearchParams({ departmentId: query.departmentId })}` : "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="page-title">{t("trainingFile.title")}</h1>
        {/* The files of the department chosen below (all of the reader's scope when none is), as one workbook. */}
        <a
          href={`/training-files/export${exportQuery}`}
          className="btn-secondary"
          title={t("trainingFile.scopeExport.hint")}
          download
        >
          {t("trainingFile.scopeExport.button")}
        </a>
      </div>
      <Form method="get" className="card grid gap-3 p-3 sm:grid-cols-[1fr_auto_auto]">
        <input
          name="q"
          defaultValue={query.q ?? ""}
          className="input"
          placeholder={t("trainingFile.searchPlaceholder")}
          aria-label={t("common.search")}
        />
        <select
          name="departmentId"
          defaultValue={query.departmentId ?? ""}
          className="input"
          aria-label={t("trainingFile.columns.department")}
        >
          <option value="">{t("trainingFile.allDepartments")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {"\u3000".repeat(d.depth)}
              {d.name}
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
              <th>{t("trainingFile.columns.employeeNo")}</th>
              <th>{t("trainingFile.columns.name")}</th>
              <th className="hidden sm:table-cell">{t("trainingFile.columns.department")}</th>
              <th className="hidden md:table-cell">{t("trainingFile.columns.post")}</th>
              <th className="hidden md:table-cell">{t("trainingFile.columns.status")}</th>
              <th className="text-right">{t("trainingFile.columns.hoursThisYear", { year })}</th>
              <th className="hidden text-right sm:table-cell">{t("trainingFile.columns.coursesThisYear", { year })}</th>
              <th>{t("trainingFile.columns.certification")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50" data-employee={p.employeeNo}>
                <td className="font-mono text-xs">
                  <Link to={`/training-files/${p.id}`} className="text-brand-700 hover:underline">
                    {p.employeeNo}
                  </Link>
                </td>
                <td>
                  <Link to={`/training-files/${p.id}`} className="hover:underline">
                    {p.name}
                  </Link>
                </td>
                <td className="hidden sm:table-cell">{p.department}</td>
                <td className="hidden md:table-cell">{p.post}</td>
                <td className="hidden md:table-cell">
                  <StatusBadge status={p.status} disabled={p.disabled} />
                </td>
                <td className="text-right tabular-nums" data-hours={p.hours}>
                  {p.hours}
                </td>
                <td className="hidden text-right tabular-nums sm:table-cell">{p.courses}</td>
                <td>
                  <CertificationBadge status={p.certification} />
                </td>
              </tr>
            ))}
            {people.length === 0 ? (
              <tr>
                <td colSpan={8} className="py-8 text-center text-slate-500">
                  {t("trainingFile.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>{t("common.totalCount", { count: total })}</span>
        <KeysetPagination next={next} previous={previous} />
      </div>
    </div>
  );
}
