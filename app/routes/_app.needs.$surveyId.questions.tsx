import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { QUESTION_KINDS, QuestionSchema } from "~/domain/needs/needs.schema";
import { addQuestion, deleteQuestion } from "~/domain/needs/questionnaire.server";
import { db } from "~/utils/db.server";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/validation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:needs-survey");
  const survey = await db.needsSurvey.findUnique({ where: { id: params.surveyId! }, include: { questions: { orderBy: { position: "asc" } }, _count: { select: { responses: true } } } });
  if (!survey) throw new Response("Not found", { status: 404 });
  return { survey, locked: survey._count.responses > 0 || survey.status !== "OPEN" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs-survey");
  const actor = { id: user.id, employeeNo: user.employeeNo };
  const formData = await request.formData();
  const surveyId = params.surveyId!;
  if (formData.get("intent") === "delete") {
    const outcome = await deleteQuestion(actor, surveyId, String(formData.get("questionId") ?? ""));
    if (!outcome.ok) return data({ errors: { _form: outcome.error }, values: {} }, { status: 409 });
    return redirect(`/needs/${surveyId}/questions`);
  }
  const parsed = parseForm(QuestionSchema, formData);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await addQuestion(actor, surveyId, parsed.data);
  if (!outcome.ok) return data({ errors: { _form: outcome.error }, values: parsed.values }, { status: 409 });
  return redirect(`/needs/${surveyId}/questions`);
}

export default function QuestionsPage() {
  const { t } = useTranslation();
  const { survey, locked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, choice, onSubmit, errorOf } = useSchemaForm(QuestionSchema, { defaultValues: (actionData?.values as Record<string, string>) ?? { kind: "SINGLE", required: "on" }, serverErrors: actionData?.errors });
  return (
    <div className="space-y-5">
      <Link to={`/needs/${survey.id}`} className="btn-link">← {t("needs.surveyTitle", { year: survey.year })}</Link>
      <h1 className="page-title">{t("needs.questions.title")}</h1>
      <p className="text-sm text-slate-500">{locked ? t("needs.questions.locked") : t("needs.questions.hint")}</p>
      <FormAlert message={actionData?.errors?._form} />
      <ol className="space-y-2">
        {survey.questions.map((q, i) => (
          <li key={q.id} className="card flex items-start justify-between gap-3 p-4 text-sm">
            <div>
              <p className="font-medium">{i + 1}. {q.text} {q.required ? <span className="text-red-600">*</span> : null}</p>
              <p className="text-xs text-slate-500">{t(`needs.questionKinds.${q.kind}`)}{q.options.length ? ` · ${q.options.join(" / ")}` : ""}</p>
            </div>
            {!locked ? (
              <Form method="post"><input type="hidden" name="intent" value="delete" /><input type="hidden" name="questionId" value={q.id} /><button type="submit" className="text-sm text-red-600 hover:underline">{t("needs.questions.delete")}</button></Form>
            ) : null}
          </li>
        ))}
      </ol>
      {!locked ? (
        <Form method="post" onSubmit={onSubmit} noValidate className="card space-y-4 p-5">
          <h2 className="font-semibold">{t("needs.questions.add")}</h2>
          <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
            <Field label={t("needs.questions.kind")} name="kind" error={errorOf("kind")}>
              <select id="kind" className="input" {...register("kind")}>
                {QUESTION_KINDS.map((k) => <option key={k} value={k}>{t(`needs.questionKinds.${k}`)}</option>)}
              </select>
            </Field>
            <Field label={t("needs.questions.text")} name="text" error={errorOf("text")}>
              <input id="text" className="input" aria-invalid={Boolean(errorOf("text"))} {...register("text")} />
            </Field>
          </div>
          <Field label={t("needs.questions.options")} name="options" error={errorOf("options")} hint={t("needs.questions.optionsHint")}>
            <textarea id="options" rows={4} className="input" {...register("options")} />
          </Field>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" {...choice("required", "on")} />{t("needs.questions.required")}</label>
          <div className="flex justify-end"><button type="submit" className="btn-primary">{t("needs.questions.add")}</button></div>
        </Form>
      ) : null}
    </div>
  );
}
