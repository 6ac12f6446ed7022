import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Field, FormAlert, useTextDefault } from "~/components/form";
import { getQuestion, ruleOptions } from "~/domain/quiz/question-queries.server";
import {
  checkQuestion,
  MAX_OPTIONS,
  QUESTION_KINDS,
  questionFromForm,
  type QuestionInput,
} from "~/domain/quiz/question.schema";
import { saveQuestion } from "~/domain/quiz/save-question.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useLocalized } from "~/utils/localized";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { requireActor } from "~/utils/route.server";
import { translateMessage } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// "new" opens a blank question.
const QuestionParams = z.object({ questionId: Id });

const BLANK: QuestionInput = { kind: "SINGLE", stem: "", explanation: "", ruleIds: [], options: [], active: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { questionId } = getParams(params, QuestionParams);
  await requirePermission(request, "manage:quiz");
  const question = questionId === "new" ? { ...BLANK, id: null as string | null } : await getQuestion(questionId);
  invariantResponse(question, "Not found", { status: 404 });
  return { question, rules: await ruleOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { questionId } = getParams(params, QuestionParams);
  const { actor } = await requireActor(request, "manage:quiz");
  // The options and their "correct" boxes are not flat fields: the question's own checks parse the form.
  const raw = questionFromForm(await request.formData());
  const rules = await ruleOptions();
  const checked = checkQuestion(raw, new Set(rules.map((r) => r.id)));
  if (!checked.ok) return data({ errors: checked.errors, values: raw as QuestionInput }, { status: 400 });
  const outcome = await saveQuestion(actor, questionId === "new" ? null : questionId, checked.value);
  invariantResponse(outcome.ok, "Not found", { status: 404 });
  return redirectWithFlash(`/quiz/questions/${outcome.id}`, "common.saved");
}

export default function QuestionEditPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  // Keeps what was typed before the scripts loaded (React would put the default back).
  const textDefault = useTextDefault();
  const { question, rules } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const q = actionData?.values ?? question;
  const errors = actionData?.errors ?? {};
  const options = Array.from({ length: MAX_OPTIONS }, (_, i) => q.options[i] ?? { text: "", correct: false });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/quiz/questions" className="btn-link">
        ← {t("quiz.questions.title")}
      </Link>
      <h1 className="page-title">{question.id ? t("quiz.questions.edit") : t("quiz.questions.new")}</h1>
      <FormAlert message={errors._form} />
      {"reviewPending" in question && question.reviewPending ? (
        <FormAlert tone="info" message="quiz.review.pendingHint" />
      ) : null}
      <Form method="post" className="card space-y-4 p-5">
        <Field label={t("quiz.questions.fields.kind")} name="kind" error={errors.kind}>
          <select id="kind" name="kind" className="input" defaultValue={q.kind}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`quiz.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("quiz.questions.fields.stem")}
          name="stem"
          error={errors.stem}
          hint={t("quiz.rules.companyHint")}
        >
          <textarea id="stem" name="stem" rows={3} className="input" {...textDefault(q.stem)} />
        </Field>
        <fieldset>
          <legend className="label">{t("quiz.questions.fields.options")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("quiz.questions.optionsHint")}</p>
          <div className="space-y-2">
            {options.map((o, i) => (
              <div key={i} className="flex flex-wrap items-center gap-2">
                <span className="w-5 text-sm font-medium text-slate-500">{String.fromCharCode(65 + i)}</span>
                <input
                  name={`option${i}`}
                  aria-label={t("quiz.questions.optionN", { n: String.fromCharCode(65 + i) })}
                  className="input"
                  defaultValue={o.text}
                />
                <label className="flex shrink-0 items-center gap-1 text-sm">
                  <input type="checkbox" name="correct" value={i} defaultChecked={o.correct} className="h-4 w-4" />
                  {t("quiz.questions.correct")}
                </label>
                {/* Imported per-answer feedback, shown with its option (it is kept when the option is saved). */}
                {(o as { feedback?: string | null }).feedback ? (
                  <p className="w-full pl-7 text-xs text-slate-500">
                    {t("quiz.review.feedback", { text: (o as { feedback?: string | null }).feedback })}
                  </p>
                ) : null}
              </div>
            ))}
          </div>
          {errors.options ? (
            <p role="alert" className="mt-1 text-xs text-red-600">
              {translateMessage(t, errors.options)}
            </p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend className="label">{t("quiz.questions.fields.rules")}</legend>
          <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
            {rules.map((r) => (
              <label key={r.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="ruleIds"
                  value={r.id}
                  defaultChecked={q.ruleIds.includes(r.id)}
                  className="h-4 w-4"
                />
                <span className="font-mono text-xs">{r.id}</span>{" "}
                <span className="truncate">{localized(r.titleZh, r.titleEn)}</span>
              </label>
            ))}
          </div>
          {errors.ruleIds ? (
            <p role="alert" className="mt-1 text-xs text-red-600">
              {translateMessage(t, errors.ruleIds)}
            </p>
          ) : null}
        </fieldset>
        <Field label={t("quiz.questions.fields.explanation")} name="explanation" error={errors.explanation}>
          <textarea id="explanation" name="explanation" rows={3} className="input" {...textDefault(q.explanation)} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={q.active} className="h-4 w-4" />{" "}
          {t("quiz.questions.fields.active")}
        </label>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary">
            {t("common.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
