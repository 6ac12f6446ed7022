import { useTranslation } from "react-i18next";

import { SCORES, type Question } from "~/domain/evaluation/evaluation-rules";
import { translateMessage } from "~/utils/validation";

/**
 * One question as five big radio buttons in a row (a thumb's width each on a phone), the meaning of
 * each score under it; a real radio group, so it posts without JavaScript and reads well to a screen reader.
 */
export function ScorePicker({
  question,
  chosen,
  error,
  number,
}: {
  question: Question;
  chosen: string | undefined;
  error?: string;
  number: number;
}) {
  const { t } = useTranslation();
  const errorId = `${question}-error`;
  return (
    <fieldset className="card space-y-3 p-4" aria-describedby={error ? errorId : undefined}>
      <legend className="float-left mb-1 w-full font-medium">
        {number}. {t(`evaluation.questions.${question}`)} <span className="text-red-600">*</span>
        <span className="sr-only"> {t("evaluation.survey.required")}</span>
      </legend>
      <div className="clear-both grid grid-cols-5 gap-2">
        {SCORES.map((score) => (
          <label
            key={score}
            className={[
              "relative flex min-h-16 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border",
              "border-slate-300 px-1 py-2 text-center",
              "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-600 has-[:checked]:text-white",
              "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 has-[:focus-visible]:ring-offset-2",
            ].join(" ")}
          >
            <input
              type="radio"
              name={question}
              value={score}
              // Transparent over the whole button: a tap anywhere on it (or a test's check()) hits the radio itself.
              className="absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-lg opacity-0"
              defaultChecked={chosen === String(score)}
              aria-label={t("evaluation.scoreOption", { score, label: t(`evaluation.scale.${score}`) })}
            />
            <span className="pointer-events-none text-lg font-semibold" aria-hidden="true">
              {score}
            </span>
            <span className="pointer-events-none text-[11px] leading-tight" aria-hidden="true">
              {t(`evaluation.scale.${score}`)}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-600">
          {translateMessage(t, error)}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A rating already given, read back: the score and what it means. */
export function GivenScore({ question, score }: { question: Question; score: number }) {
  const { t } = useTranslation();
  return (
    <div className="flex items-center justify-between gap-3 py-2">
      <dt className="text-sm text-slate-600">{t(`evaluation.questions.${question}`)}</dt>
      <dd className="flex items-center gap-2">
        <span className="flex gap-0.5" aria-hidden="true">
          {SCORES.map((n) => (
            <span key={n} className={`h-2.5 w-5 rounded-sm ${n <= score ? "bg-brand-600" : "bg-slate-200"}`} />
          ))}
        </span>
        <span className="text-sm font-medium">
          {t("evaluation.scoreOption", { score, label: t(`evaluation.scale.${score}`) })}
        </span>
      </dd>
    </div>
  );
}
