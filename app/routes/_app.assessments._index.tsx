import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { AssessmentList, ResultBadge, StandingBadge } from "~/components/assessment/assessment-parts";
import { KeysetPagination } from "~/components/keyset-pagination";
import { useFormat } from "~/components/use-format";
import {
  allForms,
  assessmentViewer,
  newHiresToAssess,
  signOffCount,
  waitingForSignOff,
} from "~/domain/assessment/assessment-queries.server";
import { assessmentTabs, type AssessmentTab } from "~/domain/assessment/assessment-rules";
import { requirePermission } from "~/utils/auth.server";
import { keysetQuery, NO_PAGE, pageLinks } from "~/utils/keyset";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  tab: z.string().max(20).optional().catch(undefined),
  ...keysetQuery,
});

// New hires to assess, forms waiting for a head's sign-off, and every form the viewer may read: each a keyset
// page at a time.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:assessment");
  const tabs = assessmentTabs(user.roles);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const cursor = { after: query.after, before: query.before };
  const viewer = await assessmentViewer(user);
  const waiting = tabs.includes("signOff") ? await signOffCount(viewer) : 0;
  // A head with forms to sign lands on them; an assessor on the new hires; leaders on every form.
  const tab: AssessmentTab =
    tabs.find((t) => t === query.tab) ?? (waiting > 0 ? "signOff" : tabs.includes("toAssess") ? "toAssess" : "all");
  const signOff = tab === "signOff" ? await waitingForSignOff(viewer, cursor) : NO_PAGE;
  const toAssess = tab === "toAssess" ? await newHiresToAssess(viewer, cursor) : NO_PAGE;
  return {
    tabs,
    tab,
    signOffCount: waiting,
    signOff: signOff.items,
    toAssess: toAssess.items,
    all: tab === "all" ? await allForms(viewer, cursor) : null,
    pages: { signOff: pageLinks(signOff), toAssess: pageLinks(toAssess) },
  };
}

export default function AssessmentsIndex() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tabs, tab, signOff, signOffCount: waiting, toAssess, all, pages } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-500">{t("assessment.formName")}</p>
        <h1 className="page-title">{t("assessment.title")}</h1>
      </div>
      <nav className="flex gap-1 overflow-x-auto border-b border-slate-200" aria-label={t("assessment.title")}>
        {tabs.map((name) => (
          <Link
            key={name}
            to={`/assessments?tab=${name}`}
            aria-current={name === tab ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              name === tab
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {t(`assessment.tabs.${name}`)}
            {name === "signOff" && waiting > 0 ? (
              <span className="badge ml-1 bg-amber-100 text-amber-800">{waiting}</span>
            ) : null}
          </Link>
        ))}
      </nav>
      {tab === "toAssess" ? (
        toAssess.length === 0 ? (
          <p className="card p-6 text-center text-sm text-slate-500">{t("assessment.empty.toAssess")}</p>
        ) : (
          <ul className="card divide-y divide-slate-100">
            {toAssess.map((p) => (
              <li
                key={p.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 text-sm"
                data-employee={p.employeeNo}
              >
                <div className="min-w-0 flex-1">
                  <span className="font-medium">{p.name}</span>{" "}
                  <span className="font-mono text-xs text-slate-500">{p.employeeNo}</span>
                  <span className="block text-xs text-slate-500">
                    {p.department} · {t("assessment.hired", { date: format.date(p.hireDate) })}
                  </span>
                </div>
                {p.latest ? (
                  <Link to={`/assessments/${p.latest.id}`} className="flex items-center gap-2 hover:underline">
                    <ResultBadge result={p.latest.result} />
                    <StandingBadge standing={p.latest.standing} />
                  </Link>
                ) : (
                  <span className="badge bg-slate-100 text-slate-600">{t("assessment.NO_PAGE")}</span>
                )}
                {!p.latest || p.latest.standing === "signedOff" ? (
                  <Link to={`/assessments/new?personId=${p.id}`} className="btn-secondary w-full sm:w-auto">
                    {t(p.latest ? "assessment.assessAgain" : "assessment.assess")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {tab === "toAssess" ? <KeysetPagination {...pages.toAssess} /> : null}
      {tab === "signOff" ? (
        <>
          <AssessmentList items={signOff} empty={t("assessment.empty.signOff")} />
          <KeysetPagination {...pages.signOff} />
        </>
      ) : null}
      {tab === "all" && all ? (
        <>
          <AssessmentList items={all.items} empty={t("assessment.empty.all")} />
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
            <span>{t("common.totalCount", { count: all.total })}</span>
            <KeysetPagination next={all.next} previous={all.previous} />
          </div>
        </>
      ) : null}
    </div>
  );
}
