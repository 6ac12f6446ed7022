import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { BarChart } from "~/components/training/bar-chart";
import { formatYuan } from "~/components/training/format";
import { getSurvey, submittedNeeds, summarizeNeeds } from "~/domain/needs/needs-queries.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId } = getParams(params, z.object({ surveyId: Id }));
  const auth = await requirePermission(request, "read:needs-survey");
  const survey = await getSurvey(surveyId);
  invariantResponse(survey, "Not found", { status: 404 });
  const needs = await submittedNeeds(survey.id, await departmentIdsInScope(auth));
  const summary = summarizeNeeds(needs);
  const problems = needs
    .filter((n) => n.problemArea)
    .map((n) => ({ id: n.id, department: n.form.department.name, topic: n.topic, problemArea: n.problemArea! }));
  return { survey: { id: survey.id, year: survey.year }, summary, problems };
}

export default function SummaryPage() {
  const { t } = useTranslation();
  const { survey, summary, problems } = useLoaderData<typeof loader>();
  // Cost is not split across months (a need wanted in March and September costs once), so the month table leaves it
  // out.
  const rows = (
    title: string,
    list: typeof summary.byCategory,
    label: (key: string, text: string) => string,
    withCost = true,
  ) => (
    <section className="card overflow-x-auto">
      <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">{title}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t("needs.summary.group")}</th>
            <th className="!text-right">{t("needs.summary.needs")}</th>
            <th className="!text-right">{t("needs.summary.headcount")}</th>
            {withCost ? <th className="!text-right">{t("needs.summary.cost")}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.map((r) => (
            <tr key={r.key}>
              <td>{label(r.key, r.label)}</td>
              <td className="text-right tabular-nums">{r.needs}</td>
              <td className="text-right tabular-nums">{r.headcount}</td>
              {withCost ? <td className="text-right tabular-nums">{formatYuan(r.costFen)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  return (
    <div className="space-y-5">
      <Link to={`/needs/${survey.id}`} className="btn-link">
        ← {t("needs.surveyTitle", { year: survey.year })}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="page-title">{t("needs.summary.title")}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {t("needs.summary.intro", {
              needs: summary.total.needs,
              headcount: summary.total.headcount,
              cost: formatYuan(summary.total.costFen),
            })}
          </p>
        </div>
        <a href={`/needs/${survey.id}/export`} className="btn-secondary">
          {t("needs.export")}
        </a>
      </div>
      <section className="grid gap-5 lg:grid-cols-2">
        <div className="card p-5">
          <BarChart
            title={t("needs.summary.chartByMonth")}
            bars={summary.byMonth.map((m) => ({ label: t(`training.monthShort.${m.key}`), value: m.headcount }))}
            unit={t("needs.summary.people")}
          />
          <p className="mt-2 text-xs text-slate-500">{t("needs.summary.monthShareNote")}</p>
        </div>
        <div className="card p-5">
          <BarChart
            title={t("needs.summary.chartByCategory")}
            bars={summary.byCategory.map((c) => ({ label: t(`training.categories.${c.key}`), value: c.headcount }))}
            unit={t("needs.summary.people")}
          />
        </div>
      </section>
      {rows(t("needs.summary.byCategory"), summary.byCategory, (key) => t(`training.categories.${key}`))}
      {rows(t("needs.summary.byDepartment"), summary.byDepartment, (_, label) => label)}
      {rows(t("needs.summary.byMonth"), summary.byMonth, (key) => t(`training.monthShort.${key}`), false)}
      {problems.length > 0 ? (
        <section className="card p-5">
          <h2 className="mb-2 font-semibold">{t("needs.summary.problems")}</h2>
          <ul className="space-y-1.5 text-sm">
            {problems.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.department}</span> · {p.topic}
                {t("training.colon")}
                <span className="text-slate-600">{p.problemArea}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
