import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { DashboardPage } from "~/components/dashboard/dashboard-page";
import { dashboardCharts } from "~/domain/dashboard/dashboard-charts.server";
import { dashboardFigures } from "~/domain/dashboard/dashboard.server";
import { scopeDepartments } from "~/domain/dashboard/scope-queries.server";
import { dashboardScope, upFrom } from "~/domain/dashboard/scope-rules";
import { companyToday } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { can } from "~/utils/permissions";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  departmentId: z.string().trim().min(1).max(40).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:dashboard");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [today, allowed, departments, locale] = await Promise.all([
    companyToday(),
    departmentIdsInScope(auth),
    scopeDepartments(),
    resolveLocale(request, auth.user.locale),
  ]);
  // A head asking for a department outside theirs is refused, not shown an empty page.
  const resolved = dashboardScope(departments, allowed, query.departmentId ?? null);
  if (!resolved.ok)
    throw new Response(resolved.status === 403 ? "Forbidden" : "Not found", { status: resolved.status });
  const { scope } = resolved;
  const year = query.year ?? today.year;
  const t = serverT(locale);
  const scopeName = scope.focus?.name ?? t(allowed ? "dashboard.allMine" : "dashboard.company");
  // Cost beside budget only for those who may read the training budget (not department heads).
  const figures = await dashboardFigures({
    year,
    scope,
    departments,
    withCost: can(auth.user.roles, "read:training-budget"),
  });
  const up = upFrom(departments, allowed, scope.focus);
  const upTo = up ? `?year=${year}${up.departmentId ? `&departmentId=${up.departmentId}` : ""}` : null;
  const years = Array.from({ length: 6 }, (_, i) => today.year + 1 - i);
  if (!years.includes(year)) years.push(year);
  return {
    year,
    years,
    departmentId: scope.focus?.id ?? null,
    scopeName,
    upTo,
    teams: Boolean(scope.focus),
    figures,
    charts: dashboardCharts(figures, t, locale, { name: scopeName, teams: Boolean(scope.focus) }),
  };
}

export default function DashboardRoute() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="page-title">
            {t("dashboard.title")} · {data.scopeName} · {data.year}
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500 print:hidden">{t("dashboard.intro")}</p>
          {data.upTo ? (
            <Link to={data.upTo} className="btn-link mt-1 inline-block text-sm print:hidden">
              ← {t("dashboard.up")}
            </Link>
          ) : null}
        </div>
        <Form method="get" className="flex items-end gap-2 print:hidden">
          {data.departmentId ? <input type="hidden" name="departmentId" value={data.departmentId} /> : null}
          <div>
            <label className="label" htmlFor="year">
              {t("dashboard.year")}
            </label>
            <select id="year" name="year" defaultValue={data.year} className="input w-28">
              {data.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t("dashboard.show")}
          </button>
        </Form>
      </div>
      <DashboardPage data={data} />
    </div>
  );
}
