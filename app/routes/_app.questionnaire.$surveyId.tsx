import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert, useTextDefault } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { questionnaireFor } from "~/domain/needs/needs-queries.server";
import { inReadersLanguage, isAnswerable } from "~/domain/needs/needs-rules";
import { answerQuestionnaire } from "~/domain/needs/questionnaire.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { requireActor, respond } from "~/utils/route.server";
import { formValues, translateMessage } from "~/utils/validation";

const QuestionnaireParams = z.object({ surveyId: Id });

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId } = getParams(params, QuestionnaireParams);
  const { user } = await requirePermission(request, "answer:needs-questionnaire");
  const found = await questionnaireFor(surveyId, user.id);
  invariantResponse(found, "Not found", { status: 404 });
  const { survey, response } = found;
  return {
    survey: { id: survey.id, year: survey.year, deadline: survey.deadline, note: survey.note },
    questions: survey.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      options: q.options,
      required: q.required,
    })),
    answeredAt: response?.submittedAt ?? null,
    open: isAnswerable(survey, now()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { surveyId } = getParams(params, QuestionnaireParams);
  const { actor } = await requireActor(request, "answer:needs-questionnaire");
  // The answers are named after the survey's questions (q_<id>); the use-case checks them against it.
  const values = formValues(await request.formData());
  return respond(await answerQuestionnaire(actor, surveyId, values), {
    form: { values },
    redirectTo: `/questionnaire/${surveyId}`,
    flash: "needs.questionnaire.thanks",
  });
}

export default function QuestionnairePage() {
  const { t } = useTranslation();
  const { survey, questions, answeredAt, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const format = useFormat();
  const textDefault = useTextDefault();
  const values = actionData?.values ?? {};
  const chosen = (id: string, value: string) => ([] as string[]).concat(values[`q_${id}`] ?? []).includes(value);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <Link to="/questionnaire" className="btn-link">
        ← {t("needs.questionnaire.title")}
      </Link>
      <div>
        <h1 className="page-title">{t("needs.questionnaire.name", { year: survey.year })}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("needs.deadlineIs", { at: format.dateTime(survey.deadline) })}</p>
      </div>
      {answeredAt ? (
        <p className="card p-6 text-center text-sm text-slate-600">
          {t("needs.questionnaire.answeredAt", { at: format.dateTime(answeredAt) })}
        </p>
      ) : !open ? (
        <p className="card p-6 text-center text-sm text-slate-600">{t("needs.questionnaireClosed")}</p>
      ) : (
        <Form method="post" className="space-y-4">
          <FormAlert message={actionData?.errors._form} />
          {questions
            .map((q) => inReadersLanguage(t, q))
            .map((q, i) => {
              const name = `q_${q.id}`;
              const error = actionData?.errors[name];
              return (
                <fieldset
                  key={q.id}
                  className="card space-y-2 p-4"
                  aria-describedby={error ? `${name}-error` : undefined}
                >
                  <legend className="sr-only">{q.text}</legend>
                  <p className="font-medium" aria-hidden="true">
                    {i + 1}. {q.text} {q.required ? <span className="text-red-600">*</span> : null}
                  </p>
                  {q.kind === "MULTIPLE" ? (
                    <p className="text-xs text-slate-500">{t("needs.questionnaire.multiple")}</p>
                  ) : null}
                  {q.kind === "SINGLE" || q.kind === "MULTIPLE" ? (
                    <div className="grid gap-1.5 sm:grid-cols-2">
                      {q.options.map((option, index) => (
                        <label
                          key={index}
                          className={[
                            "flex",
                            "cursor-pointer",
                            "items-center",
                            "gap-2",
                            "rounded-md",
                            "border",
                            "border-slate-200",
                            "px-3",
                            "py-2",
                            "text-sm",
                            "has-[:checked]:border-brand-500",
                            "has-[:checked]:bg-brand-50",
                          ].join(" ")}
                        >
                          <input
                            type={q.kind === "SINGLE" ? "radio" : "checkbox"}
                            name={name}
                            value={index}
                            defaultChecked={chosen(q.id, String(index))}
                          />
                          {option}
                        </label>
                      ))}
                    </div>
                  ) : null}
                  {q.kind === "RATING" ? (
                    <div className="flex gap-2">
                      {[1, 2, 3, 4, 5].map((n) => (
                        <label
                          key={n}
                          className={[
                            "flex",
                            "h-10",
                            "w-10",
                            "cursor-pointer",
                            "items-center",
                            "justify-center",
                            "rounded-md",
                            "border",
                            "border-slate-300",
                            "text-sm",
                            "has-[:checked]:border-brand-600",
                            "has-[:checked]:bg-brand-600",
                            "has-[:checked]:text-white",
                          ].join(" ")}
                        >
                          <input
                            type="radio"
                            name={name}
                            value={n}
                            className="sr-only"
                            defaultChecked={chosen(q.id, String(n))}
                            aria-label={t("needs.questionnaire.points", { count: n })}
                          />
                          {n}
                        </label>
                      ))}
                    </div>
                  ) : null}
                  {q.kind === "TEXT" ? (
                    <textarea
                      name={name}
                      rows={3}
                      maxLength={1000}
                      className="input"
                      aria-label={q.text}
                      {...textDefault(String(values[name] ?? ""))}
                    />
                  ) : null}
                  {error ? (
                    <p id={`${name}-error`} role="alert" className="text-xs text-red-600">
                      {translateMessage(t, error)}
                    </p>
                  ) : null}
                </fieldset>
              );
            })}
          <div className="flex justify-end">
            <button type="submit" className="btn-primary" disabled={busy}>
              {t("needs.questionnaire.submit")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
