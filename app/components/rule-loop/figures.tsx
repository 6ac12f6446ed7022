import { useTranslation } from "react-i18next";

/** A miss rate as "12%（3/25）", or a dash when nothing was answered. */
export function MissRate({ rate, wrong, answered }: { rate: number | null; wrong?: number; answered: number }) {
  const { t } = useTranslation();
  if (rate === null) return <span className="text-slate-400">{t("ruleLoop.noAnswers")}</span>;
  return (
    <span className="tabular-nums">
      {t("ruleLoop.percent", { value: Math.round(rate * 100) })}
      {wrong !== undefined ? (
        <span className="ml-1 text-xs text-slate-500">{t("ruleLoop.ofAnswered", { wrong, answered })}</span>
      ) : null}
    </span>
  );
}

export function RedLine() {
  const { t } = useTranslation();
  return <span className="badge bg-red-600 text-white">{t("quiz.redLine")}</span>;
}

export function Enforced({ enforced }: { enforced: boolean }) {
  const { t } = useTranslation();
  return enforced ? (
    <span className="badge bg-emerald-100 text-emerald-800">{t("ruleLoop.enforced")}</span>
  ) : (
    <span className="badge bg-slate-100 text-slate-600">{t("ruleLoop.notEnforced")}</span>
  );
}
