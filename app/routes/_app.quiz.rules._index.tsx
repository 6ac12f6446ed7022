import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import { listRules } from "~/domain/quiz/rule-queries.server";
import { renderText } from "~/domain/quiz/rule-text";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { useLocalized } from "~/utils/localized";
import { can } from "~/utils/permissions";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:rule");
  const [rules, settings] = await Promise.all([listRules(), getSettings()]);
  const c = (s: string) => renderText(s, settings.companyName);
  return {
    rules: rules.map((r) => ({
      id: r.id,
      group: r.group,
      version: r.currentVersion,
      questionCount: r.questionCount,
      changedAt: r.current.version > 1 ? r.current.effectiveAt : null,
      titleZh: r.current.titleZh,
      titleEn: r.current.titleEn,
      textZh: c(r.current.textZh),
      textEn: c(r.current.textEn),
      redLine: r.current.redLine,
    })),
    canManage: can(user.roles, "manage:quiz"),
  };
}

export default function RulesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { rules, canManage } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div>
        <h1 className="page-title">{t("quiz.rules.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("quiz.rules.intro")}</p>
      </div>
      {(["B", "OPS", "REC"] as const).map((group) => (
        <section key={group} className="card">
          <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">{t(`quiz.rules.groups.${group}`)}</h2>
          <ul className="divide-y divide-slate-100">
            {rules
              .filter((r) => r.group === group)
              .map((r) => (
                <li key={r.id} id={r.id} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-sm font-semibold text-brand-700">{r.id}</span>
                    <span className="font-medium">{localized(r.titleZh, r.titleEn)}</span>
                    {r.redLine ? <span className="badge bg-red-600 text-white">{t("quiz.redLine")}</span> : null}
                    <span className="badge bg-slate-100 text-slate-600">
                      {t("quiz.rules.version", { version: r.version })}
                    </span>
                    {r.changedAt ? (
                      <span className="text-xs text-amber-700">
                        {t("quiz.rules.changedAt", { date: format.date(r.changedAt) })}
                      </span>
                    ) : null}
                    {canManage ? (
                      <span className="ml-auto flex gap-3 text-sm">
                        <Link className="btn-link" to={`/quiz/questions?rule=${r.id}`}>
                          {t("quiz.rules.questions", { count: r.questionCount })}
                        </Link>
                        <Link className="btn-link" to={`/quiz/rules/${r.id}`}>
                          {t("quiz.rules.edit")}
                        </Link>
                      </span>
                    ) : null}
                  </div>
                  <p className="mt-1 text-sm leading-relaxed text-slate-700">{localized(r.textZh, r.textEn)}</p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
