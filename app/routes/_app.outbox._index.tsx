import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { KeysetPagination } from "~/components/keyset-pagination";
import { OutboxStatusBadge } from "~/components/mail/outbox-status";
import { useFormat } from "~/components/use-format";
import { OUTBOX_STATUSES } from "~/domain/mail/delivery-rules";
import {
  listOutbox,
  mailStatus,
  outboxCounts,
  OutboxQuerySchema,
  type SmtpView,
} from "~/domain/mail/outbox-queries.server";
import { requirePermission } from "~/utils/auth.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox");
  const query = OutboxQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [counts, status, list] = await Promise.all([outboxCounts(), mailStatus(), listOutbox(query)]);
  return { query, counts, status, ...list };
}

function SmtpStatus({ smtp, lastError, worker }: { smtp: SmtpView; lastError: string | null; worker: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card space-y-2 p-4 text-sm" data-testid="smtp-status">
      <h2 className="font-semibold text-slate-800">{t("mail.smtp.title")}</h2>
      {smtp.state === "off" ? <p className="text-slate-600">{t("mail.smtp.off")}</p> : null}
      {smtp.state === "ready" ? (
        <p className="text-slate-600">{t("mail.smtp.ready", { server: smtp.server })}</p>
      ) : null}
      {smtp.state === "invalid" ? (
        <div className="text-red-700">
          <p>{t("mail.smtp.invalid")}</p>
          <ul className="list-inside list-disc">
            {smtp.problems.map((p) => (
              <li key={p.variable}>
                <code>{p.variable}</code>: {t(`mail.smtp.problems.${p.problem}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!worker ? <p className="text-slate-500">{t("mail.smtp.workerOff")}</p> : null}
      {lastError ? <p className="break-all text-red-700">{t("mail.smtp.lastError", { error: lastError })}</p> : null}
    </section>
  );
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const { query, counts, status, messages, total, next, previous } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("mail.title")}</h1>
      <p className="text-sm text-slate-500">{t("mail.intro")}</p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {OUTBOX_STATUSES.map((s) => (
          <Link key={s} to={`?status=${s}`} className="card p-3 text-center" data-testid={`count-${s}`}>
            <div className="text-2xl font-semibold text-slate-900">{counts[s]}</div>
            <div className="text-xs text-slate-500">{t(`mail.counts.${s}`)}</div>
          </Link>
        ))}
      </div>
      <SmtpStatus smtp={status.smtp} lastError={status.lastError} worker={status.worker} />
      <Form method="get" className="card grid gap-3 p-3 sm:grid-cols-[12rem_1fr_auto]">
        <select name="status" defaultValue={query.status ?? ""} className="input" aria-label={t("mail.fields.status")}>
          <option value="">{t("mail.filter.allStatuses")}</option>
          {OUTBOX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`mail.status.${s}`)}
            </option>
          ))}
        </select>
        <input
          name="q"
          defaultValue={query.q ?? ""}
          className="input"
          placeholder={t("mail.filter.search")}
          aria-label={t("mail.filter.search")}
        />
        <button type="submit" className="btn-secondary">
          {t("common.filter")}
        </button>
      </Form>
      <ul className="card divide-y divide-slate-100">
        {messages.map((m) => (
          <li key={m.id}>
            <Link to={`/outbox/${m.id}`} className="block space-y-1 p-3 hover:bg-slate-50">
              <div className="flex flex-wrap items-center gap-2">
                <OutboxStatusBadge status={m.status} />
                {m.icsMethod ? <span className="badge">{t("mail.invite.badge")}</span> : null}
                <span className="font-medium text-slate-900">{m.subject}</span>
              </div>
              <div className="flex flex-wrap gap-x-4 text-xs text-slate-500">
                <span>
                  {m.toName} &lt;{m.toAddress}&gt;
                </span>
                <span>{format.dateTime(m.createdAt)}</span>
                {m.attempts > 0 ? (
                  <span>
                    {t("mail.fields.attempts")}: {m.attempts}
                  </span>
                ) : null}
              </div>
            </Link>
          </li>
        ))}
        {messages.length === 0 ? <li className="py-8 text-center text-sm text-slate-500">{t("mail.empty")}</li> : null}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>{t("common.totalCount", { count: total })}</span>
        <KeysetPagination next={next} previous={previous} />
      </div>
    </div>
  );
}
