import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { QuestionForm } from "~/components/needs/question-form";
import { deleteQuestion } from "~/domain/needs/delete-question.server";
import { moveQuestion } from "~/domain/needs/move-question.server";
import { questionnaireSetup } from "~/domain/needs/needs-queries.server";
import { inReadersLanguage } from "~/domain/needs/needs-rules";
import { QuestionSchema } from "~/domain/needs/needs.schema";
import { saveQuestion } from "~/domain/needs/save-question.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { optionalText, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuestionsParams = z.object({ surveyId: Id });

// The page's forms, told apart by their `intent`; a save without a question id adds one.
const QuestionIntent = z.discriminatedUnion("intent", [
  QuestionSchema.safeExtend({ intent: z.literal("save"), questionId: optionalText(40) }),
  z.object({ intent: z.literal("delete"), questionId: Id }),
  z.object({ intent: z.literal("move"), questionId: Id, direction: z.enum(["up", "down"]) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId } = getParams(params, QuestionsParams);
  await requirePermission(request, "manage:needs-survey");
  const setup = await questionnaireSetup(surveyId);
  invariantResponse(setup, "Not found", { status: 404 });
  return setup;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { surveyId } = getParams(params, QuestionsParams);
  const { actor } = await requireActor(request, "manage:needs-survey");
  const form = parseIntent(await request.formData(), QuestionIntent);
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/needs/${surveyId}/questions` };
  switch (form.data.intent) {
    case "save":
      return respond(await saveQuestion(actor, surveyId, form.data.questionId ?? null, form.data), {
        ...done,
        flash: "needs.notices.questionSaved",
      });
    case "delete":
      return respond(await deleteQuestion(actor, surveyId, form.data.questionId), {
        ...done,
        flash: "needs.notices.questionDeleted",
      });
    case "move":
      // Back to the moved question, so a long list can be reordered step by step without scrolling.
      return respond(await moveQuestion(actor, surveyId, form.data.questionId, form.data.direction), {
        ...done,
        redirectTo: `/needs/${surveyId}/questions#question-${form.data.questionId}`,
      });
  }
}

export default function QuestionsPage() {
  const { t } = useTranslation();
  const { survey, questions, frozen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = frozen ? undefined : questions.find((q) => q.id === params.get("edit"));
  const saveErrors = actionData?.intent === "save" ? actionData.errors : null;
  const defaults = saveErrors
    ? actionData!.values
    : editing
      ? {
          kind: editing.kind,
          text: editing.text,
          options: editing.options.join("\n"),
          required: editing.required ? "on" : "",
        }
      : { kind: "SINGLE", required: "on" };
  return (
    <div className="space-y-5">
      <Link to={`/needs/${survey.id}`} className="btn-link">
        ← {t("needs.surveyTitle", { year: survey.year })}
      </Link>
      <h1 className="page-title">{t("needs.questions.title")}</h1>
      {frozen ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(`needs.questions.frozen.${frozen}`)}
        </p>
      ) : (
        <p className="text-sm text-slate-500">{t("needs.questions.hint")}</p>
      )}
      <FormAlert message={actionData?.errors._form} />
      <ol className="space-y-2">
        {questions
          .map((q) => inReadersLanguage(t, q))
          .map((q, i) => (
            <li
              key={q.id}
              id={`question-${q.id}`}
              className="card flex flex-col gap-3 p-4 text-sm sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="min-w-0">
                <p className="font-medium">
                  {i + 1}. {q.text} {q.required ? <span className="text-red-600">*</span> : null}
                </p>
                <p className="text-xs text-slate-500">
                  {t(`needs.questionKinds.${q.kind}`)}
                  {q.options.length ? ` · ${q.options.join(" / ")}` : ""}
                </p>
              </div>
              {!frozen ? (
                <div className="flex shrink-0 flex-wrap items-center gap-3">
                  <MoveButton
                    questionId={q.id}
                    direction="up"
                    disabled={i === 0}
                    label={t("needs.questions.moveUp", { number: i + 1 })}
                  />
                  <MoveButton
                    questionId={q.id}
                    direction="down"
                    disabled={i === questions.length - 1}
                    label={t("needs.questions.moveDown", { number: i + 1 })}
                  />
                  <Link to={`?edit=${q.id}#question-form`} className="btn-link">
                    {t("common.edit")}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="questionId" value={q.id} />
                    <button type="submit" className="text-sm font-medium text-red-600 hover:underline">
                      {t("needs.questions.delete")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
      </ol>
      {!frozen ? (
        <QuestionForm
          key={editing?.id ?? "new"}
          questionId={editing?.id ?? null}
          defaults={defaults}
          errors={saveErrors}
        />
      ) : null}
    </div>
  );
}

function MoveButton({
  questionId,
  direction,
  disabled,
  label,
}: {
  questionId: string;
  direction: "up" | "down";
  disabled: boolean;
  label: string;
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="btn-secondary px-2.5 py-1" disabled={disabled} aria-label={label} title={label}>
        {direction === "up" ? "↑" : "↓"}
      </button>
    </Form>
  );
}
