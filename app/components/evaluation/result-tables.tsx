import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { QUESTIONS, type Question } from "~/domain/evaluation/evaluation-rules";

import { useCourseDates } from "./course-heading";

type Averages = { averages: Record<Question, number | null>; overall: number | null };

export type CourseRow = Averages & {
  courseId: string;
  title: string;
  lecturerName: string;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  invited: number;
  answered: number;
  rate: number | null;
};

export type LecturerRow = Averages & { lecturerName: string; courses: number; responses: number };

/** An average to one decimal ("4.0"), or a dash when nobody answered. */
export function useFigures() {
  const { t } = useTranslation();
  return {
    score: (v: number | null) => (v === null ? t("evaluation.results.none") : v.toFixed(1)),
    rate: (v: number | null) =>
      v === null ? t("evaluation.results.none") : t("evaluation.results.percent", { value: v }),
  };
}

function AverageHeads() {
  const { t } = useTranslation();
  return (
    <>
      {QUESTIONS.map((q) => (
        <th key={q} className="text-right">
          {/* Short heads keep the whole table on a laptop's screen; the full question is the tooltip. */}
          <abbr title={t(`evaluation.questions.${q}`)} className="no-underline">
            {t(`evaluation.questionsShort.${q}`)}
          </abbr>
        </th>
      ))}
      <th className="text-right">{t("evaluation.overall")}</th>
    </>
  );
}

function AverageCells({ row }: { row: Averages }) {
  const figures = useFigures();
  return (
    <>
      {QUESTIONS.map((q) => (
        <td key={q} className="text-right tabular-nums">
          {figures.score(row.averages[q])}
        </td>
      ))}
      <td className="text-right font-semibold tabular-nums">{figures.score(row.overall)}</td>
    </>
  );
}

export function CourseTable({ rows }: { rows: CourseRow[] }) {
  const { t } = useTranslation();
  const dates = useCourseDates();
  const figures = useFigures();
  if (rows.length === 0)
    return <p className="card p-6 text-center text-sm text-slate-500">{t("evaluation.results.empty")}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th>{t("evaluation.results.course")}</th>
            <th>{t("evaluation.results.dates")}</th>
            <th>{t("evaluation.results.lecturer")}</th>
            <th className="text-right">{t("evaluation.results.invited")}</th>
            <th className="text-right">{t("evaluation.results.answered")}</th>
            <th className="text-right">{t("evaluation.results.rate")}</th>
            <AverageHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.courseId}>
              <td className="min-w-48 whitespace-normal">
                <Link to={`/evaluations/${c.courseId}`} className="btn-link">
                  {c.title}
                </Link>
              </td>
              <td className="whitespace-nowrap">{dates(c)}</td>
              <td className="min-w-24 whitespace-normal">{c.lecturerName || t("evaluation.results.noLecturer")}</td>
              <td className="text-right tabular-nums">{c.invited}</td>
              <td className="text-right tabular-nums">{c.answered}</td>
              <td className="text-right tabular-nums">{figures.rate(c.rate)}</td>
              <AverageCells row={c} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LecturerTable({ rows }: { rows: LecturerRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return <p className="card p-6 text-center text-sm text-slate-500">{t("evaluation.results.emptyLecturers")}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th>{t("evaluation.results.lecturer")}</th>
            <th className="text-right">{t("evaluation.results.courses")}</th>
            <th className="text-right">{t("evaluation.results.responses")}</th>
            <AverageHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.lecturerName}>
              <td>{l.lecturerName || t("evaluation.results.noLecturer")}</td>
              <td className="text-right tabular-nums">{l.courses}</td>
              <td className="text-right tabular-nums">{l.responses}</td>
              <AverageCells row={l} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
