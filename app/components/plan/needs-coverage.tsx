import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatMonths } from "~/components/training/format";

type Need = {
  id: string;
  topic: string;
  department: string;
  category: string;
  headcount: number;
  months: number[];
  priority: string;
};

/** The submitted needs no plan item answers yet; the manager can start an item from one. */
export function NeedsCoverage({
  uncovered,
  total,
  surveyId,
  canAdd,
}: {
  uncovered: Need[];
  total: number;
  surveyId: string | null;
  canAdd: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card p-4 print:hidden">
      <h2 className="font-semibold">{t("plan.coverage.title", { uncovered: uncovered.length, total })}</h2>
      {!surveyId ? (
        <p className="mt-1 text-sm text-slate-500">{t("plan.coverage.noSurvey")}</p>
      ) : uncovered.length === 0 ? (
        <p className="mt-1 text-sm text-emerald-700">{t("plan.coverage.allCovered")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {uncovered.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{n.topic}</span>
                <span className="ml-2 text-xs text-slate-500">
                  {n.department} · {t(`training.categories.${n.category}`)} ·{" "}
                  {t("plan.coverage.people", { count: n.headcount })} · {formatMonths(t, n.months)}
                </span>
                {n.priority === "HIGH" ? (
                  <span className="badge ml-2 bg-red-100 text-red-700">{t("training.priority.HIGH")}</span>
                ) : null}
              </span>
              {canAdd ? (
                <Link to={`items/new?fromNeed=${n.id}`} className="btn-link">
                  {t("plan.coverage.addFrom")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
