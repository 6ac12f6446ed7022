import { useTranslation } from "react-i18next";

import { formatYuan } from "~/components/training/format";

type Line = {
  year: number;
  amountFen: number | null;
  capFen: number | null;
  usedFen: number;
  remainingFen: number | null;
  amountOverCap: boolean;
};

/** "本年预算 … 已计划 … 剩余 …": the year's budget (and the general manager's cap) against what `used` counts. */
export function YearBudgetLine({ line, used }: { line: Line; used: "plans" | "courses" }) {
  const { t } = useTranslation();
  const over = line.remainingFen !== null && line.remainingFen < 0;
  const parts = [
    line.amountFen === null
      ? t("budget.line.noAmount", { year: line.year })
      : t("budget.line.amount", { year: line.year, amount: formatYuan(line.amountFen) }),
    ...(line.capFen === null ? [] : [t("budget.line.cap", { amount: formatYuan(line.capFen) })]),
    t(`budget.line.used.${used}`, { amount: formatYuan(line.usedFen) }),
    ...(line.remainingFen === null
      ? []
      : [
          over
            ? t("budget.line.over", { amount: formatYuan(-line.remainingFen) })
            : t("budget.line.remaining", { amount: formatYuan(line.remainingFen) }),
        ]),
  ];
  return (
    <p
      data-testid="year-budget-line"
      className={`rounded-md border px-3 py-2 text-sm ${
        over ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-white text-slate-700"
      }`}
    >
      {parts.join(t("budget.line.separator"))}
    </p>
  );
}
