import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { KeysetPagination } from "~/components/keyset-pagination";
import { useFormat } from "~/components/use-format";
import { activateQuestions } from "~/domain/quiz/activate-questions.server";
import { listQuizzes } from "~/domain/quiz/blueprint-queries.server";
import { listQuestions, pendingBatches, ruleOptions } from "~/domain/quiz/question-queries.server";
import { QUESTION_KINDS } from "~/domain/quiz/question.schema";
import { requirePermission } from "~/utils/auth.server";
import { keysetQuery } from "~/utils/keyset";
import { useLocalized } from "~/utils/localized";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  rule: z.string().max(10).optional().catch(undefined),
  kind: z.enum(QUESTION_KINDS).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  review: z.enum(["pending"]).optional().catch(undefined),
  ...keysetQuery,
});

const Id = z.string().trim().min(1).max(64);
const ActivateIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("activate"), questionId: Id, confirmDuplicates: z.string().optional() }),
  z.object({ intent: z.literal("activateBatch"), batchId: Id, confirmDuplicates: z.string().optional() }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, rules, quizzes, batches] = await Promise.all([
    listQuestions({ ...query, rule: query.rule || undefined, q: query.q || undefined }),
    ruleOptions(),
    listQuizzes(),
    query.review === "pending" ? pendingBatches() : Promise.resolve([]),
  ]);
  return { ...result, rules, quizzes, query, batches };
}

// Activating imported questions after review (one, or a whole import batch).
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:quiz");
  const form = parseIntent(await request.formData(), ActivateIntent);
  if (!form.ok) return invalid(form);
  const confirmDuplicates = form.data.confirmDuplicates === "on";
  const target =
    form.data.intent === "activate" ? { questionId: form.data.questionId } : { batchId: form.data.batchId };
  return respond(await activateQuestions(actor, target, { confirmDuplicates }), {
    form,
    redirectTo: "/quiz/questions?review=pending",
    flash: (done) => messageKey("quiz.review.activated", { count: done.activated }),
  });
}

export default function QuestionBankPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const format = useFormat();
  const { questions, total, next, previous, rules, quizzes, query, batches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      <Form method="get" className="card grid gap-3 p-3 sm:grid-cols-[1fr_auto_auto_auto_auto]">
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
        <select
          name="review"
          defaultValue={query.review ?? ""}
          className="input"
          aria-label={t("quiz.review.filterLabel")}
        >
          <option value="">{t("quiz.review.all")}</option>
          <option value="pending">{t("quiz.review.pending")}</option>
        </select>
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
      </Form>
      <FormAlert message={actionData?.errors?._form} />
      {query.review === "pending" ? (
        <section className="card space-y-3 p-4 text-sm">
          <p className="text-slate-600">{t("quiz.review.intro")}</p>
          {batches.map((b) => (
            <Form key={b.batchId} method="post" className="flex flex-wrap items-center gap-3 border-t pt-3">
              <input type="hidden" name="intent" value="activateBatch" />
              <input type="hidden" name="batchId" value={b.batchId} />
              <span>
                {t("quiz.review.batch", {
                  at: format.dateTime(b.importedAt),
                  source: t(`quiz.questions.sources.${b.source}`, { defaultValue: b.source }),
                  count: b.count,
                })}
              </span>
              <label className="flex items-center gap-1 text-xs">
                <input type="checkbox" name="confirmDuplicates" className="h-4 w-4" /> {t("quiz.review.confirm")}
              </label>
              <button type="submit" className="btn-primary sm:ml-auto">
                {t("quiz.review.activateBatch")}
              </button>
            </Form>
          ))}
          {batches.length === 0 ? <p className="text-slate-500">{t("quiz.review.none")}</p> : null}
        </section>
      ) : null}
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
                {q.reviewPending ? (
                  <span className="badge bg-amber-100 text-amber-800">{t("quiz.review.pending")}</span>
                ) : !q.active ? (
                  <span className="badge bg-slate-100 text-slate-500">{t("quiz.questions.inactive")}</span>
                ) : null}
                {q.duplicateOf.length ? (
                  <span className="badge bg-red-100 text-red-700">{t("quiz.review.duplicate")}</span>
                ) : null}
                <span className="ml-auto">{t(`quiz.questions.sources.${q.source}`, { defaultValue: q.source })}</span>
              </p>
              <p className="mt-1 text-sm leading-relaxed">{q.stem}</p>
              {q.duplicateOf.length ? (
                <p className="mt-1 text-xs text-red-700">
                  {t("quiz.review.duplicateOf", { stem: q.duplicateOf[0].stem })}
                </p>
              ) : null}
            </Link>
            {q.reviewPending ? (
              <Form method="post" className="flex flex-wrap items-center justify-end gap-3 px-4 pb-3 text-xs">
                <input type="hidden" name="intent" value="activate" />
                <input type="hidden" name="questionId" value={q.id} />
                {q.duplicateOf.length ? (
                  <label className="flex items-center gap-1">
                    <input type="checkbox" name="confirmDuplicates" className="h-4 w-4" /> {t("quiz.review.confirm")}
                  </label>
                ) : null}
                <button type="submit" className="btn-secondary">
                  {t("quiz.review.activate")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
        {questions.length === 0 ? (
          <li className="px-4 py-8 text-center text-sm text-slate-500">{t("quiz.questions.empty")}</li>
        ) : null}
      </ul>
      <KeysetPagination next={next} previous={previous} />
    </div>
  );
}
