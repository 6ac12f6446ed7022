import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormAlert } from "~/components/form";
import { db } from "~/utils/db.server";
import { listRules } from "~/domain/quiz/rule-queries.server";
import { blueprintFromForm, BlueprintSchema, saveBlueprint } from "~/domain/quiz/save-blueprint.server";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  const quiz = await db.quiz.findUnique({ where: { id: params.quizId ?? "" }, include: { draws: true } });
  if (!quiz) throw new Response("Not found", { status: 404 });
  const rules = await listRules();
  return { quiz, rules: rules.map((r) => ({ id: r.id, titleZh: r.current.titleZh, titleEn: r.current.titleEn, redLine: r.current.redLine, available: r.questionCount, count: quiz.draws.find((d) => d.ruleId === r.id)?.count ?? 0 })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:quiz");
  const form = await request.formData();
  const parsed = BlueprintSchema.safeParse(blueprintFromForm(form));
  if (!parsed.success) return data({ errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_form"), i.message])) }, { status: 400 });
  const outcome = await saveBlueprint(user, params.quizId ?? "", parsed.data);
  if (!outcome.ok) throw new Response("Not found", { status: 404 });
  return redirect(`/quiz/blueprints/${params.quizId}?saved=1`);
}

export default function BlueprintPage() {
  const { t, i18n } = useTranslation();
  const { quiz, rules } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  const [params] = useSearchParams();
  const total = rules.reduce((n, r) => n + r.count, 0);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/quiz/questions" className="btn-link">← {t("quiz.questions.title")}</Link>
      <h1 className="page-title">{t("quiz.blueprint.title")}</h1>
      {params.get("saved") ? <FormAlert tone="success" message="common.saved" /> : null}
      <FormAlert message={errors.draws ?? errors._form} />
      <Form method="post" className="card space-y-4 p-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("quiz.blueprint.fields.title")} name="title" error={errors.title}><input id="title" name="title" className="input" defaultValue={quiz.title} /></Field>
          <Field label={t("quiz.blueprint.fields.titleEn")} name="titleEn" error={errors.titleEn}><input id="titleEn" name="titleEn" className="input" defaultValue={quiz.titleEn} /></Field>
          <Field label={t("quiz.blueprint.fields.timeLimitMinutes")} name="timeLimitMinutes" error={errors.timeLimitMinutes}><input id="timeLimitMinutes" name="timeLimitMinutes" type="number" className="input" defaultValue={quiz.timeLimitMinutes} /></Field>
          <Field label={t("quiz.blueprint.fields.passPercent")} name="passPercent" error={errors.passPercent} hint={t("quiz.blueprint.redLineHint")}><input id="passPercent" name="passPercent" type="number" className="input" defaultValue={quiz.passPercent} /></Field>
          <Field label={t("quiz.blueprint.fields.attemptsPerDay")} name="attemptsPerDay" error={errors.attemptsPerDay}><input id="attemptsPerDay" name="attemptsPerDay" type="number" className="input" defaultValue={quiz.attemptsPerDay} /></Field>
          <Field label={t("quiz.blueprint.fields.cooldownMinutes")} name="cooldownMinutes" error={errors.cooldownMinutes}><input id="cooldownMinutes" name="cooldownMinutes" type="number" className="input" defaultValue={quiz.cooldownMinutes} /></Field>
        </div>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="active" defaultChecked={quiz.active} className="h-4 w-4" /> {t("quiz.blueprint.fields.active")}</label>
        <fieldset>
          <legend className="label">{t("quiz.blueprint.draws", { total })}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {rules.map((r) => (
              <label key={r.id} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
                <span className="w-10 font-mono text-xs">{r.id}</span>
                <span className="flex-1 truncate">{i18n.language === "en" ? r.titleEn : r.titleZh}{r.redLine ? ` · ${t("quiz.redLine")}` : ""}</span>
                <input type="number" name={`draw_${r.id}`} min={0} max={r.available} defaultValue={r.count} className="input w-16 py-1" aria-label={r.id} />
                <span className="w-10 text-xs text-slate-500">/ {r.available}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end"><button type="submit" className="btn-primary">{t("common.save")}</button></div>
      </Form>
    </div>
  );
}
