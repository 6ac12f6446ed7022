// Splitting a course into batches (ADR 0025): the number of batches and the per-batch counts, with the form
// whose per-row batch selects sit in the session and attendee lists (`form="course-batches"`), so it all
// works without JavaScript.
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { MAX_BATCHES } from "~/domain/course/batch-rules";
import type { FieldErrors, FormValues } from "~/utils/validation";

export const BATCH_FORM = "course-batches";

export type BatchesView = {
  count: number;
  sizes: Array<{ n: number; attendees: number; sessions: number }>;
  version: string;
};

/** The batch select of one row (a session or an attendee), part of the batches form wherever it stands. */
export function BatchSelect({
  name,
  count,
  value,
  label,
}: {
  name: string;
  count: number;
  value: number | string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <select
      name={name}
      form={BATCH_FORM}
      defaultValue={String(value)}
      aria-label={label}
      className="input !w-auto py-1 text-sm"
    >
      {Array.from({ length: count }, (_, i) => (
        <option key={i + 1} value={i + 1}>
          {t("course.batches.batchN", { n: i + 1 })}
        </option>
      ))}
    </select>
  );
}

/** A row's batch as text, where nobody may change it. */
export function BatchBadge({ batch }: { batch: number }) {
  const { t } = useTranslation();
  return <span className="badge bg-sky-50 text-sky-700">{t("course.batches.batchN", { n: batch })}</span>;
}

export function BatchesPanel({
  batches,
  editable,
  feedback,
}: {
  batches: BatchesView;
  editable: boolean;
  feedback?: { errors?: FieldErrors | null; values?: FormValues | null };
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const errors = feedback?.errors ?? {};
  const typed = feedback?.values?.batchCount;
  return (
    <section className="card p-4" aria-labelledby="batches-title">
      <h2 id="batches-title" className="mb-1 font-semibold">
        {t("course.batches.title")}
      </h2>
      <p className="mb-2 text-sm text-slate-600">{t("course.batches.intro")}</p>
      {batches.count > 1 ? (
        <ul className="mb-3 flex flex-wrap gap-2 text-sm" data-testid="batch-sizes">
          {batches.sizes.map((b) => (
            <li key={b.n} className="rounded-md bg-slate-50 px-2 py-1 tabular-nums">
              {t("course.batches.summary", b)}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <Form method="post" id={BATCH_FORM} className="space-y-3">
          <input type="hidden" name="intent" value="saveBatches" />
          <input type="hidden" name="version" value={batches.version} />
          <FormAlert message={errors._form ?? errors.version} />
          <div className="flex flex-wrap items-end gap-3">
            <div className="w-32">
              <Field label={t("course.batches.count")} name="batchCount" error={errors.batchCount}>
                <input
                  id="batchCount"
                  name="batchCount"
                  type="number"
                  min={1}
                  max={MAX_BATCHES}
                  inputMode="numeric"
                  className="input"
                  defaultValue={typeof typed === "string" ? typed : String(batches.count)}
                />
              </Field>
            </div>
            <div className="flex flex-wrap gap-2 pb-5">
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("course.batches.save")}
              </button>
              <button type="submit" name="split" value="1" className="btn-secondary" disabled={busy}>
                {t("course.batches.split")}
              </button>
            </div>
          </div>
          <p className="text-xs text-slate-500">{t("course.batches.splitHint")}</p>
        </Form>
      ) : null}
    </section>
  );
}
