// The preparation page's other panels: progress, the institution and its fee, what to bring, the override.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { fromUnits } from "~/domain/plan/fields";
import { translateMessage } from "~/utils/validation";

import type { Feedback } from "./preparation-checklist";

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

type Readiness = {
  done: number;
  total: number;
  percent: number;
  missing: Array<{ id: string; key: string | null; label: string }>;
  complete: boolean;
  overridden: boolean;
};

export function ProgressBar({ percent, complete }: { percent: number; complete: boolean }) {
  return (
    <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100" role="presentation">
      <div
        className={`h-full rounded-full ${complete ? "bg-emerald-500" : "bg-amber-500"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

/** A missing line's name: a standard line's catalog key, or the clerk's words. */
export function useMissingLabel() {
  const { t } = useTranslation();
  return (m: { key: string | null; label: string }) => (m.key ? t(m.label) : m.label);
}

export function ProgressPanel({ readiness }: { readiness: Readiness }) {
  const { t } = useTranslation();
  const label = useMissingLabel();
  return (
    <section className="card space-y-2 p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-semibold">{t("preparation.progress", readiness)}</p>
        {readiness.complete ? (
          <span className="badge bg-emerald-50 text-emerald-700">{t("preparation.complete")}</span>
        ) : readiness.overridden ? (
          <span className="badge bg-amber-50 text-amber-800">{t("preparation.overriddenBadge")}</span>
        ) : null}
      </div>
      <ProgressBar percent={readiness.percent} complete={readiness.complete} />
      {readiness.missing.length ? (
        <p className="text-sm text-slate-600">
          {t("preparation.labelled", {
            label: t("preparation.cols.missing"),
            value: readiness.missing.map(label).join(t("preparation.listSeparator")),
          })}
        </p>
      ) : null}
    </section>
  );
}

export function InstitutionPanel({
  course,
  delivery,
  editable,
  feedback,
}: {
  course: {
    externalOrg: string | null;
    externalLecturer: string | null;
    externalContact: string | null;
    budgetedFeeFen: number;
  };
  delivery: { institutionContact: string | null; agreedFeeFen: number | null; differenceFen: number | null };
  editable: boolean;
  feedback: Feedback;
}) {
  const { t } = useTranslation();
  const errors = feedback?.errors;
  const values = feedback?.values;
  const diff = delivery.differenceFen;
  return (
    <section className="card space-y-3 p-4 sm:p-5">
      <h2 className="font-semibold">{t("preparation.institution.title")}</h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">{t("preparation.institution.org")}</dt>
          <dd>{course.externalOrg ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("preparation.institution.lecturer")}</dt>
          <dd>{course.externalLecturer ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("preparation.institution.courseContact")}</dt>
          <dd>{course.externalContact ?? "—"}</dd>
        </div>
      </dl>
      <div className="grid gap-2 rounded-md bg-slate-50 p-3 text-sm sm:grid-cols-3">
        <div>
          <p className="text-slate-500">{t("preparation.institution.budgeted")}</p>
          <p className="tabular-nums">{formatYuan(course.budgetedFeeFen)}</p>
        </div>
        <div>
          <p className="text-slate-500">{t("preparation.institution.agreed")}</p>
          <p className="tabular-nums">
            {delivery.agreedFeeFen === null
              ? t("preparation.institution.notAgreed")
              : formatYuan(delivery.agreedFeeFen)}
          </p>
        </div>
        <div>
          <p className="text-slate-500">{t("preparation.institution.difference")}</p>
          {diff === null ? (
            <p>—</p>
          ) : diff === 0 ? (
            <p className="text-emerald-700">{t("preparation.institution.same")}</p>
          ) : (
            <p className={`font-semibold tabular-nums ${diff > 0 ? "text-red-700" : "text-emerald-700"}`}>
              {t(diff > 0 ? "preparation.institution.over" : "preparation.institution.under", {
                amount: formatYuan(Math.abs(diff)),
              })}
            </p>
          )}
        </div>
      </div>
      {editable ? (
        <Form method="post" className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
          <input type="hidden" name="intent" value="institution" />
          <Field
            label={t("preparation.institution.contact")}
            name="institutionContact"
            error={errors?.institutionContact}
          >
            <input
              id="institutionContact"
              name="institutionContact"
              defaultValue={text(values?.institutionContact) ?? delivery.institutionContact ?? ""}
              maxLength={200}
              className="input w-full"
            />
          </Field>
          <Field label={t("preparation.institution.agreedFee")} name="agreedFee" error={errors?.agreedFee}>
            <input
              id="agreedFee"
              name="agreedFee"
              inputMode="decimal"
              defaultValue={
                text(values?.agreedFee) ?? (delivery.agreedFeeFen === null ? "" : fromUnits(delivery.agreedFeeFen, 2))
              }
              className="input w-full"
            />
          </Field>
          <button type="submit" className="btn-primary">
            {t("preparation.institution.save")}
          </button>
          <p className="text-xs text-slate-500 sm:col-span-3">{t("preparation.institution.agreedFeeHint")}</p>
          {errors?._form ? (
            <div className="sm:col-span-3">
              <FormAlert message={errors._form} />
            </div>
          ) : null}
        </Form>
      ) : delivery.institutionContact ? (
        <p className="text-sm">
          {t("preparation.labelled", {
            label: t("preparation.institution.contact"),
            value: delivery.institutionContact,
          })}
        </p>
      ) : null}
    </section>
  );
}

export function BringItemsPanel({
  bringItems,
  editable,
  feedback,
}: {
  bringItems: string;
  editable: boolean;
  feedback: Feedback;
}) {
  const { t } = useTranslation();
  const errors = feedback?.errors;
  return (
    <section className="card space-y-2 p-4 sm:p-5">
      <h2 className="font-semibold">{t("preparation.bring.title")}</h2>
      {editable ? (
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="bringItems" />
          <Field
            label={t("preparation.bring.title")}
            name="bringItems"
            error={errors?.bringItems ?? errors?._form}
            hint={t("preparation.bring.hint")}
          >
            <textarea
              id="bringItems"
              name="bringItems"
              rows={2}
              maxLength={500}
              defaultValue={text(feedback?.values?.bringItems) ?? bringItems}
              className="input w-full"
            />
          </Field>
          <button type="submit" className="btn-secondary">
            {t("preparation.bring.save")}
          </button>
        </Form>
      ) : (
        <p className="whitespace-pre-line text-sm text-slate-700">{bringItems || "—"}</p>
      )}
    </section>
  );
}

export function OverridePanel({
  override,
  complete,
  editable,
  feedback,
}: {
  override: { reason: string; at: Date | string | null; byName: string | null } | null;
  complete: boolean;
  editable: boolean;
  feedback: Feedback;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errors = feedback?.errors;
  return (
    <section className="card space-y-2 border-amber-200 p-4 sm:p-5">
      <h2 className="font-semibold">{t("preparation.override.title")}</h2>
      {override ? (
        <p className="text-sm text-amber-800">
          {t("preparation.override.current", {
            name: override.byName ?? "",
            at: format.dateTime(override.at),
            reason: override.reason,
          })}
        </p>
      ) : (
        <p className="text-sm text-slate-500">{t("preparation.override.intro")}</p>
      )}
      {errors?._form ? <p className="text-sm text-red-700">{translateMessage(t, errors._form)}</p> : null}
      {editable && override ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdrawOverride" />
          <button type="submit" className="btn-secondary">
            {t("preparation.override.withdraw")}
          </button>
        </Form>
      ) : null}
      {editable && !override && !complete ? (
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="override" />
          <Field label={t("preparation.override.reason")} name="reason" error={errors?.reason}>
            <textarea
              id="reason"
              name="reason"
              rows={2}
              maxLength={500}
              defaultValue={text(feedback?.values?.reason)}
              className="input w-full"
            />
          </Field>
          <button type="submit" className="btn-primary">
            {t("preparation.override.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
