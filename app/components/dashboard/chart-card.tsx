import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// On a phone the chart keeps a readable size and scrolls sideways; on paper it fits the page.
const CHART_BOX = [
  "dash-chart w-full overflow-x-auto",
  "[&_svg]:h-auto [&_svg]:w-full max-sm:[&_svg]:min-w-[480px] print:[&_svg]:min-w-0",
].join(" ");

/**
 * A server-drawn chart with its title for screen readers, key figures beside it, and the numbers as a
 * table. The SVG comes from charts.server (our own figures through ECharts, checked for script).
 */
export function ChartCard(props: {
  id: string;
  title: string;
  /** null: no figures to draw ("no data"); undefined: the card shows no chart at all. */
  svg?: string | null;
  summary?: ReactNode;
  hint?: string;
  table?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="card dash-card min-w-0 space-y-3 p-4"
      aria-labelledby={`${props.id}-title`}
      data-chart={props.id}
    >
      <h2 id={`${props.id}-title`} className="font-semibold">
        {props.title}
      </h2>
      {props.summary ? <div className="flex flex-wrap gap-x-6 gap-y-2">{props.summary}</div> : null}
      {props.svg ? (
        <div
          role="img"
          aria-label={props.title}
          className={CHART_BOX}
          // Drawn on the server from our own figures (see above).
          dangerouslySetInnerHTML={{ __html: props.svg }}
        />
      ) : props.svg === null ? (
        <p className="text-sm text-slate-500">{t("dashboard.noData")}</p>
      ) : null}
      {props.hint ? <p className="text-xs text-slate-500">{props.hint}</p> : null}
      {props.table ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">{t("dashboard.dataTable")}</summary>
          <div className="mt-2 overflow-x-auto">{props.table}</div>
        </details>
      ) : null}
    </section>
  );
}

/** One key figure: a label over a large number. */
export function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div data-figure={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
    </div>
  );
}

/** A value or a dash when there is nothing to show (null: no one to divide by). */
export const orDash = (v: number | null | undefined, suffix = "") =>
  v === null || v === undefined ? "—" : `${v}${suffix}`;
