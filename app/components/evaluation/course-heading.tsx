import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";

type Course = { title: string; lecturerName: string; startsAt: Date | string | null; endsAt: Date | string | null };

/** "2026-12-01" for a one-day course, "2026-12-01 – 2026-12-03" for one over several days. */
export function useCourseDates() {
  const format = useFormat();
  const { t } = useTranslation();
  return (course: Pick<Course, "startsAt" | "endsAt">) => {
    const [from, to] = [format.date(course.startsAt), format.date(course.endsAt)];
    if (!from) return t("evaluation.results.none");
    return from === to || !to ? from : `${from} – ${to}`;
  };
}

/** The course being rated or read about: its title, dates and lecturer. */
export function CourseHeading({ course }: { course: Course }) {
  const { t } = useTranslation();
  const dates = useCourseDates();
  return (
    <div className="card space-y-2 p-4">
      <h2 className="text-lg font-semibold">{course.title}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("evaluation.survey.dates")}</dt>
        <dd>{dates(course)}</dd>
        <dt className="text-slate-500">{t("evaluation.survey.lecturer")}</dt>
        <dd>{course.lecturerName || t("evaluation.results.noLecturer")}</dd>
      </dl>
    </div>
  );
}
