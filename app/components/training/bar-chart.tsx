import { useTranslation } from "react-i18next";

export type Bar = { label: string; value: number; display?: string };

/**
 * Horizontal bars in plain HTML: readable by screen readers as a list, printable, no chart library.
 * The figure's label says what is measured; each bar states its value in text.
 */
export function BarChart({ title, bars, unit }: { title: string; bars: Bar[]; unit?: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="space-y-2" aria-label={title}>
      <figcaption className="text-sm font-semibold text-slate-700">{title}</figcaption>
      <ul className="space-y-1.5">
        {bars.map((bar) => (
          <li
            key={bar.label}
            className="grid grid-cols-[4.5rem_1fr_4.5rem] items-center gap-2 text-xs sm:grid-cols-[7rem_1fr_5rem]"
          >
            <span className="truncate text-slate-600" title={bar.label}>
              {bar.label}
            </span>
            <span className="h-4 rounded bg-slate-100" aria-hidden="true">
              <span className="block h-4 rounded bg-brand-500" style={{ width: `${(bar.value / max) * 100}%` }} />
            </span>
            <span className="text-right font-medium tabular-nums text-slate-700">
              {bar.display ?? bar.value}
              {unit ? ` ${unit}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {bars.every((b) => b.value === 0) ? <p className="text-xs text-slate-500">{t("training.noData")}</p> : null}
    </figure>
  );
}
