import { useTranslation } from "react-i18next";

import { formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import type { DashboardCharts } from "~/domain/dashboard/dashboard-charts.server";
import type { DashboardFigures } from "~/domain/dashboard/dashboard.server";
import { SCORES } from "~/domain/dashboard/satisfaction-rules";
import { useLocalized } from "~/utils/localized";

import { ChartCard, Figure, orDash } from "./chart-card";
import { DepartmentTable, PeopleTable } from "./drill-tables";

// A4 on paper: no navigation or header, charts kept whole, two cards never split across a page.
const PRINT_CSS = `@page { size: A4 portrait; margin: 12mm; }
@media print {
  html, body { background: #fff !important; }
  body aside, body header, body details > summary { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  .dash-card { break-inside: avoid; page-break-inside: avoid; box-shadow: none !important; }
  .dash-grid { display: block !important; }
  .dash-grid > * { margin-bottom: 4mm; }
  .dash-chart svg { max-height: 80mm; }
}`;

type Data = { year: number; figures: DashboardFigures; charts: DashboardCharts; teams: boolean };

export function DashboardPage({ data }: { data: Data }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const format = useFormat();
  const { figures: f, charts } = data;
  const month = (m: number) => t(`training.monthShort.${m}`);
  const th = (label: string, right = true) => (
    <th key={label} className={right ? "!text-right" : ""}>
      {label}
    </th>
  );
  const num = (v: string | number) => <td className="text-right tabular-nums">{v}</td>;
  return (
    <div className="space-y-5">
      {/* As raw text: React would escape the ">" of the selectors on the server and differ from the browser. */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <p className="text-xs text-slate-500">{t("dashboard.asOf", { date: format.dateTime(f.at) })}</p>
      <div className="dash-grid grid gap-5 lg:grid-cols-2">
        <ChartCard
          id="hours"
          title={t("dashboard.hours.title")}
          svg={charts.hoursByMonth}
          hint={t("dashboard.hours.coverageHint")}
          summary={
            <>
              <Figure
                testId="hoursPerPerson"
                label={t("dashboard.hours.perPerson")}
                value={orDash(f.hours.total.hoursPerPerson)}
              />
              <Figure label={t("dashboard.hours.total")} value={Math.round(f.hours.total.minutes / 6) / 10} />
              <Figure label={t("dashboard.hours.headcount")} value={f.hours.total.headcount} />
              <Figure
                testId="trainedShare"
                label={t("dashboard.hours.coverage")}
                value={orDash(f.hours.total.coverage, "%")}
              />
            </>
          }
          table={
            <table className="table">
              <thead>
                <tr>
                  {th(t("dashboard.month"), false)}
                  {Object.keys(f.hours.byMonth[0].byCategory).map((c) => th(t(`training.categories.${c}`)))}
                </tr>
              </thead>
              <tbody>
                {f.hours.byMonth.map((m) => (
                  <tr key={m.month}>
                    <td>{month(m.month)}</td>
                    {Object.entries(m.byCategory).map(([c, v]) => (
                      <td key={c} className="text-right tabular-nums">
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        {charts.hoursByRow ? (
          <ChartCard
            id="hours-by-row"
            title={t(data.teams ? "dashboard.charts.hoursByTeam" : "dashboard.charts.hoursByRow")}
            svg={charts.hoursByRow}
          />
        ) : null}
        <ChartCard
          id="coverage"
          title={`${t("dashboard.coverage.title")} · ${t("dashboard.companyWide")}`}
          svg={charts.coverage}
          hint={t("dashboard.coverage.hint")}
          summary={
            <>
              <Figure testId="planned" label={t("dashboard.coverage.planned")} value={f.coverage.planned} />
              <Figure testId="held" label={t("dashboard.coverage.held")} value={f.coverage.held} />
              <Figure testId="coverageRate" label={t("dashboard.coverage.rate")} value={orDash(f.coverage.rate, "%")} />
            </>
          }
          table={
            <table className="table">
              <thead>
                <tr>
                  {th(t("dashboard.month"), false)}
                  {th(t("dashboard.coverage.planned"))}
                  {th(t("dashboard.coverage.held"))}
                  {th(t("dashboard.coverage.rate"))}
                </tr>
              </thead>
              <tbody>
                {f.coverage.byMonth.map((m) => (
                  <tr key={m.month}>
                    <td>{month(m.month)}</td>
                    {num(m.planned)}
                    {num(m.held)}
                    {num(orDash(m.rate, "%"))}
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        {f.cost ? (
          <ChartCard
            id="cost"
            title={`${t("dashboard.cost.title")} · ${t("dashboard.companyWide")}`}
            svg={f.cost.annualTitle ? charts.cost : null}
            hint={f.cost.annualTitle ? t("dashboard.cost.hint") : t("dashboard.cost.noPlan")}
            summary={
              <>
                <Figure testId="budget" label={t("dashboard.cost.budget")} value={formatYuan(f.cost.budgetFen)} />
                <Figure testId="cost" label={t("dashboard.cost.cost")} value={formatYuan(f.cost.costFen)} />
                <Figure testId="budgetUsed" label={t("dashboard.cost.used")} value={orDash(f.cost.usedPercent, "%")} />
              </>
            }
            table={
              <table className="table">
                <thead>
                  <tr>
                    {th(t("dashboard.month"), false)}
                    {th(t("dashboard.cost.budget"))}
                    {th(t("dashboard.cost.cost"))}
                    {th(t("dashboard.cost.over"))}
                  </tr>
                </thead>
                <tbody>
                  {f.cost.byMonth.map((m) => (
                    <tr key={m.month}>
                      <td>{month(m.month)}</td>
                      {num(formatYuan(m.budgetFen))}
                      {num(formatYuan(m.costFen))}
                      {num(m.overFen ? formatYuan(m.overFen) : "—")}
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        ) : null}
        <ChartCard
          id="certification"
          title={t("dashboard.cert.title")}
          svg={charts.certification}
          hint={t("dashboard.cert.hint")}
          summary={
            <>
              <Figure testId="certRate" label={t("dashboard.cert.rate")} value={orDash(f.certification.rate, "%")} />
              <Figure label={t("dashboard.cert.agents")} value={f.certification.agents} />
              <Figure testId="expiring" label={t("dashboard.cert.expiring")} value={f.certification.expiring} />
              <Figure testId="lapsed" label={t("dashboard.cert.lapsed")} value={f.certification.lapsed} />
            </>
          }
        />
        <ChartCard
          id="satisfaction"
          title={t("dashboard.satisfaction.title")}
          svg={f.satisfaction.answers ? charts.satisfaction : null}
          hint={t("dashboard.satisfaction.responses", {
            answered: f.satisfaction.answered,
            invited: f.satisfaction.invited,
          })}
          summary={
            <>
              {SCORES.map((k) => (
                <Figure
                  key={k}
                  testId={`score-${k}`}
                  label={t(`dashboard.satisfaction.${k}`)}
                  value={orDash(f.satisfaction.overall[k])}
                />
              ))}
              <Figure
                testId="responseRate"
                label={t("dashboard.satisfaction.responseRate")}
                value={orDash(f.satisfaction.responseRate, "%")}
              />
            </>
          }
          table={
            <table className="table">
              <thead>
                <tr>
                  {th(t("dashboard.month"), false)}
                  {th(t("dashboard.satisfaction.answers"))}
                  {SCORES.map((k) => th(t(`dashboard.satisfaction.${k}`)))}
                </tr>
              </thead>
              <tbody>
                {f.satisfaction.byMonth.map((m) => (
                  <tr key={m.month}>
                    <td>{month(m.month)}</td>
                    {num(m.answers)}
                    {SCORES.map((k) => (
                      <td key={k} className="text-right tabular-nums">
                        {orDash(m[k])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        {(
          [
            ["mostMissed", "dashboard.rules.missedTitle", "dashboard.rules.misses", f.mostMissed, charts.mostMissed],
            [
              "mostBreached",
              "dashboard.rules.breachedTitle",
              "dashboard.rules.breaches",
              f.mostBreached,
              charts.mostBreached,
            ],
          ] as const
        ).map(([id, title, countLabel, rules, svg]) => (
          <ChartCard
            key={id}
            id={id}
            title={t(title)}
            svg={svg ?? undefined}
            summary={
              rules.length ? (
                <ol className="w-full space-y-1 text-sm" data-testid={id}>
                  {rules.map((r) => (
                    <li key={r.ruleId} className="flex gap-2">
                      <span className="w-12 font-mono text-xs">{r.ruleId}</span>
                      <span className="flex-1">{localized(r.titleZh, r.titleEn)}</span>
                      <span className="tabular-nums" title={t(countLabel)}>
                        {r.count}
                        {r.rate !== null ? ` · ${r.rate}%` : ""}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-slate-500">{t("dashboard.rules.none")}</p>
              )
            }
          />
        ))}
      </div>
      {data.figures.rows.length ? (
        <DepartmentTable rows={data.figures.rows} year={data.year} teams={data.teams} />
      ) : null}
      {data.figures.people.length ? <PeopleTable people={data.figures.people} /> : null}
    </div>
  );
}
