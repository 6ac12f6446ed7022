import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { KeysetPagination } from "~/components/keyset-pagination";
import { BarChart } from "~/components/training/bar-chart";
import { answersView } from "~/domain/needs/needs-answers.server";
import { inReadersLanguage } from "~/domain/needs/needs-rules";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { keysetQuery } from "~/utils/keyset";
import { getParams, Id, invariantResponse } from "~/utils/params";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// Which question's written answers are paged, and the cursor: anything else is the first page of each.
const QuerySchema = z.object({
  question: z.string().max(40).optional().catch(undefined),
  ...keysetQuery,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId } = getParams(params, z.object({ surveyId: Id }));
  const auth = await requirePermission(request, "read:needs-answers");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const view = await answersView(surveyId, await departmentIdsInScope(auth), {
    questionId: query.question,
    after: query.after,
    before: query.before,
  });
  invariantResponse(view, "Not found", { status: 404 });
  return {
    year: view.survey.year,
    surveyId: view.survey.id,
    responses: view.responses,
    questions: view.questions,
    scoped: auth.scope !== "any",
  };
}

export default function AnswersPage() {
  const { t } = useTranslation();
  const { year, surveyId, responses, questions, scoped } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-5">
      <Link to={`/needs/${surveyId}`} className="btn-link">
        ← {t("needs.surveyTitle", { year })}
      </Link>
      <div>
        <h1 className="page-title">{t("needs.answers.title")}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {t(scoped ? "needs.answers.scopedIntro" : "needs.answers.intro", { count: responses })}
        </p>
      </div>
      {questions
        .map((q) => inReadersLanguage(t, q))
        .map((q, i) => (
          <section key={q.id} id={`q-${q.id}`} className="card space-y-3 p-5">
            <h2 className="font-semibold">
              {i + 1}. {q.text}
            </h2>
            {q.kind === "SINGLE" || q.kind === "MULTIPLE" ? (
              <BarChart
                title={t("needs.answers.choices", { count: q.answered })}
                bars={q.options.map((o) => ({ label: o.label, value: o.count }))}
              />
            ) : null}
            {q.kind === "RATING" ? (
              <p className="text-sm">
                {q.average === null
                  ? t("training.noData")
                  : t("needs.answers.average", { average: q.average, count: q.answered })}
              </p>
            ) : null}
            {q.kind === "TEXT" ? (
              q.texts.texts.length === 0 ? (
                <p className="text-sm text-slate-500">{t("training.noData")}</p>
              ) : (
                <>
                  <ul className="space-y-2 text-sm">
                    {q.texts.texts.map((a) => (
                      <li key={a.id} className="rounded-md bg-slate-50 px-3 py-2">
                        <p>{a.text}</p>
                        <p className="mt-0.5 text-xs text-slate-500">
                          {a.name} · {a.department}
                        </p>
                      </li>
                    ))}
                  </ul>
                  <KeysetPagination
                    next={q.texts.next}
                    previous={q.texts.previous}
                    params={{ question: q.id }}
                    hash={`#q-${q.id}`}
                  />
                </>
              )
            ) : null}
          </section>
        ))}
    </div>
  );
}
