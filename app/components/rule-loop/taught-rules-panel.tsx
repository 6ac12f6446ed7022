import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useLocalized } from "~/utils/localized";

type Rule = { id: string; titleZh: string; titleEn: string; redLine: boolean };

/** The course page's rules taught, each linking to what the rule loop knows about it. */
export function TaughtRulesPanel({ rules, quiz }: { rules: Rule[]; quiz: { title: string; titleEn: string } | null }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <section className="card p-4" aria-labelledby="taught-rules">
      <h2 id="taught-rules" className="font-semibold">
        {t("ruleLoop.course.rulesTaught")}
      </h2>
      {rules.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("ruleLoop.course.noRules")}</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2">
          {rules.map((r) => (
            <li key={r.id}>
              <Link
                to={`/rule-loop/${r.id}`}
                className={`badge gap-1 ${r.redLine ? "bg-red-50 text-red-800" : "bg-slate-100 text-slate-700"}`}
                title={localized(r.titleZh, r.titleEn)}
              >
                <span className="font-mono font-semibold">{r.id}</span>
                <span className="max-w-[14rem] truncate">{localized(r.titleZh, r.titleEn)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-slate-600">
        {t("ruleLoop.course.quiz")}
        {t("training.colon")}
        {quiz ? localized(quiz.title, quiz.titleEn) : t("ruleLoop.course.noQuiz")}
      </p>
    </section>
  );
}
