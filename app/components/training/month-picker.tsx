import { useTranslation } from "react-i18next";

import type { ChoiceProps } from "~/components/form";
import { MONTHS } from "~/domain/plan/fields";
import { translateMessage } from "~/utils/validation";

/** Twelve checkboxes for the months of the year; works with and without JavaScript. */
export function MonthPicker({
  name = "months",
  year,
  choice,
  error,
}: {
  name?: string;
  year: number;
  choice: ChoiceProps;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="label">{t("training.fields.months", { year })}</legend>
      <div className="grid grid-cols-6 gap-1.5 sm:grid-cols-12">
        {MONTHS.map((m) => (
          <label
            key={m}
            className={[
              "flex",
              "cursor-pointer",
              "flex-col",
              "items-center",
              "rounded-md",
              "border",
              "border-slate-200",
              "py-1.5",
              "text-xs",
              "has-[:checked]:border-brand-500",
              "has-[:checked]:bg-brand-50",
              "has-[:checked]:text-brand-700",
            ].join(" ")}
          >
            <input type="checkbox" className="mb-1" {...choice(name, String(m))} />
            {t(`training.monthShort.${m}`)}
          </label>
        ))}
      </div>
      {/* The message's line is kept even when empty, so the needs list below does not move under a click. */}
      <p
        id={error ? `${name}-error` : undefined}
        role={error ? "alert" : undefined}
        className="mt-1 min-h-4 text-xs text-red-600"
      >
        {error ? translateMessage(t, error) : ""}
      </p>
    </fieldset>
  );
}
