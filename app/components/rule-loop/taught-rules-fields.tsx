import { useTranslation } from "react-i18next";

import type { CourseRuleChoices } from "~/domain/rule-loop/course-rule-choices.server";
import { useLocalized } from "~/utils/localized";
import { translateMessage, type FieldErrors, type FormValues } from "~/utils/validation";

const GROUPS = ["B", "OPS", "REC"] as const;

/** The course form's rules taught (grouped checkboxes) and closing quiz; plain inputs, so they post without JS. */
export function TaughtRulesFields({
  choices,
  defaults,
  errors,
}: {
  choices: CourseRuleChoices;
  defaults: FormValues;
  errors?: FieldErrors | null;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const chosen = new Set([defaults.ruleIds ?? []].flat());
  const quizId = typeof defaults.quizId === "string" ? defaults.quizId : "";
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4" aria-describedby="ruleIds-hint">
      <legend className="px-1 text-sm font-semibold">{t("ruleLoop.course.rulesTaught")}</legend>
      <p id="ruleIds-hint" className="text-xs text-slate-500">
        {t("ruleLoop.course.rulesHint")}
      </p>
      {GROUPS.map((group) => (
        <fieldset key={group}>
          <legend className="mb-1 text-xs font-medium text-slate-600">{t(`quiz.rules.groups.${group}`)}</legend>
          <div className="grid gap-x-3 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {choices.rules
              .filter((r) => r.group === group)
              .map((r) => (
                <label key={r.id} className="flex min-w-0 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="ruleIds"
                    value={r.id}
                    defaultChecked={chosen.has(r.id)}
                    className="h-4 w-4"
                  />
                  <span className="font-mono text-xs font-semibold">{r.id}</span>
                  <span className="truncate" title={localized(r.titleZh, r.titleEn)}>
                    {localized(r.titleZh, r.titleEn)}
                  </span>
                  {r.redLine ? <span className="sr-only">{t("quiz.redLine")}</span> : null}
                </label>
              ))}
          </div>
        </fieldset>
      ))}
      {errors?.ruleIds ? (
        <p role="alert" className="text-xs text-red-600">
          {translateMessage(t, errors.ruleIds)}
        </p>
      ) : null}
      <div>
        <label className="label" htmlFor="quizId">
          {t("ruleLoop.course.quiz")}
        </label>
        <select id="quizId" name="quizId" defaultValue={quizId} className="input sm:max-w-md">
          <option value="">{t("ruleLoop.course.noQuiz")}</option>
          {choices.quizzes.map((q) => (
            <option key={q.id} value={q.id}>
              {localized(q.title, q.titleEn)}
            </option>
          ))}
        </select>
        <p
          className={`mt-1 min-h-4 text-xs ${errors?.quizId ? "text-red-600" : "text-slate-500"}`}
          role={errors?.quizId ? "alert" : undefined}
        >
          {errors?.quizId ? translateMessage(t, errors.quizId) : t("ruleLoop.course.quizHint")}
        </p>
      </div>
    </fieldset>
  );
}
