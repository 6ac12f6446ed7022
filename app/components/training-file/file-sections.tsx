// The sections of a person's training file on screen. The paper form and the workbook use the same
// tables (fileTables); the screen adds year headings, amendment lists and links.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { CertificationBadge } from "~/components/quiz/certification-badge";
import { useFormat } from "~/components/use-format";
import type { FileTable } from "~/domain/training-file/training-file-tables";
import type { TrainingFile } from "~/domain/training-file/training-file.server";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-section={id}>
      <h2 id={`${id}-title`} className="border-b border-slate-200 px-4 py-3 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Empty({ text }: { text: string }) {
  return <p className="px-4 py-6 text-center text-sm text-slate-500">{text}</p>;
}

/** A section drawn straight from its table (quiz attempts, leave forms, make-ups). */
export function TableSection({ table }: { table: FileTable }) {
  return (
    <Section id={table.key} title={table.title}>
      {table.rows.length === 0 ? (
        <Empty text={table.empty} />
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                {table.header.map((h, i) => (
                  <th key={i} className={table.numeric.includes(i + 1) ? "text-right" : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.cells.map((c, i) => (
                    <td key={i} className={table.numeric.includes(i + 1) ? "text-right tabular-nums" : undefined}>
                      {c ?? "—"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

export function YearsSection({ years }: { years: TrainingFile["years"] }) {
  const { t } = useTranslation();
  return (
    <Section id="years" title={t("trainingFile.sections.years")}>
      {years.length === 0 ? (
        <Empty text={t("trainingFile.none.years")} />
      ) : (
        <ul className="grid gap-3 p-4 sm:grid-cols-3">
          {years.map((y) => (
            <li key={y.year} className="rounded border border-slate-200 p-3" data-year={y.year} data-hours={y.hours}>
              <p className="text-xs text-slate-500">{t("trainingFile.yearLabel", { year: y.year })}</p>
              <p className="text-xl font-semibold tabular-nums">{t("trainingFile.hours", { hours: y.hours })}</p>
              <p className="text-xs text-slate-500">
                {t("trainingFile.yearColumns.sessions")} {y.sessions} · {t("trainingFile.yearColumns.courses")}{" "}
                {y.courses}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const OUTCOME_TONE: Record<string, string> = {
  PRESENT: "bg-emerald-50 text-emerald-700",
  LATE: "bg-amber-50 text-amber-700",
  ABSENT: "bg-red-50 text-red-700",
  EXCUSED: "bg-slate-100 text-slate-600",
};

const MADE_UP = "bg-emerald-50 text-emerald-700";
const OWED = "bg-amber-50 text-amber-700";

export function RecordsSection({ file }: { file: TrainingFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const outcome = (o: string, minutes: number) =>
    t("trainingFile.outcomeMinutes", { outcome: t(`trainingFile.outcome.${o}`), minutes });
  return (
    <Section id="records" title={t("trainingFile.sections.records")}>
      {file.recordYears.length === 0 ? (
        <Empty text={t("trainingFile.none.records")} />
      ) : (
        file.recordYears.map((y) => (
          <div key={y.year}>
            <h3 className="bg-slate-50 px-4 py-1.5 text-xs font-semibold text-slate-600">
              {t("trainingFile.yearLabel", { year: y.year })} ·{" "}
              {t("trainingFile.recordCount", { count: y.records.length })}
            </h3>
            <ul className="divide-y divide-slate-100">
              {y.records.map((r) => (
                <li key={r.id} className="space-y-1 px-4 py-2.5 text-sm" data-record={r.sessionId}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="w-24 text-xs text-slate-500">{format.date(r.startsAt)}</span>
                    <span className="font-medium">{r.courseTitle}</span>
                    {r.makeUpForSessionId ? (
                      <span className="badge bg-sky-50 text-sky-700">{t("trainingFile.makeUpFor")}</span>
                    ) : null}
                    <span className="text-xs text-slate-500">
                      {t(`training.categories.${r.category}`)} · {r.lecturerName}
                    </span>
                    <span className="ml-auto flex flex-wrap items-center gap-2">
                      <span className={`badge ${OUTCOME_TONE[r.outcome]}`}>
                        {t(`trainingFile.outcome.${r.outcome}`)}
                      </span>
                      {r.makeUp !== "none" ? (
                        <span className={`badge ${r.makeUp === "madeUp" ? MADE_UP : OWED}`}>
                          {t(`trainingFile.makeUp.${r.makeUp}`)}
                        </span>
                      ) : null}
                      {r.quizScorePercent !== null ? (
                        <span className="text-xs text-slate-600">
                          {t(r.quizPassed ? "trainingFile.quizPassed" : "trainingFile.quizFailed", {
                            score: r.quizScorePercent,
                          })}
                        </span>
                      ) : null}
                      <span className="w-16 text-right font-medium tabular-nums">
                        {t("trainingFile.hours", { hours: r.hours })}
                      </span>
                    </span>
                  </div>
                  {r.amendments.length ? (
                    <div className="ml-0 rounded bg-amber-50/60 px-3 py-1.5 text-xs text-slate-700 sm:ml-24">
                      <p className="font-semibold">{t("trainingFile.amendments")}</p>
                      <ul>
                        {r.amendments.map((a) => (
                          <li key={a.id}>
                            {t("trainingFile.amendment", {
                              at: format.dateTime(a.at),
                              name: a.byName,
                              from: outcome(a.fromOutcome, a.fromMinutes),
                              to: outcome(a.toOutcome, a.toMinutes),
                              reason: a.reason,
                            })}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </Section>
  );
}

export function CertificationSection({ cert }: { cert: TrainingFile["certification"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="certification" title={t("trainingFile.sections.certification")}>
      <dl className="grid gap-3 p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">{t("trainingFile.cert.status")}</dt>
          <dd>
            <CertificationBadge status={cert.status} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("trainingFile.cert.certifiedAt")}</dt>
          <dd>{cert.certifiedAt ? format.date(cert.certifiedAt) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("trainingFile.cert.validUntil")}</dt>
          <dd>{cert.validUntil ? format.date(cert.validUntil) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("trainingFile.cert.staleRules")}</dt>
          <dd>{cert.staleRuleIds.join(t("training.listSeparator")) || "—"}</dd>
        </div>
      </dl>
    </Section>
  );
}

export function AssessmentsSection({ assessments }: { assessments: TrainingFile["assessments"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="assessments" title={t("trainingFile.sections.assessments")}>
      {assessments.length === 0 ? (
        <Empty text={t("trainingFile.none.assessments")} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {assessments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm">
              <span className="w-24 text-xs text-slate-500">{format.date(a.assessedAt)}</span>
              <span className="font-medium">{t(`trainingFile.result.${a.result}`)}</span>
              <span className="text-xs text-slate-500">
                {a.courseTitle ? `${a.courseTitle} · ` : ""}
                {t("trainingFile.assessmentColumns.scores")}
                {t("training.colon")}
                {a.scores.join(" / ")} · {a.assessorName}
              </span>
              <span className="ml-auto flex items-center gap-2">
                <span
                  className={`badge ${a.signedOff ? "bg-emerald-50 text-emerald-700" : "bg-amber-50 text-amber-700"}`}
                >
                  {t(a.signedOff ? "trainingFile.signedOff" : "trainingFile.notSignedOff")}
                </span>
                <Link to={`/assessments/${a.id}`} className="btn-link text-xs">
                  {t("trainingFile.openAssessment")}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
