import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";
import { attemptApi, callAttemptApi } from "~/components/quiz/attempt-api";
import { CertificationBadge } from "~/components/quiz/certification-badge";
import { useFormat } from "~/components/use-format";
import { StartAttemptSchema } from "~/domain/quiz/attempt.schema";
import { myQuizPage } from "~/domain/quiz/my-quizzes.server";
import { startAttempt } from "~/domain/quiz/start-attempt.server";
import { requirePermission } from "~/utils/auth.server";
import { useLocalized } from "~/utils/localized";
import { requireActor } from "~/utils/route.server";
import { messageKey, parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "take:quiz");
  return myQuizPage(user.id);
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "take:quiz");
  const parsed = parseForm(StartAttemptSchema, await request.formData());
  if (!parsed.ok) return data({ error: "validation.invalid", until: null }, { status: 400 });
  // The refusal names a time ("try again after …") the page formats: answered as is, not through respond().
  const outcome = await startAttempt(actor, parsed.data.quizId, parsed.data.mode);
  if (!outcome.ok) return data({ error: outcome.error, until: outcome.until?.toISOString() ?? null }, { status: 400 });
  return redirect(`/quiz/attempts/${outcome.attemptId}`);
}

export default function MyQuizzesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { certification, changedRules, quizzes, attempts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigate = useNavigate();
  // With JavaScript, starting is a JSON call (ADR 0010) and the attempt page opens without reloading
  // this page's data; without it, the form posts to the action above.
  const [started, setStarted] = useState<{ error: string; until: string | null } | "busy" | null>(null);
  const startWithoutReload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget);
    setStarted("busy");
    try {
      const { body } = await callAttemptApi<{ attemptId?: string }>(attemptApi.start, {
        quizId: form.get("quizId"),
        mode: submitter?.value ?? "FULL",
      });
      if (body.attemptId) return navigate(`/quiz/attempts/${body.attemptId}`);
      if (body.redirect) return navigate(body.redirect);
      setStarted({ error: body.error ?? "errors.unexpected", until: body.until ?? null });
    } catch {
      setStarted({ error: "errors.unexpected", until: null });
    }
  };
  const refusal = started && started !== "busy" ? started : actionData;
  const busy = useNavigation().state !== "idle" || started === "busy";
  const format = useFormat();
  const stale = certification?.staleRules ?? [];
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="page-title">{t("quiz.my.title")}</h1>
      {refusal?.error ? (
        <FormAlert
          message={messageKey(refusal.error, { until: refusal.until ? format.dateTime(refusal.until) : "" })}
        />
      ) : null}

      <section className="card p-4 sm:p-5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">{t("quiz.my.certification")}</h2>
          {certification ? <CertificationBadge status={certification.status} /> : null}
        </div>
        <p className="mt-2 text-sm text-slate-600">
          {certification?.cleared
            ? t("quiz.my.clearedUntil", { date: format.date(certification.validUntil) })
            : t(`quiz.my.notCleared.${certification?.status ?? "never"}`)}
        </p>
        {stale.length > 0 ? (
          <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">
              {t(certification?.status === "lapsed" ? "quiz.my.rulesChangedLapsed" : "quiz.my.rulesChanged")}
            </p>
            <ul className="mt-2 space-y-2">
              {changedRules.map((r) => (
                <li key={r.ruleId}>
                  <span className="font-mono text-xs">{r.ruleId}</span> {localized(r.titleZh, r.titleEn)}
                  {r.lapsesAt ? (
                    <span className="text-xs"> · {t("quiz.my.lapsesAt", { date: format.dateTime(r.lapsesAt) })}</span>
                  ) : null}
                  <p className="mt-1 text-amber-800">{localized(r.textZh, r.textEn)}</p>
                  {r.changeNote ? (
                    <p className="mt-1 text-xs text-amber-700">
                      {t("quiz.my.changeNote")}: {r.changeNote}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {quizzes.map((quiz) => (
        <section key={quiz.id} className="card p-4 sm:p-5">
          <h2 className="text-lg font-semibold">{localized(quiz.title, quiz.titleEn)}</h2>
          <p className="mt-1 text-sm text-slate-600">
            {t("quiz.my.summary", {
              count: quiz.questionCount,
              minutes: quiz.timeLimitMinutes,
              pass: quiz.passPercent,
            })}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {t("quiz.my.rulesOfPlay", { perDay: quiz.attemptsPerDay, cooldown: quiz.cooldownMinutes })}
          </p>
          <div className="mt-4 flex flex-col gap-2 sm:flex-row">
            {quiz.openAttemptId ? (
              <Link to={`/quiz/attempts/${quiz.openAttemptId}`} className="btn-primary py-3 text-base">
                {t("quiz.my.resume")}
              </Link>
            ) : quiz.blocked ? (
              <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" role="status">
                {t(`quiz.refused.${quiz.blocked.reason}`, { until: format.dateTime(quiz.blocked.until) })}
              </p>
            ) : (
              <>
                <Form method="post" className="contents" onSubmit={startWithoutReload}>
                  <input type="hidden" name="quizId" value={quiz.id} />
                  <button type="submit" name="mode" value="FULL" className="btn-primary py-3 text-base" disabled={busy}>
                    {t("quiz.my.start")}
                  </button>
                  {quiz.grantsCertification && stale.length > 0 && certification?.certifiedAt ? (
                    <button
                      type="submit"
                      name="mode"
                      value="REQUIZ"
                      className="btn-secondary py-3 text-base"
                      disabled={busy}
                    >
                      {t("quiz.my.startRequiz", { count: stale.length })}
                    </button>
                  ) : null}
                </Form>
              </>
            )}
          </div>
        </section>
      ))}

      <section className="card">
        <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">{t("quiz.my.history")}</h2>
        {attempts.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-slate-500">{t("quiz.my.noAttempts")}</p>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {attempts.map((a) => (
            <li key={a.id}>
              <Link
                to={a.status === "OPEN" ? `/quiz/attempts/${a.id}` : `/quiz/attempts/${a.id}/result`}
                className="flex items-center gap-3 px-4 py-3 text-sm hover:bg-slate-50"
              >
                <span className="flex-1">
                  <span className="block">
                    {localized(a.quiz.title, a.quiz.titleEn)}
                    {a.mode === "REQUIZ" ? ` · ${t("quiz.requiz")}` : ""}
                  </span>
                  <span className="text-xs text-slate-500">{format.dateTime(a.submittedAt ?? a.startedAt)}</span>
                </span>
                {a.status === "OPEN" ? (
                  <span className="badge bg-sky-50 text-sky-700">{t("quiz.status.open")}</span>
                ) : (
                  <span className={`badge ${a.passed ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700"}`}>
                    {a.scorePercent}% · {t(a.passed ? "quiz.status.passed" : "quiz.status.failed")}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
