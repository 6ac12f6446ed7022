import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ProgressBar, useMissingLabel } from "~/components/delivery/preparation-panels";
import { KeysetPagination } from "~/components/keyset-pagination";
import { useFormat } from "~/components/use-format";
import { preparationList } from "~/domain/delivery/preparation-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { keysetQuery } from "~/utils/keyset";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const ListQuery = z.object({ past: z.string().optional().catch(undefined), ...keysetQuery });

// Whoever may read courses sees how ready they are (department heads: their departments' courses);
// only the clerk changes a checklist, on the course's preparation page.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:course");
  const query = ListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return preparationList({
    departmentIds: await departmentIdsInScope(auth),
    past: query.past === "1",
    after: query.after,
    before: query.before,
    timeZone: (await getSettings()).timeZone,
  });
}

const STATE_STYLE = {
  PREPARING: "bg-amber-50 text-amber-800",
  PUBLISHED: "bg-emerald-50 text-emerald-700",
  CANCELLED: "bg-slate-100 text-slate-500",
} as const;

export default function PreparationListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useMissingLabel();
  const { months, past, next, previous } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="page-title">{t("preparation.listTitle")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">{t("preparation.listIntro")}</p>
        </div>
        <Link to={past ? "/preparation" : "/preparation?past=1"} className="btn-secondary">
          {past ? t("preparation.hidePast") : t("preparation.showPast")}
        </Link>
      </div>
      {months.length === 0 ? <p className="card p-5 text-sm text-slate-500">{t("preparation.noCourses")}</p> : null}
      {months.map((m) => (
        <section key={`${m.year}-${m.month}`} className="card overflow-x-auto">
          <h2 className="px-4 pt-4 font-semibold">
            {m.year ? t("preparation.month", { year: m.year, month: m.month }) : t("preparation.noSession")}
          </h2>
          <table className="table mt-2">
            <thead>
              <tr>
                <th>{t("preparation.cols.course")}</th>
                <th>{t("preparation.cols.state")}</th>
                <th>{t("preparation.cols.firstSession")}</th>
                <th className="!text-right">{t("preparation.cols.attendees")}</th>
                <th>{t("preparation.cols.readiness")}</th>
                <th>{t("preparation.cols.missing")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {m.courses.map((c) => (
                <tr key={c.id}>
                  <td className="whitespace-normal">
                    <Link to={`/courses/${c.id}/preparation`} className="font-medium text-brand-700 hover:underline">
                      {c.title}
                    </Link>
                    <span className="block text-xs text-slate-500">{t(`preparation.kinds.${c.kind}`)}</span>
                  </td>
                  <td>
                    <span className={`badge ${STATE_STYLE[c.state]}`}>{t(`preparation.states.${c.state}`)}</span>
                    {c.readiness.overridden ? (
                      <span className="badge ml-1 bg-amber-50 text-amber-800">{t("preparation.overriddenBadge")}</span>
                    ) : null}
                  </td>
                  <td>{c.firstSession ? format.dateTime(c.firstSession) : "—"}</td>
                  <td className="text-right tabular-nums">{c.attendeeCount}</td>
                  <td className="min-w-32">
                    <span className="text-xs tabular-nums">{c.readiness.percent}%</span>
                    <ProgressBar percent={c.readiness.percent} complete={c.readiness.complete} />
                  </td>
                  <td className="whitespace-normal text-sm">
                    {c.readiness.missing.length ? (
                      c.readiness.missing.map(label).join(t("preparation.listSeparator"))
                    ) : (
                      <span className="text-emerald-700">{t("preparation.allDone")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <KeysetPagination next={next} previous={previous} />
    </div>
  );
}
