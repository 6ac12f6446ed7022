import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CertificationBadge } from "~/components/quiz/certification-badge";
import { useFormat } from "~/components/use-format";
import type { DashboardFigures } from "~/domain/dashboard/dashboard.server";

import { orDash } from "./chart-card";

/** Departments (or a department's teams): each row drills down to its own dashboard. */
export function DepartmentTable({
  rows,
  year,
  teams,
}: {
  rows: DashboardFigures["rows"];
  year: number;
  teams: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card dash-card overflow-x-auto" aria-labelledby="dash-rows-title">
      <h2 id="dash-rows-title" className="px-4 pt-4 font-semibold">
        {t(teams ? "dashboard.table.teamsTitle" : "dashboard.table.title")}
      </h2>
      <table className="table mt-2" data-testid="dashboard-rows">
        <thead>
          <tr>
            <th>{t("dashboard.table.department")}</th>
            <th className="!text-right">{t("dashboard.hours.headcount")}</th>
            <th className="!text-right">{t("dashboard.hours.perPerson")}</th>
            <th className="!text-right">{t("dashboard.hours.coverage")}</th>
            <th className="!text-right">{t("dashboard.cert.agents")}</th>
            <th className="!text-right">{t("dashboard.table.certRate")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-row={r.id}>
              <td>
                {r.direct ? (
                  t("dashboard.direct", { name: r.name })
                ) : (
                  <Link className="text-brand-700 hover:underline" to={`?year=${year}&departmentId=${r.id}`}>
                    {r.name}
                  </Link>
                )}
              </td>
              <td className="text-right tabular-nums">{r.hours.headcount}</td>
              <td className="text-right tabular-nums">{orDash(r.hours.hoursPerPerson)}</td>
              <td className="text-right tabular-nums">{orDash(r.hours.coverage, "%")}</td>
              <td className="text-right tabular-nums">{r.certification.agents}</td>
              <td className="text-right tabular-nums">{orDash(r.certification.rate, "%")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The people of the department in focus, each linking to their training file. */
export function PeopleTable({ people }: { people: DashboardFigures["people"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card dash-card overflow-x-auto" aria-labelledby="dash-people-title">
      <h2 id="dash-people-title" className="px-4 pt-4 font-semibold">
        {t("dashboard.table.peopleTitle", { count: people.length })}
      </h2>
      <table className="table mt-2" data-testid="dashboard-people">
        <thead>
          <tr>
            <th>{t("dashboard.table.employeeNo")}</th>
            <th>{t("dashboard.table.name")}</th>
            <th>{t("dashboard.table.team")}</th>
            <th className="!text-right">{t("dashboard.table.hours")}</th>
            <th className="!text-right">{t("dashboard.table.courses")}</th>
            <th>{t("dashboard.table.certification")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {people.map((p) => (
            <tr key={p.id} data-employee={p.employeeNo}>
              <td className="font-mono text-xs">{p.employeeNo}</td>
              <td>
                <Link
                  className="text-brand-700 hover:underline"
                  to={`/training-files/${p.id}`}
                  aria-label={`${t("dashboard.table.openFile")}: ${p.name}`}
                >
                  {p.name}
                </Link>
              </td>
              <td className="text-xs text-slate-500">{p.team}</td>
              <td className="text-right tabular-nums">{p.hours}</td>
              <td className="text-right tabular-nums">{p.courses}</td>
              <td>
                {p.certification ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <CertificationBadge status={p.certification.status} />
                    {p.certification.validUntil && p.certification.expiring ? (
                      <span className="text-xs text-amber-700">
                        {t("certification.until", { date: format.date(p.certification.validUntil) })}
                      </span>
                    ) : null}
                  </span>
                ) : (
                  <span className="text-slate-300">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
