import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { CourseHeading } from "~/components/evaluation/course-heading";
import { useFigures } from "~/components/evaluation/result-tables";
import { ScoreBars } from "~/components/evaluation/score-bars";
import { QUESTIONS } from "~/domain/evaluation/evaluation-rules";
import { courseResults } from "~/domain/evaluation/results-queries.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Params = z.object({ courseId: Id });

// One course's results; a lecturer finds only their own courses here (another's answers 404).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const { user, scope } = await requirePermission(request, "read:course-evaluation");
  const results = await courseResults({ personId: user.id, scope }, courseId);
  invariantResponse(results, "Not found", { status: 404 });
  return results;
}

export default function CourseEvaluationPage() {
  const { t } = useTranslation();
  const results = useLoaderData<typeof loader>();
  const figures = useFigures();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Link to="/evaluations" className="btn-link">
        ← {t("evaluation.detail.back")}
      </Link>
      <h1 className="page-title">{t("evaluation.title")}</h1>
      <CourseHeading course={results.course} />
      <p className="card flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
        <span>
          {t("evaluation.detail.figures", {
            invited: results.invited,
            answered: results.responses,
            rate: figures.rate(results.rate),
          })}
        </span>
        <span className="font-semibold">
          {t("evaluation.overall")} {figures.score(results.overall)}
        </span>
      </p>
      {results.responses === 0 ? (
        <p className="card p-6 text-center text-sm text-slate-500">{t("evaluation.detail.noAnswers")}</p>
      ) : (
        <>
          <h2 className="font-semibold">{t("evaluation.detail.distribution")}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {QUESTIONS.map((q) => (
              <ScoreBars key={q} question={q} counts={results.distributions[q]} average={results.averages[q]} />
            ))}
          </div>
          <section className="space-y-2" aria-labelledby="comments">
            <h2 id="comments" className="font-semibold">
              {t("evaluation.detail.comments")}
            </h2>
            {results.comments.length === 0 ? (
              <p className="text-sm text-slate-500">{t("evaluation.detail.noComments")}</p>
            ) : (
              <ul className="card divide-y divide-slate-100">
                {results.comments.map((comment, i) => (
                  <li key={i} className="whitespace-pre-wrap px-4 py-3 text-sm">
                    {comment}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
