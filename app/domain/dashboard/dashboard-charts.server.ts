// The dashboard's charts as SVG, in the viewer's language, from figures already computed.
import type { TFunction } from "i18next";

import { CATEGORIES } from "~/domain/plan/fields";
import { barChart, lineChart, stackedBarChart } from "~/utils/charts.server";
import { pickLocalized } from "~/utils/localized";

import type { DashboardFigures } from "./dashboard.server";
import { SCORES } from "./satisfaction-rules";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function dashboardCharts(
  f: DashboardFigures,
  t: TFunction,
  language: string,
  scope: { name: string; teams: boolean },
) {
  const months = MONTHS.map((m) => t(`training.monthShort.${m}`));
  const rowNames = f.rows.length
    ? f.rows.map((r) => (r.direct ? t("dashboard.direct", { name: r.name }) : r.name))
    : [];
  const ruleLabel = (r: { ruleId: string; titleZh: string; titleEn: string | null }) =>
    `${r.ruleId} ${pickLocalized(language, r.titleZh, r.titleEn)}`;
  const used = CATEGORIES.filter((c) => f.hours.byMonth.some((m) => m.byCategory[c] > 0));
  const certRows = f.rows.length ? f.rows.map((r) => r.certification) : [f.certification];
  return {
    hoursByMonth: stackedBarChart({
      title: t("dashboard.charts.hoursByMonth"),
      categories: months,
      unit: t("dashboard.units.hours"),
      series: (used.length ? used : CATEGORIES.slice(0, 1)).map((c) => ({
        name: t(`training.categories.${c}`),
        values: f.hours.byMonth.map((m) => m.byCategory[c]),
      })),
    }),
    hoursByRow: f.rows.length
      ? barChart({
          title: t(scope.teams ? "dashboard.charts.hoursByTeam" : "dashboard.charts.hoursByRow"),
          categories: rowNames,
          unit: t("dashboard.units.hours"),
          series: [{ name: t("dashboard.hours.perPerson"), values: f.rows.map((r) => r.hours.hoursPerPerson ?? 0) }],
        })
      : null,
    coverage: barChart({
      title: t("dashboard.charts.coverage"),
      categories: months,
      unit: t("dashboard.units.sessions"),
      series: [
        { name: t("dashboard.coverage.planned"), values: f.coverage.byMonth.map((m) => m.planned) },
        { name: t("dashboard.coverage.held"), values: f.coverage.byMonth.map((m) => m.held) },
      ],
    }),
    cost: f.cost
      ? lineChart({
          title: t("dashboard.charts.cost"),
          categories: months,
          unit: t("dashboard.units.yuan"),
          series: [
            { name: t("dashboard.cost.budget"), values: f.cost.byMonth.map((m) => m.budgetFen / 100) },
            { name: t("dashboard.cost.cost"), values: f.cost.byMonth.map((m) => m.costFen / 100) },
          ],
        })
      : null,
    certification: stackedBarChart({
      title: t("dashboard.charts.certification"),
      categories: f.rows.length ? rowNames : [scope.name],
      unit: t("dashboard.units.people"),
      series: [
        { name: t("dashboard.cert.clearedOnly"), values: certRows.map((c) => c.cleared - c.expiring) },
        { name: t("dashboard.cert.expiring"), values: certRows.map((c) => c.expiring) },
        { name: t("dashboard.cert.lapsed"), values: certRows.map((c) => c.lapsed) },
        { name: t("dashboard.cert.never"), values: certRows.map((c) => c.never) },
      ],
    }),
    satisfaction: lineChart({
      title: t("dashboard.charts.satisfaction"),
      categories: months,
      max: 5,
      series: SCORES.map((k) => ({
        name: t(`dashboard.satisfaction.${k}`),
        values: f.satisfaction.byMonth.map((m) => m[k]),
      })),
    }),
    mostMissed: f.mostMissed.length
      ? barChart({
          title: t("dashboard.charts.mostMissed"),
          categories: f.mostMissed.map(ruleLabel),
          horizontal: true,
          height: 260,
          series: [{ name: t("dashboard.rules.misses"), values: f.mostMissed.map((r) => r.count) }],
        })
      : null,
    mostBreached: f.mostBreached.length
      ? barChart({
          title: t("dashboard.charts.mostBreached"),
          categories: f.mostBreached.map(ruleLabel),
          horizontal: true,
          height: 260,
          series: [{ name: t("dashboard.rules.breaches"), values: f.mostBreached.map((r) => r.count) }],
        })
      : null,
  };
}

export type DashboardCharts = ReturnType<typeof dashboardCharts>;
