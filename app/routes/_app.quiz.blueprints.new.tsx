import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { BlueprintForm } from "~/components/quiz/blueprint-form";
import { blueprintRules } from "~/domain/quiz/blueprint-queries.server";
import { NewQuizFormSchema } from "~/domain/quiz/blueprint.schema";
import { createQuiz } from "~/domain/quiz/create-quiz.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:quiz");
  const [rules, settings] = await Promise.all([blueprintRules(), getSettings()]);
  const values = {
    timeLimitMinutes: "30",
    passPercent: String(settings.defaultPassPercent),
    attemptsPerDay: "3",
    cooldownMinutes: "30",
    active: "on",
  };
  return { rules, values };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:quiz");
  const form = parseForm(NewQuizFormSchema, await request.formData());
  if (!form.ok) return invalid(form);
  return respond(await createQuiz(actor, form.data), {
    form,
    redirectTo: (created) => `/quiz/blueprints/${created.id}`,
    flash: "quiz.blueprint.created",
  });
}

export default function NewBlueprintPage() {
  const { t } = useTranslation();
  const { rules, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/quiz/questions" className="btn-link">
        ← {t("quiz.questions.title")}
      </Link>
      <h1 className="page-title">{t("quiz.blueprint.new")}</h1>
      <p className="text-sm text-slate-600">{t("quiz.blueprint.newHint")}</p>
      <BlueprintForm
        isNew
        rules={rules}
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        submitLabel={t("common.create")}
      />
    </div>
  );
}
