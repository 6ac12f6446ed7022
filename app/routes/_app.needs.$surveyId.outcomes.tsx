import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { NeedOutcomeForm, NeedOutcomeView } from "~/components/needs/need-outcome";
import { formatMonths } from "~/components/training/format";
import { markNeedOutcome } from "~/domain/needs/mark-need-outcome.server";
import { NEED_OUTCOMES } from "~/domain/needs/need-outcome-rules";
import { NeedOutcomeSchema } from "~/domain/needs/need-outcome.schema";
import { needOutcomes } from "~/domain/needs/needs-queries.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { messageKey, parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const OutcomesParams = z.object({ surveyId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { surveyId } = getParams(params, OutcomesParams);
  await requirePermission(request, "mark:need-outcome");
  const view = await needOutcomes(surveyId, null);
  invariantResponse(view, "Not found", { status: 404 });
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { surveyId } = getParams(params, OutcomesParams);
  const form = parseForm(NeedOutcomeSchema, await request.formData());
  const { actor } = await requireActor(request, "mark:need-outcome");
  if (!form.ok) return invalid({ ...form, intent: null });
  return respond(await markNeedOutcome(actor, surveyId, form.data), {
    form: { ...form, intent: null },
    redirectTo: `/needs/${surveyId}/outcomes#need-${form.data.needId}`,
    flash: "needs.notices.outcomeMarked",
  });
}

export default function NeedOutcomesPage() {
  const { t } = useTranslation();
  const { survey, plan, needs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failedNeed = typeof actionData?.values?.needId === "string" ? actionData.values.needId : null;
  const counts = Object.fromEntries(NEED_OUTCOMES.map((o) => [o, needs.filter((n) => n.outcome === o).length]));
  return (
    <div className="space-y-5">
      <Link to={`/needs/${survey.id}`} className="btn-link">
        ← {t("needs.surveyTitle", { year: survey.year })}
      </Link>
      <div>
        <h1 className="page-title">{t("needs.outcomes.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("needs.outcomes.intro")}</p>
        <p className="mt-1 text-sm font-medium" data-testid="outcome-counts">
          {t("needs.outcomes.counts", counts)}
        </p>
      </div>
      {plan ? (
        <p className="text-xs text-slate-500">
          {t("needs.outcomes.linkRule")}{" "}
          <Link to={`/plans/${plan.id}`} className="btn-link">
            {t("needs.outcomes.planLink", { year: survey.year })}
          </Link>
        </p>
      ) : (
        <FormAlert tone="info" message={messageKey("needs.outcomes.noPlan", { year: survey.year })} />
      )}
      {needs.length === 0 ? (
        <p className="card p-6 text-center text-sm text-slate-500">{t("needs.outcomes.empty")}</p>
      ) : null}
      <ol className="space-y-3">
        {needs.map((need, index) => (
          <li key={need.id} id={`need-${need.id}`} className="card p-4 text-sm">
            <p className="font-semibold">
              {index + 1}. {need.topic}
            </p>
            <p className="mt-0.5 text-xs text-slate-500">
              {[
                need.department,
                t(`training.categories.${need.category}`),
                t("plan.item.people", { count: need.headcount }),
                formatMonths(t, need.months),
                t("needs.priorityIs", { priority: t(`training.priority.${need.priority}`) }),
              ].join(" · ")}
            </p>
            <div className="mt-2">
              <NeedOutcomeView need={need} />
            </div>
            <details open={failedNeed === need.id}>
              <summary className="btn-link mt-2 cursor-pointer text-sm">{t("needs.outcomes.link")}</summary>
              <NeedOutcomeForm
                need={need}
                planItems={plan?.items ?? []}
                errors={failedNeed === need.id ? actionData?.errors : null}
                values={failedNeed === need.id ? actionData?.values : null}
              />
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
