import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { RosterStatusBadge } from "~/components/attendance/roster-parts";
import { FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";
import type { ArchivePage } from "~/domain/archive/archive-queries.server";
import type { Outcome } from "~/domain/archive/archive-rules";
import type { FormFailure } from "~/utils/route.server";

import { AmendForm, AmendmentHistory, ClosePanel, ScansPanel } from "./archive-forms";

// Dates arrive as strings over the wire; the page only formats them.
type Jsonified<T> = T extends Date ? string | Date : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
export type ArchivePageData = Jsonified<ArchivePage>;
type Row = ArchivePageData["rows"][number];

export const OUTCOME_TONE: Record<Outcome, string> = {
  PRESENT: "bg-emerald-100 text-emerald-800",
  LATE: "bg-amber-100 text-amber-800",
  ABSENT: "bg-red-100 text-red-800",
  EXCUSED: "bg-sky-100 text-sky-800",
};

function RecordCell({ row, closed }: { row: Row; closed: boolean }) {
  const { t } = useTranslation();
  const shown = closed ? row.record : row.preview;
  if (!shown) return <span className="text-xs text-amber-700">{t("archive.page.willBeAbsent")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`badge ${OUTCOME_TONE[shown.outcome]}`}>{t(`archive.outcomes.${shown.outcome}`)}</span>
      <span className="text-xs tabular-nums text-slate-600">{t("archive.page.minutes", { count: shown.minutes })}</span>
      {row.record?.makeUpOwed ? (
        <span className="badge bg-violet-100 text-violet-800">{t("archive.page.makeUpOwed")}</span>
      ) : null}
      {row.record?.quizScorePercent != null ? (
        <span className="text-xs text-slate-600">
          {t(row.record.quizPassed ? "archive.page.quizPassed" : "archive.page.quizFailed", {
            score: row.record.quizScorePercent,
          })}
        </span>
      ) : null}
      {row.record?.amendedAt ? (
        <span className="badge bg-slate-200 text-slate-700">{t("archive.page.amended")}</span>
      ) : null}
    </span>
  );
}

function RosterTable({ page }: { page: ArchivePageData }) {
  const { t } = useTranslation();
  const closed = page.closure !== null;
  return (
    <div className="card overflow-x-auto">
      <table className="table w-full text-sm">
        <thead>
          <tr>
            <th className="hidden sm:table-cell">{t("archive.page.columns.employeeNo")}</th>
            <th>{t("archive.page.columns.name")}</th>
            <th className="hidden sm:table-cell">{t("archive.page.columns.department")}</th>
            <th>{t("archive.page.columns.attendance")}</th>
            <th>{t(closed ? "archive.page.columns.record" : "archive.page.columns.willRecord")}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.personId}>
              <td className="hidden whitespace-nowrap tabular-nums sm:table-cell">{row.employeeNo}</td>
              <td className="whitespace-nowrap">
                {row.name}
                {row.makeUpFor ? (
                  <span className="badge ml-1 bg-violet-100 text-violet-800">{t("attendance.marking.makeUp")}</span>
                ) : null}
                <span className="block text-xs text-slate-500 sm:hidden">
                  {row.employeeNo} · {row.department}
                </span>
              </td>
              <td className="hidden sm:table-cell">{row.department}</td>
              <td>
                <RosterStatusBadge status={row.status} />
              </td>
              <td>
                <RecordCell row={row} closed={closed} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SessionArchivePage({ page, failure }: { page: ArchivePageData; failure: FormFailure | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, course, closure, counts } = page;
  return (
    <div className="space-y-5">
      <div>
        <Link to="/archive" className="btn-link text-sm">
          {t("archive.page.back")}
        </Link>
        <h1 className="page-title mt-1 break-words">{course.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("archive.page.when", {
            date: session.date,
            start: session.start,
            end: session.end,
            location: session.location,
          })}
          {" · "}
          {t(`training.categories.${course.category}`)}
        </p>
      </div>
      {closure ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t("archive.page.closedBy", { name: closure.closedBy, at: format.dateTime(closure.closedAt) })}
        </p>
      ) : (
        <p className="text-sm text-slate-700">{t("archive.page.counts", { ...counts, total: page.rows.length })}</p>
      )}
      <section className="space-y-2" aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="text-base font-semibold text-slate-800">
          {t("archive.page.rosterHeading")}
        </h2>
        <RosterTable page={page} />
      </section>
      {closure ? (
        <section className="space-y-3" aria-labelledby="amend-heading">
          <h2 id="amend-heading" className="text-base font-semibold text-slate-800">
            {t("archive.amend.heading")}
          </h2>
          <AmendForm rows={page.rows} failure={failure?.intent === "amend" ? failure : null} />
          <AmendmentHistory rows={page.rows} />
        </section>
      ) : (
        <ClosePanel page={page} failure={failure?.intent === "close" ? failure : null} />
      )}
      {failure && !["amend", "close", "uploadScan"].includes(failure.intent ?? "") ? (
        <FormAlert message={failure.errors._form} />
      ) : null}
      <ScansPanel page={page} failure={failure?.intent === "uploadScan" ? failure : null} />
    </div>
  );
}
