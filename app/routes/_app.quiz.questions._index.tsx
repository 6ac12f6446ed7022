import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { listQuizzes } from "~/domain/quiz/blueprint-queries.server";
import { listQuestions, ruleOptions } from "~/domain/quiz/question-queries.server";
import { QUESTION_KINDS } from "~/domain/quiz/question.schema";
import { requirePermission } from "~/utils/auth.server";
import { useLocalized } from "~/utils/localized";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  rule: z.string().max(10).optional().catch(undefined),
  kind: z.enum(QUESTION_KINDS).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, rules, quizzes] = await Promise.all([
    listQuestions({ ...query, rule: query.rule || undefined, q: query.q || undefined }),
    ruleOptions(),
    listQuizzes(),
  ]);
  return { ...result, rules, quizzes, query };
}

export default function QuestionBankPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { questions, total, rules, quizzes, query } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">{t("quiz.questions.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link to="/quiz/questions/import" className="btn-secondary">
            {t("quiz.questions.import")}
          </Link>
          <a href="/quiz/questions/export" className="btn-secondary" download>
            {t("quiz.questions.export")}
          </a>
          <Link to="/quiz/questions/new" className="btn-primary">
            {t("quiz.questions.new")}
          </Link>
        </div>
      </div>
      <section className="card flex flex-wrap items-center gap-3 p-3 text-sm">
        <span className="font-medium">{t("quiz.questions.blueprints")}</span>
        {quizzes.map((q) => (
          <Link key={q.id} to={`/quiz/blueprints/${q.id}`} className="btn-link">
            {localized(q.title, q.titleEn)}
          </Link>
        ))}
        <Link to="/quiz/blueprints/new" className="btn-link sm:ml-auto">
          + {t("quiz.blueprint.new")}
        </Link>
      </section>
      <Form method="get" className="card grid gap-3 p-3 sm:grid-cols-[1fr_auto_auto_auto]">
        <input
          name="q"
          defaultValue={query.q ?? ""}
          className="input"
          placeholder={t("quiz.questions.search")}
          aria-label={t("common.search")}
        />
        <select
          name="rule"
          defaultValue={query.rule ?? ""}
          className="input"
          aria-label={t("quiz.questions.fields.rules")}
        >
          <option value="">{t("quiz.questions.allRules")}</option>
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id} {localized(r.titleZh, r.titleEn)}
            </option>
          ))}
        </select>
        <select
          name="kind"
          defaultValue={query.kind ?? ""}
          className="input"
          aria-label={t("quiz.questions.fields.kind")}
        >
          <option value="">{t("quiz.questions.allKinds")}</option>
          {QUESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`quiz.kinds.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
      </Form>
      <p className="text-sm text-slate-600">{t("quiz.questions.count", { count: total })}</p>
      <ul className="card divide-y divide-slate-100">
        {questions.map((q) => (
          <li key={q.id}>
            <Link to={`/quiz/questions/${q.id}`} className="block px-4 py-3 hover:bg-slate-50">
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <span className="badge bg-brand-50 text-brand-700">{t(`quiz.kinds.${q.kind}`)}</span>
                {q.rules.map((r) => (
                  <span key={r} className="font-mono">
                    {r}
                  </span>
                ))}
                {!q.active ? (
                  <span className="badge bg-slate-100 text-slate-500">{t("quiz.questions.inactive")}</span>
                ) : null}
                <span className="ml-auto">{t(`quiz.questions.sources.${q.source}`, { defaultValue: q.source })}</span>
              </p>
              <p className="mt-1 text-sm leading-relaxed">{q.stem}</p>
            </Link>
          </li>
        ))}
        {questions.length === 0 ? (
          <li className="px-4 py-8 text-center text-sm text-slate-500">{t("quiz.questions.empty")}</li>
        ) : null}
      </ul>
    </div>
  );
}
