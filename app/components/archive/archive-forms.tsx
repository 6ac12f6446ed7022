import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ConfirmAction } from "~/components/confirm";
import { FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { OUTCOMES, SCAN_ACCEPT } from "~/domain/archive/archive-rules";
import type { FormFailure } from "~/utils/route.server";
import { translateMessage } from "~/utils/validation";

import type { ArchivePageData } from "./session-archive";

type Rows = ArchivePageData["rows"];

/** Closing the roster: refused up front when the session has not ended; the unmarked need the clerk's tick. */
export function ClosePanel({ page, failure }: { page: ArchivePageData; failure: FormFailure | null }) {
  const { t } = useTranslation();
  const unmarked = page.counts.unmarked;
  if (page.refusal === "archive.close.notEnded" || page.refusal === "archive.close.cancelled")
    return <FormAlert tone="info" message={page.refusal} />;
  return (
    <section className="card space-y-2 p-4" aria-labelledby="close-heading">
      <h2 id="close-heading" className="text-base font-semibold text-slate-800">
        {t("archive.close.heading")}
      </h2>
      <p className="text-sm text-slate-600">{t("archive.close.intro")}</p>
      {unmarked > 0 ? (
        <p className="text-sm font-medium text-amber-800">{t("archive.close.unmarkedHint", { count: unmarked })}</p>
      ) : null}
      <FormAlert message={failure?.errors._form} />
      <ConfirmAction
        label={t("archive.close.button")}
        question={t("archive.close.question", { total: page.rows.length })}
        consequences={[t("archive.close.consequenceRecords"), t("archive.close.consequenceLock")]}
        confirmLabel={t("archive.close.confirm")}
        fields={{ intent: "close" }}
        tone="primary"
        trigger="primary"
        open={failure !== null}
      >
        {unmarked > 0 ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="unmarkedAsAbsent" value="on" className="mt-0.5" />
            <span>{t("archive.close.unmarkedAsAbsent", { count: unmarked })}</span>
          </label>
        ) : null}
      </ConfirmAction>
    </section>
  );
}

/** An amendment: the person's record, the new outcome, and why (required). */
export function AmendForm({ rows, failure }: { rows: Rows; failure: FormFailure | null }) {
  const { t } = useTranslation();
  const value = (name: string) => {
    const v = failure?.values[name];
    return typeof v === "string" ? v : "";
  };
  const error = (name: string) => translateMessage(t, failure?.errors[name]);
  const records = rows.filter((r) => r.record);
  // A new amendment remounts the form, so what was just saved is not left typed in it.
  const saved = records.reduce((n, r) => n + r.record!.amendments.length, 0);
  return (
    <Form key={saved} method="post" className="card space-y-3 p-4" aria-labelledby="amend-heading">
      <p className="text-sm text-slate-600">
        <input type="hidden" name="intent" value="amend" />
        {t("archive.amend.intro")}
      </p>
      <FormAlert message={failure?.errors._form} />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="label" htmlFor="amend-record">
          {t("archive.amend.person")}
          <select id="amend-record" name="recordId" className="input mt-1" defaultValue={value("recordId")} required>
            <option value="">{t("archive.amend.pickPerson")}</option>
            {records.map((r) => (
              <option key={r.record!.id} value={r.record!.id}>
                {r.employeeNo} {r.name} · {t(`archive.outcomes.${r.record!.outcome}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="label" htmlFor="amend-outcome">
          {t("archive.amend.outcome")}
          <select
            id="amend-outcome"
            name="outcome"
            className="input mt-1"
            defaultValue={value("outcome")}
            aria-invalid={Boolean(error("outcome"))}
            required
          >
            <option value="">{t("archive.amend.pickOutcome")}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`archive.outcomes.${o}`)}
              </option>
            ))}
          </select>
          {error("outcome") ? <span className="mt-1 block text-xs text-red-600">{error("outcome")}</span> : null}
        </label>
      </div>
      <label className="label block" htmlFor="amend-reason">
        {t("archive.amend.reason")}
        <textarea
          id="amend-reason"
          name="reason"
          rows={2}
          maxLength={500}
          className="input mt-1"
          defaultValue={value("reason")}
          aria-invalid={Boolean(error("reason"))}
          required
        />
        {error("reason") ? (
          <span role="alert" className="mt-1 block text-xs text-red-600">
            {error("reason")}
          </span>
        ) : null}
      </label>
      <button type="submit" className="btn-primary">
        {t("archive.amend.submit")}
      </button>
    </Form>
  );
}

export function AmendmentHistory({ rows }: { rows: Rows }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amended = rows.filter((r) => (r.record?.amendments.length ?? 0) > 0);
  if (amended.length === 0) return <p className="text-sm text-slate-500">{t("archive.amend.noneYet")}</p>;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-700">{t("archive.amend.history")}</h3>
      <ul className="space-y-2">
        {amended.flatMap((r) =>
          r.record!.amendments.map((a) => (
            <li key={a.id} className="card p-3 text-sm">
              <p className="font-medium text-slate-900">
                {t("archive.amend.who", { employeeNo: r.employeeNo, name: r.name })}
                {t("archive.amend.change", {
                  from: t(`archive.outcomes.${a.fromOutcome}`),
                  to: t(`archive.outcomes.${a.toOutcome}`),
                  fromMinutes: a.fromMinutes,
                  toMinutes: a.toMinutes,
                })}
              </p>
              <p className="text-slate-700">{t("archive.amend.because", { reason: a.reason })}</p>
              <p className="text-xs text-slate-500">
                {a.by} · {format.dateTime(a.at)}
              </p>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The scans of the paper sheet: kept with the session before or after closing. */
export function ScansPanel({ page, failure }: { page: ArchivePageData; failure: FormFailure | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fileError = translateMessage(t, failure?.errors.file ?? failure?.errors._form);
  return (
    <section className="space-y-2" aria-labelledby="scans-heading">
      <h2 id="scans-heading" className="text-base font-semibold text-slate-800">
        {t("archive.scan.heading")}
      </h2>
      {page.scans.length === 0 ? (
        <p className="text-sm text-slate-500">{t("archive.scan.none")}</p>
      ) : (
        <ul className="card divide-y divide-slate-100">
          {page.scans.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <a
                href={`/sessions/${page.session.id}/scans/${s.id}`}
                className="break-all font-medium text-brand-700 hover:underline"
              >
                {s.fileName}
              </a>
              <span className="text-xs text-slate-500">
                {size(s.sizeBytes)} · {s.uploadedBy} · {format.dateTime(s.uploadedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" encType="multipart/form-data" className="card flex flex-wrap items-end gap-3 p-4">
        <input type="hidden" name="intent" value="uploadScan" />
        <label className="label" htmlFor="scan-file">
          {t("archive.scan.file")}
          <input id="scan-file" type="file" name="file" accept={SCAN_ACCEPT} required className="mt-1 block text-sm" />
          <span className="mt-1 block text-xs text-slate-500">{t("archive.scan.hint")}</span>
          {fileError ? (
            <span role="alert" className="mt-1 block text-xs text-red-600">
              {fileError}
            </span>
          ) : null}
        </label>
        <button type="submit" className="btn-secondary">
          {t("archive.scan.upload")}
        </button>
      </Form>
    </section>
  );
}
