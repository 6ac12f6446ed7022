import { tzOffset } from "@date-fns/tz";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { KeysetPagination } from "~/components/keyset-pagination";
import { useFormat } from "~/components/use-format";
import { AuditQuerySchema, listAuditEntries } from "~/domain/audit/audit-queries.server";
import { summaryView } from "~/domain/audit/audit-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit");
  const query = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { timeZone } = await getSettings();
  return { query, ...(await listAuditEntries(query, tzOffset(timeZone, now()))) };
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { entries, next, previous, query, actions } = useLoaderData<typeof loader>();
  const format = useFormat();
  const label = (action: string) => (i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action);
  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("audit.title")}</h1>
      <p className="text-sm text-slate-500">{t("audit.intro")}</p>
      <Form method="get" className="card grid gap-3 p-3 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_9rem_9rem_auto]">
        <select name="action" defaultValue={query.action ?? ""} className="input" aria-label={t("audit.fields.action")}>
          <option value="">{t("audit.allActions")}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {label(a)}
            </option>
          ))}
        </select>
        <input
          name="actor"
          defaultValue={query.actor ?? ""}
          className="input"
          placeholder={t("audit.fields.actor")}
          aria-label={t("audit.fields.actor")}
        />
        <input name="from" type="date" defaultValue={query.from ?? ""} className="input" aria-label={t("audit.from")} />
        <input name="to" type="date" defaultValue={query.to ?? ""} className="input" aria-label={t("audit.to")} />
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
      </Form>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>{t("audit.fields.at")}</th>
              <th>{t("audit.fields.actor")}</th>
              <th>{t("audit.fields.action")}</th>
              <th>{t("audit.fields.entity")}</th>
              <th>{t("audit.fields.details")}</th>
              <th>{t("common.reason")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="text-xs text-slate-600">{format.dateTime(e.at)}</td>
                <td className="font-mono text-xs">{e.actorEmployeeNo ?? t("audit.system")}</td>
                <td>{label(e.action)}</td>
                <td className="whitespace-normal text-xs text-slate-600">
                  {i18n.exists(`audit.entities.${e.entityType}`) ? t(`audit.entities.${e.entityType}`) : e.entityType}
                  {e.entityLabel ? (
                    <span className="ml-1 text-slate-900" data-testid="entity-label">
                      {e.entityLabel}
                    </span>
                  ) : e.entityId ? (
                    <span className="ml-1 font-mono text-slate-400">{e.entityId.slice(0, 14)}</span>
                  ) : null}
                </td>
                <td className="max-w-xs whitespace-normal text-xs text-slate-600">
                  <Summary summary={e.summary} />
                </td>
                <td className="whitespace-normal text-xs">{e.reason ?? ""}</td>
              </tr>
            ))}
            {entries.length === 0 ? (
              <tr>
                <td colSpan={6} className="py-8 text-center text-slate-500">
                  {t("audit.empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <KeysetPagination next={next} previous={previous} />
    </div>
  );
}

/** The summary as "key: value" lines for the keys the page can name; anything else as JSON, folded. */
function Summary({ summary }: { summary: unknown }) {
  const { t, i18n } = useTranslation();
  const view = summaryView(summary, (key) => i18n.exists(`audit.summary.${key}`));
  return (
    <>
      {view.lines.length ? (
        <dl className="space-y-0.5">
          {view.lines.map((line) => (
            <div key={line.key} className="flex gap-1">
              <dt className="shrink-0 text-slate-500">
                {t("audit.summaryLine", { label: t(`audit.summary.${line.key}`) })}
              </dt>
              <dd className="break-all">{line.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {view.rest ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-slate-400">{t("audit.moreDetails")}</summary>
          <pre className="whitespace-pre-wrap break-all font-mono text-[11px] text-slate-500">
            {JSON.stringify(view.rest, null, 1).slice(0, 2_000)}
          </pre>
        </details>
      ) : null}
    </>
  );
}
