import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CertificationBadge } from "~/components/quiz/certification-badge";
import { useFormat } from "~/components/use-format";

type Gate = { status: string; date: string | null; rules: string; assessment?: string | null };

/**
 * What an agent without a valid certification sees instead of a case (`caseNo`) or instead of their
 * case list: why, and the way to the quiz.
 */
export function GateRefusal({ caseNo, gate }: { caseNo?: string; gate: Gate }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The quiz first; once it is passed, a new hire waits for their pre-job assessment (no quiz to take).
  const reason =
    gate.status === "expired" || gate.status === "lapsed" || gate.status === "never"
      ? gate.status
      : gate.status === "assessmentDue" && gate.assessment
        ? gate.assessment
        : "inactive";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      {caseNo ? (
        <Link to="/cases" className="btn-link">
          ← {t("cases.myTitle")}
        </Link>
      ) : null}
      <section className="card space-y-4 border-red-200 p-5" role="alert" data-gate={reason}>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="flex-1 text-lg font-semibold text-red-800">{t("cases.gate.title")}</h1>
          <CertificationBadge status={gate.status} />
        </div>
        {caseNo ? <p className="font-mono text-xs text-slate-500">{caseNo}</p> : null}
        <p className="text-sm text-slate-700">
          {t(`cases.gate.${reason}`, { date: format.date(gate.date), rules: gate.rules })}
        </p>
        {caseNo ? null : <p className="text-sm text-slate-700">{t("cases.gate.listHidden")}</p>}
        {gate.status === "assessmentDue" ? null : (
          <Link to="/quiz" className="btn-primary w-full py-3 text-base sm:w-auto">
            {t("cases.gate.toQuiz")}
          </Link>
        )}
      </section>
    </div>
  );
}
