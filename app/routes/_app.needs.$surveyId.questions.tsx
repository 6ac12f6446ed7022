import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form";
import { QuestionForm } from "~/components/needs/question-form";
import { QuestionActionSchema, QuestionSchema } from "~/domain/needs/needs.schema";
import { questionnaireSetup } from "~/domain/needs/needs-queries.server";
import { inReadersLanguage } from "~/domain/needs/needs-rules";
import { deleteQuestion } from "~/domain/needs/delete-question.server";
import { moveQuestion } from "~/domain/needs/move-question.server";
import { saveQuestion } from "~/domain/needs/save-question.server";
import type { QuestionOutcome } from "~/domain/needs/questions-lock.server";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:needs-survey");
  const setup = await questionnaireSetup(params.surveyId!);
  if (!setup) throw new Response("Not found", { status: 404 });
  return setup;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs-survey");
  const actor = { id: user.id, employeeNo: user.employeeNo };
  const surveyId = params.surveyId!;
  const formData = await request.formData();
  const asked = parseForm(QuestionActionSchema, formData);
  if (!asked.ok) return data({ intent: null, errors: { _form: "validation.invalid" }, values: {} }, { status: 400 });
  const back = (outcome: QuestionOutcome, to: string, values: Record<string, string | string[]> = {}) =>
    outcome.ok ? redirect(`/needs/${surveyId}/questions${to}`) : data({ intent: asked.data.intent, errors: { _form: outcome.error } as Record<string, string>, values }, { status: outcome.status });
  const input = asked.data;
  switch (input.intent) {
    case "save": {
      const parsed = parseForm(QuestionSchema, formData);
      if (!parsed.ok) return data({ intent: input.intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      return back(await saveQuestion(actor, surveyId, input.questionId || null, parsed.data), "?notice=questionSaved", parsed.values);
    }
    case "delete":
      return back(await deleteQuestion(actor, surveyId, input.questionId), "?notice=questionDeleted");
    case "move":
      // Back to the moved question, so a long list can be reordered step by step without scrolling.
      return back(await moveQuestion(actor, surveyId, input.questionId, input.direction), `#question-${input.questionId}`);
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
    ? (actionData!.values as Record<string, string>)
    : editing
      ? { kind: editing.kind, text: editing.text, options: editing.options.join("\n"), required: editing.required ? "on" : "" }
      : { kind: "SINGLE", required: "on" };
  const notice = params.get("notice");
  return (
    <div className="space-y-5">
      <Link to={`/needs/${survey.id}`} className="btn-link">← {t("needs.surveyTitle", { year: survey.year })}</Link>
      <h1 className="page-title">{t("needs.questions.title")}</h1>
      {frozen ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t(`needs.questions.frozen.${frozen}`)}</p>
      ) : (
        <p className="text-sm text-slate-500">{t("needs.questions.hint")}</p>
      )}
      {notice ? <FormAlert tone="success" message={`needs.notices.${notice}`} /> : null}
      <FormAlert message={actionData?.errors._form} />
      <ol className="space-y-2">
        {questions.map((q) => inReadersLanguage(t, q)).map((q, i) => (
          <li key={q.id} id={`question-${q.id}`} className="card flex flex-col gap-3 p-4 text-sm sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <p className="font-medium">{i + 1}. {q.text} {q.required ? <span className="text-red-600">*</span> : null}</p>
              <p className="text-xs text-slate-500">{t(`needs.questionKinds.${q.kind}`)}{q.options.length ? ` · ${q.options.join(" / ")}` : ""}</p>
            </div>
            {!frozen ? (
              <div className="flex shrink-0 flex-wrap items-center gap-3">
                <MoveButton questionId={q.id} direction="up" disabled={i === 0} label={t("needs.questions.moveUp", { number: i + 1 })} />
                <MoveButton questionId={q.id} direction="down" disabled={i === questions.length - 1} label={t("needs.questions.moveDown", { number: i + 1 })} />
                <Link to={`?edit=${q.id}#question-form`} className="btn-link">{t("common.edit")}</Link>
                <Form method="post"><input type="hidden" name="intent" value="delete" /><input type="hidden" name="questionId" value={q.id} /><button type="submit" className="text-sm font-medium text-red-600 hover:underline">{t("needs.questions.delete")}</button></Form>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {!frozen ? <QuestionForm key={editing?.id ?? "new"} questionId={editing?.id ?? null} defaults={defaults} errors={saveErrors} /> : null}
    </div>
  );
}

function MoveButton({ questionId, direction, disabled, label }: { questionId: string; direction: "up" | "down"; disabled: boolean; label: string }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="btn-secondary px-2.5 py-1" disabled={disabled} aria-label={label} title={label}>{direction === "up" ? "↑" : "↓"}</button>
    </Form>
  );
}
