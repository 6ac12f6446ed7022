import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CourseTable, LecturerTable, useFigures } from "~/components/evaluation/result-tables";
import { KeysetPagination } from "~/components/keyset-pagination";
import { ResultsQuery } from "~/domain/evaluation/evaluation.schema";
import { evaluationYears, yearResults } from "~/domain/evaluation/results-queries.server";
import { companyToday, getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// Results per course and per lecturer for a year: a lecturer reads their own courses, the training
// department and the leaders read every course.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, "read:course-evaluation");
  const query = ResultsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ timeZone }, today] = await Promise.all([getSettings(), companyToday()]);
  const year = query.year ?? today.year;
  const reader = { personId: user.id, scope };
  const [years, results] = await Promise.all([
    evaluationYears(reader, timeZone),
    yearResults(reader, { year, timeZone, after: query.after, before: query.before }),
  ]);
  // The current year and the one shown are always offered, even before any survey went out.
  const offered = [...new Set([today.year, year, ...years])].sort((a, b) => b - a);
  return { year, years: offered, ownOnly: scope !== "any", ...results };
}

export default function EvaluationsPage() {
  const { t } = useTranslation();
  const { year, years, ownOnly, totals, courses, lecturers, next, previous } = useLoaderData<typeof loader>();
  const figures = useFigures();
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="page-title">{t("evaluation.title")}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {ownOnly ? t("evaluation.results.ownOnly") : t("evaluation.results.intro")}
          </p>
        </div>
        {/* A plain GET form: the year is in the address, so a page can be bookmarked and works without JavaScript. */}
        <Form method="get" className="flex items-center gap-2">
          <label htmlFor="year" className="text-sm text-slate-600">
            {t("evaluation.results.year")}
          </label>
          <select id="year" name="year" defaultValue={year} className="input w-auto">
            {years.map((y) => (
              <option key={y} value={y}>
                {t("evaluation.results.yearOption", { year: y })}
              </option>
            ))}
          </select>
          <button type="submit" className="btn-secondary">
            {t("evaluation.results.show")}
          </button>
        </Form>
      </div>
      <p className="card px-4 py-3 text-sm text-slate-700">
        {t("evaluation.results.totals", {
          year,
          courses: totals.courses,
          invited: totals.invited,
          answered: totals.answered,
          rate: figures.rate(totals.rate),
        })}
        {totals.overall !== null ? (
          <span className="ml-1 font-medium">
            {t("evaluation.results.totalsOverall", { score: figures.score(totals.overall) })}
          </span>
        ) : null}
      </p>
      <section className="space-y-3" aria-labelledby="by-course">
        <h2 id="by-course" className="font-semibold">
          {t("evaluation.results.byCourse")}
        </h2>
        <CourseTable rows={courses} />
        <KeysetPagination next={next} previous={previous} />
      </section>
      <section className="space-y-3" aria-labelledby="by-lecturer">
        <h2 id="by-lecturer" className="font-semibold">
          {t("evaluation.results.byLecturer")}
        </h2>
        <LecturerTable rows={lecturers} />
      </section>
    </div>
  );
}
