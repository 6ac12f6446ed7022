import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";
import type { Concern } from "~/domain/budget/training-budget-rules";
import type { FieldErrors, FormValues } from "~/utils/validation";

import { ConcernList } from "./concern-list";

/**
 * Submitting a course that is over budget or clashes: the drafter ticks that they know and says why it goes
 * ahead. The approver reads both. Refused, the form shows what was typed.
 */
export function AcknowledgedSubmit({
  concerns,
  revision,
  errors,
  values,
}: {
  concerns: Concern[];
  revision: number;
  errors?: FieldErrors | null;
  values?: FormValues | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const text = (name: string) => (typeof values?.[name] === "string" ? (values[name] as string) : "");
  return (
    <section
      className="card space-y-3 border-amber-300 bg-amber-50 p-4 print:hidden"
      aria-label={t("budget.ack.title")}
    >
      <h2 className="font-semibold text-amber-900">{t("budget.ack.title")}</h2>
      <p className="text-sm text-amber-900">{t("budget.ack.intro")}</p>
      <div className="text-amber-900">
        <ConcernList concerns={concerns} />
      </div>
      <FormAlert message={errors?._form} />
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="SUBMIT" />
        <input type="hidden" name="revision" value={revision} />
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="acknowledged"
            className="mt-0.5"
            defaultChecked={values?.acknowledged === "on"}
            aria-describedby={errors?.acknowledged ? "acknowledged-error" : undefined}
          />
          <span>{t("budget.ack.checkbox")}</span>
        </label>
        {errors?.acknowledged ? (
          <p id="acknowledged-error" role="alert" className="text-xs text-red-600">
            {t(errors.acknowledged)}
          </p>
        ) : null}
        <Field label={t("budget.ack.reason")} name="acknowledgement" error={errors?.acknowledgement}>
          <textarea
            id="acknowledgement"
            name="acknowledgement"
            rows={2}
            maxLength={500}
            className="input w-full"
            defaultValue={text("acknowledgement")}
          />
        </Field>
        <Field label={t("workflow.noteLabel.SUBMIT")} name="reason" error={errors?.reason}>
          <input id="reason" name="reason" maxLength={500} className="input w-full" defaultValue={text("reason")} />
        </Field>
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
          {t("budget.ack.submit")}
        </button>
      </Form>
    </section>
  );
}

type Acknowledgement = {
  concerns: Concern[];
  reason: string;
  actorName: string;
  actorEmployeeNo: string;
  at: string | Date;
  revision: number;
};

/** What the drafter acknowledged when submitting this revision, for the approver deciding it. */
export function AcknowledgementNotice({ ack }: { ack: Acknowledgement }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card space-y-2 border-amber-300 bg-amber-50 p-4" aria-label={t("budget.ack.given")}>
      <h2 className="font-semibold text-amber-900">{t("budget.ack.given")}</h2>
      <p className="text-sm text-amber-900">
        {t("budget.ack.by", {
          name: ack.actorName,
          employeeNo: ack.actorEmployeeNo,
          at: format.dateTime(ack.at),
          revision: ack.revision,
        })}
      </p>
      <div className="text-amber-900">
        <ConcernList concerns={ack.concerns} />
      </div>
      <p className="whitespace-pre-line text-sm">{t("budget.ack.reasonLine", { reason: ack.reason })}</p>
    </section>
  );
}
