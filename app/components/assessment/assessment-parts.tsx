import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import type { FormStanding } from "~/domain/assessment/assessment-rules";
import { SCORE_FIELDS } from "~/domain/assessment/assessment.schema";

const RESULT_STYLE: Record<string, string> = {
  PASS: "bg-emerald-100 text-emerald-800",
  EXTEND: "bg-amber-100 text-amber-800",
  FAIL: "bg-red-100 text-red-800",
};
const STANDING_STYLE: Record<FormStanding, string> = {
  waiting: "bg-amber-50 text-amber-700",
  returned: "bg-red-50 text-red-700",
  signedOff: "bg-emerald-50 text-emerald-700",
};

export function ResultBadge({ result }: { result: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${RESULT_STYLE[result] ?? ""}`}>{t(`assessment.results.${result}`)}</span>;
}

export function StandingBadge({ standing }: { standing: FormStanding }) {
  const { t } = useTranslation();
  return <span className={`badge ${STANDING_STYLE[standing]}`}>{t(`assessment.standing.${standing}`)}</span>;
}

/** The four items and their scores, as the paper form lists them. */
export function ScoreTable({ scores }: { scores: Record<(typeof SCORE_FIELDS)[number], number> }) {
  const { t } = useTranslation();
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-500">
          <th className="py-1.5 font-medium">{t("assessment.item")}</th>
          <th className="py-1.5 text-right font-medium">{t("assessment.score")}</th>
        </tr>
      </thead>
      <tbody>
        {SCORE_FIELDS.map((f) => (
          <tr key={f} className="border-b border-slate-100">
            <td className="py-1.5">{t(`assessment.fields.${f}`)}</td>
            <td className="py-1.5 text-right tabular-nums font-medium" data-score={f}>
              {scores[f]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type ListItem = {
  id: string;
  result: string;
  assessedAt: string | Date;
  person: { name: string; employeeNo: string; department: string };
  courseTitle: string | null;
  assessorName: string;
  standing: FormStanding;
};

/** Forms as a list: who, result, where it stands, who assessed and when. */
export function AssessmentList({ items, empty }: { items: ListItem[]; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <p className="card p-6 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="card divide-y divide-slate-100">
      {items.map((a) => (
        // On a phone each form reads top to bottom (who, where from, who assessed, the result), the name on a line
        // of its own; from sm up the assessor and the result sit on the right of the row.
        <li key={a.id} className="px-4 py-3 text-sm sm:flex sm:items-center sm:gap-3" data-assessment={a.id}>
          <Link to={`/assessments/${a.id}`} className="block min-w-0 hover:underline sm:flex-1" data-part="who">
            <span className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium text-brand-700">{a.person.name}</span>
              <span className="font-mono text-xs text-slate-500">{a.person.employeeNo}</span>
            </span>
            <span className="block break-words text-xs text-slate-500">
              {a.person.department}
              {a.courseTitle ? ` · ${a.courseTitle}` : ""}
            </span>
          </Link>
          <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 sm:mt-0 sm:shrink-0 sm:justify-end">
            <span className="text-xs text-slate-500">
              {t("assessment.assessedBy", { name: a.assessorName, date: format.date(a.assessedAt) })}
            </span>
            <span className="flex items-center gap-2">
              <ResultBadge result={a.result} />
              <StandingBadge standing={a.standing} />
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A new hire's case-work clearance in one line: cleared, or the reasons not. */
export function ClearanceLine({ clearance }: { clearance: { cleared: boolean; reasons: string[] } | null }) {
  const { t } = useTranslation();
  if (!clearance) return null;
  const reasons = clearance.reasons.filter((r) => r !== "passed");
  return (
    <p
      className={`text-sm ${clearance.cleared ? "text-emerald-700" : "text-red-700"}`}
      data-cleared={clearance.cleared}
    >
      {clearance.cleared
        ? t("assessment.clearance.cleared")
        : t("assessment.clearance.notCleared", {
            reasons: reasons
              .map((r) => t(`assessment.clearance.reasons.${r}`, { defaultValue: r }))
              .join(t("assessment.clearance.reasonSeparator")),
          })}
    </p>
  );
}
