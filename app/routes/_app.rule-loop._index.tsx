import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { RuleLoopFilter } from "~/components/rule-loop/rule-loop-filter";
import { RuleLoopTable } from "~/components/rule-loop/rule-loop-table";
import { ruleLoopYear } from "~/domain/rule-loop/rule-loop-page.server";
import { ruleLoopQuery } from "~/domain/rule-loop/rule-loop-params.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:rule-loop");
  const q = await ruleLoopQuery(new URL(request.url).searchParams, await departmentIdsInScope(auth));
  return {
    year: q.year,
    sort: q.sort,
    department: q.view.picked,
    departments: q.view.choices.map((d) => ({ id: d.id, name: d.name })),
    scoped: q.view.scoped,
    rows: await ruleLoopYear(q.window, q.view.people, q.sort),
  };
}

export default function RuleLoopPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const scopeName = data.scoped
    ? data.departments.map((d) => d.name).join(t("training.listSeparator"))
    : (data.departments.find((d) => d.id === data.department)?.name ?? t("ruleLoop.companyWide"));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="page-title">{t("ruleLoop.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("ruleLoop.intro", { year: data.year, scope: scopeName })}</p>
      </div>
      <RuleLoopFilter
        year={data.year}
        sort={data.sort}
        department={data.department}
        departments={data.departments}
        scoped={data.scoped}
      />
      <RuleLoopTable rows={data.rows} year={data.year} department={data.department} />
    </div>
  );
}
