import { useTranslation } from "react-i18next";

import { SCORES, type Question } from "~/domain/evaluation/evaluation-rules";

import { useFigures } from "./result-tables";

/**
 * One question's ratings as horizontal bars, 5 at the top: plain HTML and CSS, so it shows without
 * JavaScript and prints. Each bar's length is its share of the answers.
 */
export function ScoreBars({
  question,
  counts,
  average,
}: {
  question: Question;
  counts: number[];
  average: number | null;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const total = counts.reduce((a, b) => a + b, 0);
  const headingId = `bars-${question}`;
  return (
    <section className="card space-y-3 p-4" aria-labelledby={headingId}>
      <div className="flex items-baseline justify-between gap-3">
        <h3 id={headingId} className="font-semibold">
          {t(`evaluation.questions.${question}`)}
        </h3>
        <p className="text-sm text-slate-600">{t("evaluation.detail.average", { value: figures.score(average) })}</p>
      </div>
      <ul className="space-y-1.5">
        {[...SCORES].reverse().map((score) => {
          const count = counts[score - 1] ?? 0;
          const share = total === 0 ? 0 : Math.round((count * 100) / total);
          return (
            <li key={score} className="grid grid-cols-[4.5rem_1fr_3.5rem] items-center gap-2 text-sm">
              <span className="text-slate-600">{t("evaluation.survey.points", { score })}</span>
              <span className="h-3 rounded bg-slate-100" aria-hidden="true">
                <span className="block h-3 rounded bg-brand-500" style={{ width: `${share}%` }} />
              </span>
              <span className="text-right tabular-nums" aria-label={t("evaluation.detail.bar", { score, count })}>
                {t("evaluation.detail.count", { count })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
