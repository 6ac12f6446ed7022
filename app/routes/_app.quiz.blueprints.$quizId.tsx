import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form";
import { BlueprintForm } from "~/components/quiz/blueprint-form";
import { BlueprintFormSchema } from "~/domain/quiz/blueprint.schema";
import { blueprintRules, getBlueprint } from "~/domain/quiz/blueprint-queries.server";
import { saveBlueprint } from "~/domain/quiz/save-blueprint.server";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  const quiz = await getBlueprint(params.quizId ?? "");
  if (!quiz) throw new Response("Not found", { status: 404 });
  return { quiz, rules: await blueprintRules() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:quiz");
  const parsed = parseForm(BlueprintFormSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await saveBlueprint(user, params.quizId ?? "", parsed.data);
  if (!outcome.ok && outcome.status === 404) throw new Response("Not found", { status: 404 });
  if (!outcome.ok) return data({ errors: { [outcome.field]: outcome.error }, values: parsed.values }, { status: outcome.status });
  return redirect(`/quiz/blueprints/${params.quizId}?saved=1`);
}

export default function BlueprintPage() {
  const { t } = useTranslation();
  const { quiz, rules } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/quiz/questions" className="btn-link">← {t("quiz.questions.title")}</Link>
      <h1 className="page-title">{t("quiz.blueprint.title")}</h1>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{t("quiz.blueprint.fields.code")}: <span className="font-mono">{quiz.code}</span></span>
        {quiz.grantsCertification ? <span className="badge bg-brand-50 text-brand-700">{t("quiz.blueprint.grantsCertification")}</span> : null}
      </p>
      {params.get("created") ? <FormAlert tone="success" message="quiz.blueprint.created" /> : params.get("saved") ? <FormAlert tone="success" message="common.saved" /> : null}
      <BlueprintForm isNew={false} rules={rules} values={actionData?.values ?? quiz.values} errors={actionData?.errors} submitLabel={t("common.save")} />
    </div>
  );
}
