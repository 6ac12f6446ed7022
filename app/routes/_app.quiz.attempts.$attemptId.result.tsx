import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { useFormat } from "~/components/use-format";
import { getAttemptResult } from "~/domain/quiz/attempt-result.server";
import { requirePermission } from "~/utils/auth.server";
import { useLocalized } from "~/utils/localized";
import { getParams, Id, invariantResponse } from "~/utils/params";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const AttemptParams = z.object({ attemptId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attemptId } = getParams(params, AttemptParams);
  const { user } = await requirePermission(request, "take:quiz");
  const result = await getAttemptResult(user.id, attemptId);
  invariantResponse(result, "Not found", { status: 404 });
  if (result.open) throw redirect(`/quiz/attempts/${result.id}`);
  return result;
}

export default function AttemptResultPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const r = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <section className={`card border-2 p-5 text-center ${r.passed ? "border-emerald-300" : "border-red-300"}`}>
        <p className="text-sm text-slate-500">
          {localized(r.quiz.title, r.quiz.titleEn)}
          {r.mode === "REQUIZ" ? ` · ${t("quiz.requiz")}` : ""}
        </p>
        <p className={`mt-2 text-5xl font-bold tabular-nums ${r.passed ? "text-emerald-600" : "text-red-600"}`}>
          {r.scorePercent}%
        </p>
        <h1 className="mt-2 text-xl font-semibold">{t(r.passed ? "quiz.result.passed" : "quiz.result.failed")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("quiz.result.summary", { correct: r.correctCount, total: r.questionCount, pass: r.passPercent })}
        </p>
        {r.autoSubmitted ? <p className="mt-1 text-xs text-slate-500">{t("quiz.result.autoSubmitted")}</p> : null}
        {r.redLineMissed ? (
          <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800" role="alert">
            {t("quiz.result.redLine")}
          </p>
        ) : null}
        {r.passed && r.mode === "FULL" ? (
          <p className="mt-3 text-sm text-emerald-700">{t("quiz.result.certified")}</p>
        ) : null}
        {r.retryAt ? (
          <p className="mt-3 text-sm text-slate-600">
            {t("quiz.result.retryAt", { date: format.dateTime(r.retryAt) })}
          </p>
        ) : null}
      </section>

      {r.missedRules.length > 0 ? (
        <section className="card p-4 sm:p-5">
          <h2 className="font-semibold">{t("quiz.result.missedRules")}</h2>
          <ul className="mt-3 space-y-3">
            {r.missedRules.map((rule) => (
              <li
                key={rule.ruleId}
                className={`rounded-md border p-3 ${rule.redLine ? "border-red-200 bg-red-50" : "border-slate-200"}`}
              >
                <p className="text-sm font-medium">
                  <span className="font-mono">{rule.ruleId}</span> {localized(rule.titleZh, rule.titleEn)}
                  {rule.redLine ? <span className="badge ml-2 bg-red-600 text-white">{t("quiz.redLine")}</span> : null}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  {t("quiz.result.missedCount", { count: rule.missedCount })}
                </p>
                <p className="mt-1 text-sm leading-relaxed text-slate-700">{localized(rule.textZh, rule.textEn)}</p>
                <Link to={`/quiz/rules#${rule.ruleId}`} className="mt-1 inline-block text-sm text-brand-700 underline">
                  {t("quiz.result.studyRule", { rule: rule.ruleId })}
                </Link>
              </li>
            ))}
          </ul>
          {!r.answersShown ? (
            <p className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-600">
              {t(r.showAnswers === "never" ? "quiz.result.answersNeverShown" : "quiz.result.answersAfterPassing")}
            </p>
          ) : null}
        </section>
      ) : null}

      {r.wrong.length > 0 ? (
        <section className="card p-4 sm:p-5">
          <h2 className="font-semibold">{t("quiz.result.wrongAnswers")}</h2>
          <ol className="mt-3 space-y-4">
            {r.wrong.map((q) => (
              <li key={q.position} className="border-t border-slate-100 pt-3 first:border-0 first:pt-0">
                <p className="text-xs text-slate-500">
                  {t("quiz.take.progress", { n: q.position + 1, total: r.questionCount })} · {q.ruleIds.join("、")}
                  {q.redLine ? ` · ${t("quiz.redLine")}` : ""}
                </p>
                <p className="mt-1 font-medium leading-relaxed">{q.stem}</p>
                <p className="mt-2 text-sm text-red-700">
                  {t("quiz.result.yourAnswer")}: {q.yours.length ? q.yours.join("；") : t("quiz.result.noAnswer")}
                </p>
                {q.feedback.map((f) => (
                  <p key={f} className="mt-1 border-l-2 border-red-200 pl-2 text-sm text-slate-700">
                    {f}
                  </p>
                ))}
                <p className="text-sm text-emerald-700">
                  {t("quiz.result.correctAnswer")}: {q.correct.join("；")}
                </p>
                <p className="mt-2 rounded-md bg-slate-50 p-3 text-sm leading-relaxed text-slate-700">
                  {q.explanation}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="text-center">
        <Link to="/quiz" className="btn-secondary py-3">
          {t("quiz.result.back")}
        </Link>
      </div>
    </div>
  );
}
