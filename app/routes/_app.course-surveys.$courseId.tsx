import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CourseHeading } from "~/components/evaluation/course-heading";
import { GivenScore, ScorePicker } from "~/components/evaluation/score-picker";
import { FormAlert, useSchemaForm } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { answerCourseSurvey } from "~/domain/evaluation/answer-course-survey.server";
import { COMMENT_MAX, QUESTIONS } from "~/domain/evaluation/evaluation-rules";
import { SurveyAnswerSchema } from "~/domain/evaluation/evaluation.schema";
import { courseSurvey } from "~/domain/evaluation/survey-queries.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm, translateMessage } from "~/utils/validation";

const SurveyParams = z.object({ courseId: Id });

// Someone who did not attend learns why, inside the layout.
export function ErrorBoundary() {
  const { t } = useTranslation();
  return <GeneralErrorBoundary statusHandlers={{ 403: () => t("evaluation.survey.notInvited") }} />;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, SurveyParams);
  const { user } = await requirePermission(request, "answer:course-survey");
  const survey = await courseSurvey(courseId, user.id);
  invariantResponse(survey, "Not found", { status: 404 });
  invariantResponse(survey.invited, "Forbidden", { status: 403 });
  return { course: survey.course, answer: survey.answer };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { courseId } = getParams(params, SurveyParams);
  const { actor } = await requireActor(request, "answer:course-survey");
  // Whoever was not asked is refused whatever they send; the use-case checks again inside its transaction.
  const survey = await courseSurvey(courseId, actor.id);
  invariantResponse(survey, "Not found", { status: 404 });
  invariantResponse(survey.invited, "Forbidden", { status: 403 });
  const form = parseForm(SurveyAnswerSchema, await request.formData());
  if (!form.ok) return invalid({ ...form, errors: { _form: "evaluation.errors.fixBelow", ...form.errors } });
  return respond(await answerCourseSurvey(actor, courseId, form.data), {
    form,
    redirectTo: `/course-surveys/${courseId}`,
    flash: { message: "evaluation.survey.thanks", tone: "success" },
  });
}

export default function CourseSurveyPage() {
  const { t } = useTranslation();
  const { course, answer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const format = useFormat();
  const values = actionData?.values ?? {};
  const { register, onSubmit, errorOf } = useSchemaForm(SurveyAnswerSchema, {
    defaultValues: values,
    serverErrors: actionData?.errors,
  });
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <div>
        <p className="text-sm text-slate-500">{t("evaluation.survey.formName")}</p>
        <h1 className="page-title">{t("evaluation.survey.heading")}</h1>
      </div>
      <CourseHeading course={course} />
      {answer ? (
        <section className="space-y-4" aria-labelledby="answered">
          {/* A second answer (another tab, a double tap) lands here with its refusal above the first one. */}
          <FormAlert message={actionData?.errors?._form} tone="info" />
          <p id="answered" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
            {t("evaluation.survey.answeredAt", { at: format.dateTime(answer.submittedAt) })}
          </p>
          <dl className="card divide-y divide-slate-100 px-4">
            {QUESTIONS.map((q) => (
              <GivenScore key={q} question={q} score={answer.scores[q]} />
            ))}
            <div className="py-2">
              <dt className="text-sm text-slate-600">{t("evaluation.survey.yourComment")}</dt>
              <dd className="mt-1 whitespace-pre-wrap text-sm">
                {answer.comment || <span className="text-slate-400">{t("evaluation.survey.noComment")}</span>}
              </dd>
            </div>
          </dl>
          <Link to="/home" className="btn-secondary">
            {t("evaluation.survey.backHome")}
          </Link>
        </section>
      ) : (
        <Form method="post" className="space-y-4" onSubmit={onSubmit} noValidate>
          <p className="text-sm text-slate-600">{t("evaluation.survey.intro")}</p>
          <FormAlert message={actionData?.errors?._form} />
          {QUESTIONS.map((q, i) => (
            <ScorePicker key={q} question={q} number={i + 1} chosen={text(values[q])} error={errorOf(q)} />
          ))}
          <div className="card space-y-2 p-4">
            <label htmlFor="comment" className="font-medium">
              {t("evaluation.survey.comment")}
            </label>
            <textarea
              id="comment"
              rows={4}
              maxLength={COMMENT_MAX}
              className="input"
              aria-describedby="comment-hint"
              aria-invalid={Boolean(errorOf("comment"))}
              {...register("comment")}
            />
            <p id="comment-hint" className={`text-xs ${errorOf("comment") ? "text-red-600" : "text-slate-500"}`}>
              {translateMessage(t, errorOf("comment")) ?? t("evaluation.survey.commentHint", { max: COMMENT_MAX })}
            </p>
          </div>
          <button type="submit" className="btn-primary w-full py-3 text-base sm:w-auto" disabled={busy}>
            {busy ? t("evaluation.survey.submitting") : t("evaluation.survey.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
