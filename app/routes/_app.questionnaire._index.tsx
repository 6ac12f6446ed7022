import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import { questionnairesFor } from "~/domain/needs/needs-queries.server";
import { isAnswerable } from "~/domain/needs/needs-rules";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "answer:needs-questionnaire");
  const at = now();
  const surveys = await questionnairesFor(user.id);
  return { surveys: surveys.map((s) => ({ ...s, open: isAnswerable(s, at) })) };
}

export default function QuestionnairesPage() {
  const { t } = useTranslation();
  const { surveys } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("needs.questionnaire.title")}</h1>
      <p className="text-sm text-slate-500">{t("needs.questionnaire.intro")}</p>
      <ul className="space-y-3">
        {surveys.map((s) => (
          <li key={s.id} className="card flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <p className="font-medium">{t("needs.questionnaire.name", { year: s.year })}</p>
              <p className="text-xs text-slate-500">
                {s.answeredAt
                  ? t("needs.questionnaire.answeredAt", { at: format.dateTime(s.answeredAt) })
                  : s.open
                    ? t("needs.deadlineIs", { at: format.dateTime(s.deadline) })
                    : t("needs.questionnaireClosed")}
              </p>
            </div>
            {!s.answeredAt && s.open ? (
              <Link to={`/questionnaire/${s.id}`} className="btn-primary">
                {t("needs.questionnaire.answer")}
              </Link>
            ) : null}
          </li>
        ))}
        {surveys.length === 0 ? (
          <li className="card p-8 text-center text-sm text-slate-500">{t("needs.questionnaire.none")}</li>
        ) : null}
      </ul>
    </div>
  );
}
