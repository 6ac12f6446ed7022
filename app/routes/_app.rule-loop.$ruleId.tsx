import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Enforced, MissRate, RedLine } from "~/components/rule-loop/figures";
import { RuleCourses } from "~/components/rule-loop/rule-courses";
import { RuleDepartments } from "~/components/rule-loop/rule-departments";
import { RuleLoopFilter } from "~/components/rule-loop/rule-loop-filter";
import { renderText } from "~/domain/quiz/rule-text";
import { ruleLoopDetail } from "~/domain/rule-loop/rule-loop-page.server";
import { ruleLoopQuery } from "~/domain/rule-loop/rule-loop-params.server";
import { queryOf } from "~/domain/rule-loop/rule-loop-rules";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { useLocalized } from "~/utils/localized";
import { getParams, invariantResponse } from "~/utils/params";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const RuleParams = z.object({ ruleId: z.string().regex(/^[A-Z]{1,4}\d{1,2}$/) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Who asks comes first: a visitor who is not signed in goes to the login page whatever the rule id.
  const auth = await requirePermission(request, "read:rule-loop");
  const { ruleId } = getParams(params, RuleParams);
  const q = await ruleLoopQuery(new URL(request.url).searchParams, await departmentIdsInScope(auth));
  const detail = await ruleLoopDetail(ruleId, q.window, q.view);
  invariantResponse(detail, "Not found", { status: 404 });
  const c = (s: string) => renderText(s, q.companyName);
  return {
    ...detail,
    rule: { ...detail.rule, textZh: c(detail.rule.textZh), textEn: c(detail.rule.textEn) },
    year: q.year,
    department: q.view.picked,
    departmentChoices: q.view.choices.map((d) => ({ id: d.id, name: d.name })),
    scoped: q.view.scoped,
  };
}

export default function RuleLoopRulePage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const d = useLoaderData<typeof loader>();
  const figure = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-5">
      <Link to={`/rule-loop${queryOf({ year: d.year, department: d.department })}`} className="btn-link">
        ← {t("ruleLoop.title")}
      </Link>
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="page-title">
            <span className="font-mono">{d.rule.id}</span> {localized(d.rule.titleZh, d.rule.titleEn)}
          </h1>
          {d.rule.redLine ? <RedLine /> : null}
          <Enforced enforced={d.enforced} />
        </div>
        <p className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-700">
          {localized(d.rule.textZh, d.rule.textEn)}
        </p>
      </div>
      <RuleLoopFilter
        year={d.year}
        department={d.department}
        departments={d.departmentChoices}
        scoped={d.scoped}
        showSort={false}
      />
      <section className="card p-4" aria-labelledby="rule-totals">
        <h2 id="rule-totals" className="font-semibold">
          {t("ruleLoop.detail.totals", { year: d.year })}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-5">
          {figure(t("ruleLoop.cols.courses"), d.totals.courses)}
          {figure(t("ruleLoop.cols.questions"), d.totals.questions)}
          {figure(
            t("ruleLoop.cols.missRate"),
            <MissRate rate={d.totals.missRate} wrong={d.totals.wrong} answered={d.totals.answered} />,
          )}
          {figure(t("ruleLoop.cols.breaches"), d.totals.breaches)}
          {figure(t("ruleLoop.cols.enforced"), <Enforced enforced={d.enforced} />)}
        </dl>
      </section>
      <RuleDepartments rows={d.departments} />
      <RuleCourses courses={d.courses} />
    </div>
  );
}
