import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { BlueprintForm } from "~/components/quiz/blueprint-form";
import { blueprintRules, getBlueprint } from "~/domain/quiz/blueprint-queries.server";
import { BlueprintFormSchema } from "~/domain/quiz/blueprint.schema";
import { saveBlueprint } from "~/domain/quiz/save-blueprint.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuizParams = z.object({ quizId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { quizId } = getParams(params, QuizParams);
  await requirePermission(request, "manage:quiz");
  const quiz = await getBlueprint(quizId);
  invariantResponse(quiz, "Not found", { status: 404 });
  return { quiz, rules: await blueprintRules() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { quizId } = getParams(params, QuizParams);
  const { actor } = await requireActor(request, "manage:quiz");
  const form = parseForm(BlueprintFormSchema, await request.formData());
  if (!form.ok) return invalid(form);
  return respond(await saveBlueprint(actor, quizId, form.data), {
    form,
    redirectTo: `/quiz/blueprints/${quizId}`,
    flash: "common.saved",
  });
}

export default function BlueprintPage() {
  const { t } = useTranslation();
  const { quiz, rules } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/quiz/questions" className="btn-link">
        ← {t("quiz.questions.title")}
      </Link>
      <h1 className="page-title">{t("quiz.blueprint.title")}</h1>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>
          {t("quiz.blueprint.fields.code")}: <span className="font-mono">{quiz.code}</span>
        </span>
        {quiz.grantsCertification ? (
          <span className="badge bg-brand-50 text-brand-700">{t("quiz.blueprint.grantsCertification")}</span>
        ) : null}
      </p>
      <BlueprintForm
        isNew={false}
        rules={rules}
        values={actionData?.values ?? quiz.values}
        errors={actionData?.errors}
        submitLabel={t("common.save")}
      />
    </div>
  );
}
