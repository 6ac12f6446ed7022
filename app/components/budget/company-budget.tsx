import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { formatYuan, yuanInput } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import type { YearLine } from "~/domain/budget/training-budget-rules";
import type { FieldErrors, FormValues } from "~/utils/validation";

type Setter = { name: string; employeeNo: string; at: string | Date } | null;
type Budget = {
  year: number;
  amountFen: number | null;
  capFen: number | null;
  version: number;
  amountSet: Setter;
  capSet: Setter;
};
type Feedback = { intent: string | null; errors: FieldErrors; values: FormValues } | undefined;

/** The year's budget and cap, each with who set it, and the form of whoever may set it. */
export function CompanyBudget({
  budget,
  may,
  feedback,
}: {
  budget: Budget;
  may: { amount: boolean; cap: boolean };
  feedback: Feedback;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const busy = useNavigation().state !== "idle";
  const figure = (intent: "amount" | "cap", fen: number | null, set: Setter) => {
    const sent = feedback?.intent === intent ? feedback : undefined;
    const typed = sent?.values.amount;
    return (
      <div className="space-y-2 rounded-md border border-slate-200 p-3">
        <p className="text-sm text-slate-500">{t(`budget.company.${intent}`)}</p>
        <p className="text-xl font-semibold tabular-nums" data-testid={`budget-${intent}`}>
          {fen === null ? t("budget.company.notSet") : formatYuan(fen)}
        </p>
        {set ? (
          <p className="text-xs text-slate-500">
            {t("budget.company.setBy", { name: set.name, employeeNo: set.employeeNo, at: format.dateTime(set.at) })}
          </p>
        ) : null}
        {may[intent] ? (
          <Form method="post" className="space-y-2" aria-label={t(`budget.company.${intent}Field`)}>
            <input type="hidden" name="intent" value={intent} />
            <input type="hidden" name="year" value={budget.year} />
            <input type="hidden" name="version" value={budget.version} />
            <FormAlert message={sent?.errors._form} />
            <div className="flex flex-wrap items-start gap-2">
              <div className="min-w-0 flex-1">
                <Field label={t(`budget.company.${intent}Field`)} name={`${intent}-amount`} error={sent?.errors.amount}>
                  <input
                    id={`${intent}-amount`}
                    name="amount"
                    inputMode="decimal"
                    className="input w-full"
                    defaultValue={typeof typed === "string" ? typed : fen === null ? "" : yuanInput(fen)}
                  />
                </Field>
              </div>
              <button type="submit" className="btn-primary mt-6" disabled={busy}>
                {t("budget.company.save")}
              </button>
            </div>
          </Form>
        ) : null}
      </div>
    );
  };
  return (
    <section className="card space-y-3 p-4" aria-label={t("budget.company.title")}>
      <div>
        <h2 className="font-semibold">{t("budget.company.title")}</h2>
        <p className="mt-1 text-sm text-slate-500">{t("budget.company.intro")}</p>
      </div>
      {budget.amountFen !== null && budget.capFen !== null && budget.amountFen > budget.capFen ? (
        <FormAlert
          message={`budget.company.amountOverCap::${JSON.stringify({
            amount: formatYuan(budget.amountFen),
            cap: formatYuan(budget.capFen),
          })}`}
        />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {figure("amount", budget.amountFen, budget.amountSet)}
        {figure("cap", budget.capFen, budget.capSet)}
      </div>
    </section>
  );
}

/** The annual plan, the monthly plans and the courses against the year's budget and cap. */
export function AgainstBudget({ against }: { against: Record<"annual" | "monthly" | "courses", YearLine> }) {
  const { t } = useTranslation();
  return (
    <section className="card overflow-x-auto">
      <h2 className="px-4 pt-4 font-semibold">{t("budget.company.against")}</h2>
      <table className="table mt-2">
        <thead>
          <tr>
            <th>{t("budget.company.cols.what")}</th>
            <th className="!text-right">{t("budget.company.cols.used")}</th>
            <th className="!text-right">{t("budget.company.cols.remaining")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {(["annual", "monthly", "courses"] as const).map((k) => {
            const line = against[k];
            const over = line.remainingFen !== null && line.remainingFen < 0;
            return (
              <tr key={k}>
                <td className="whitespace-normal">{t(`budget.company.rows.${k}`)}</td>
                <td className="text-right tabular-nums">{formatYuan(line.usedFen)}</td>
                <td className={`text-right tabular-nums ${over ? "font-semibold text-red-700" : ""}`}>
                  {line.remainingFen === null
                    ? t("budget.company.noLimit")
                    : over
                      ? t("budget.over", { amount: formatYuan(-line.remainingFen) })
                      : formatYuan(line.remainingFen)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
