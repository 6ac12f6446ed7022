// The file as tables, for the paper form and the workbook alike, so both carry the same sections in
// the same order. Pure: the translator and the date formatters come from the caller (browser or server).
import type { TFunction } from "i18next";

import { pickLocalized } from "~/utils/localized";

import type { TrainingFile } from "./training-file.server";

export type FileCell = string | number | null;
/** A row; `note` is a full-width line under it (a record's amendments). */
export type FileRow = { cells: FileCell[]; note?: string };
export type FileTable = {
  key: string;
  title: string;
  header: string[];
  rows: FileRow[];
  empty: string;
  numeric: number[];
};

/** Dates in the company zone, and the reader's language (for names stored in both). */
export type Formatters = {
  date: (v: Date | string | null) => string;
  dateTime: (v: Date | string | null) => string;
  language: string;
};

const SEP = " / ";

export function fileParticulars(t: TFunction, file: TrainingFile): Array<[string, string]> {
  const p = file.person;
  return [
    [t("trainingFile.columns.name"), p.name],
    [t("trainingFile.fields.employeeNo"), p.employeeNo],
    [t("trainingFile.fields.department"), p.department],
    [t("trainingFile.fields.post"), p.post],
    [t("trainingFile.fields.hireDate"), p.hireDate ?? "—"],
    [t("trainingFile.fields.status"), t(`people.status.${p.status}`)],
    [t("trainingFile.fields.phone"), p.phone || "—"],
    [t("trainingFile.cert.status"), t(`certification.status.${file.certification.status}`)],
  ];
}

export function fileTables(t: TFunction, file: TrainingFile, f: Formatters): FileTable[] {
  const outcome = (o: string, minutes: number) =>
    t("trainingFile.outcomeMinutes", { outcome: t(`trainingFile.outcome.${o}`), minutes });
  const c = file.certification;
  return [
    {
      key: "years",
      title: t("trainingFile.sections.years"),
      header: (["year", "hours", "sessions", "courses"] as const).map((k) => t(`trainingFile.yearColumns.${k}`)),
      rows: file.years.map((y) => ({ cells: [y.year, y.hours, y.sessions, y.courses] })),
      empty: t("trainingFile.none.years"),
      numeric: [1, 2, 3, 4],
    },
    {
      key: "records",
      title: t("trainingFile.sections.records"),
      header: (["date", "course", "category", "hours", "lecturer", "outcome", "makeUp", "quiz"] as const).map((k) =>
        t(`trainingFile.recordColumns.${k}`),
      ),
      rows: file.recordYears.flatMap((y) =>
        y.records.map((r) => ({
          cells: [
            f.date(r.startsAt),
            r.makeUpForSessionId ? `${r.courseTitle}（${t("trainingFile.makeUpFor")}）` : r.courseTitle,
            t(`training.categories.${r.category}`),
            r.hours,
            r.lecturerName,
            t(`trainingFile.outcome.${r.outcome}`),
            t(`trainingFile.makeUp.${r.makeUp}`),
            r.quizScorePercent === null
              ? "—"
              : t(r.quizPassed ? "trainingFile.quizPassed" : "trainingFile.quizFailed", { score: r.quizScorePercent }),
          ],
          note: r.amendments.length
            ? `${t("trainingFile.amendments")}${t("training.colon")}${r.amendments
                .map((a) =>
                  t("trainingFile.amendment", {
                    at: f.dateTime(a.at),
                    name: a.byName,
                    from: outcome(a.fromOutcome, a.fromMinutes),
                    to: outcome(a.toOutcome, a.toMinutes),
                    reason: a.reason,
                  }),
                )
                .join("；")}`
            : undefined,
        })),
      ),
      empty: t("trainingFile.none.records"),
      numeric: [4],
    },
    {
      key: "certification",
      title: t("trainingFile.sections.certification"),
      header: (["status", "certifiedAt", "validUntil", "staleRules"] as const).map((k) => t(`trainingFile.cert.${k}`)),
      rows: [
        {
          cells: [
            t(`certification.status.${c.status}`),
            c.certifiedAt ? f.date(c.certifiedAt) : "—",
            c.validUntil ? f.date(c.validUntil) : "—",
            c.staleRuleIds.join("、") || "—",
          ],
        },
      ],
      empty: "",
      numeric: [],
    },
    {
      key: "attempts",
      title: t("trainingFile.sections.attempts"),
      header: (["date", "quiz", "mode", "score", "result"] as const).map((k) => t(`trainingFile.attemptColumns.${k}`)),
      rows: file.attempts.map((a) => ({
        cells: [
          f.dateTime(a.submittedAt),
          pickLocalized(f.language, a.quizTitle, a.quizTitleEn),
          t(`trainingFile.mode.${a.mode}`),
          a.scorePercent === null ? "—" : `${a.scorePercent}%`,
          t(a.passed ? "trainingFile.passed" : "trainingFile.failed"),
        ],
      })),
      empty: t("trainingFile.none.attempts"),
      numeric: [4],
    },
    {
      key: "leaves",
      title: t("trainingFile.sections.leaves"),
      header: (["session", "course", "reason", "state", "acknowledged"] as const).map((k) =>
        t(`trainingFile.leaveColumns.${k}`),
      ),
      rows: file.leaves.map((l) => ({
        cells: [
          f.dateTime(l.sessionStartsAt),
          l.courseTitle,
          `${t(`leave.reasons.${l.reasonKind}`)}${l.reasonText ? `：${l.reasonText}` : ""}`,
          t(`workflow.states.${l.state}`),
          t(l.acknowledged ? "trainingFile.acknowledged" : "trainingFile.notAcknowledged"),
        ],
      })),
      empty: t("trainingFile.none.leaves"),
      numeric: [],
    },
    {
      key: "makeUps",
      title: t("trainingFile.sections.makeUps"),
      header: (["missed", "session", "acceptedAt", "attended"] as const).map((k) =>
        t(`trainingFile.makeUpColumns.${k}`),
      ),
      rows: file.makeUps.map((m) => ({
        cells: [
          `${f.date(m.missedStartsAt)} ${m.missedTitle}`,
          `${f.dateTime(m.startsAt)} ${m.title}`,
          f.date(m.acceptedAt),
          t(m.attended ? "trainingFile.attended" : "trainingFile.notYet"),
        ],
      })),
      empty: t("trainingFile.none.makeUps"),
      numeric: [],
    },
    {
      key: "assessments",
      title: t("trainingFile.sections.assessments"),
      header: (["date", "course", "scores", "result", "assessor", "signOff"] as const).map((k) =>
        t(`trainingFile.assessmentColumns.${k}`),
      ),
      rows: file.assessments.map((a) => ({
        cells: [
          f.date(a.assessedAt),
          a.courseTitle ?? "—",
          a.scores.join(SEP),
          t(`trainingFile.result.${a.result}`),
          a.assessorName,
          t(a.signedOff ? "trainingFile.signedOff" : "trainingFile.notSignedOff"),
        ],
      })),
      empty: t("trainingFile.none.assessments"),
      numeric: [],
    },
  ];
}
