import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { MARKED_OUTCOMES, type NeedOutcomeName } from "~/domain/needs/need-outcome-rules";
import type { FieldErrors } from "~/utils/validation";

const TONES: Record<NeedOutcomeName, string> = {
  PENDING: "bg-slate-100 text-slate-600",
  ADOPTED: "bg-emerald-100 text-emerald-800",
  MERGED: "bg-sky-100 text-sky-800",
  NOT_ADOPTED: "bg-red-100 text-red-700",
};

type Outcome = {
  outcome: NeedOutcomeName;
  outcomeReason: string | null;
  outcomeAt: string | Date | null;
  items: Array<{ id: string; title: string }>;
};

/** What became of a need: its outcome, the plan items answering it, or why it was not adopted. */
export function NeedOutcomeView({ need }: { need: Outcome }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="space-y-0.5 text-xs" data-testid="need-outcome">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-slate-500">
          {t("needs.outcomes.column")}
          {t("training.colon")}
        </span>
        <span className={`badge ${TONES[need.outcome]}`}>{t(`needs.outcomes.states.${need.outcome}`)}</span>
        {need.outcomeAt && need.outcome !== "PENDING" ? (
          <span className="text-slate-500">{t("needs.outcomes.markedAt", { at: format.date(need.outcomeAt) })}</span>
        ) : null}
      </p>
      {need.items.length > 0 ? (
        <p>{t("needs.outcomes.into", { items: need.items.map((i) => i.title).join(t("training.itemSeparator")) })}</p>
      ) : null}
      {need.outcome === "NOT_ADOPTED" && need.outcomeReason ? (
        <p>
          <span className="text-slate-500">
            {t("needs.outcomes.reason")}
            {t("training.colon")}
          </span>
          {need.outcomeReason}
        </p>
      ) : null}
    </div>
  );
}

/** The training manager's form for one need: adopted or merged into an item, or not adopted with a reason. */
export function NeedOutcomeForm({
  need,
  planItems,
  errors,
  values,
}: {
  need: Outcome & { id: string; updatedAt: string | Date };
  planItems: Array<{ id: string; title: string }>;
  errors?: FieldErrors | null;
  values?: Record<string, unknown> | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const id = (field: string) => `${field}-${need.id}`;
  const chosen = (typeof values?.outcome === "string" ? values.outcome : null) ?? need.outcome;
  const item = (typeof values?.planItemId === "string" ? values.planItemId : null) ?? need.items[0]?.id ?? "";
  const reason = (typeof values?.reason === "string" ? values.reason : null) ?? need.outcomeReason ?? "";
  return (
    <Form method="post" className="mt-2 space-y-3 rounded-md border border-slate-200 p-3" noValidate>
      <input type="hidden" name="needId" value={need.id} />
      <input type="hidden" name="updatedAt" value={new Date(need.updatedAt).toISOString()} />
      <FormAlert message={errors?._form} />
      <fieldset>
        <legend className="label">{t("needs.outcomes.column")}</legend>
        <div className="flex flex-wrap gap-4">
          {MARKED_OUTCOMES.map((o) => (
            <label key={o} className="flex items-center gap-2 text-sm">
              <input type="radio" name="outcome" value={o} defaultChecked={chosen === o} />
              {t(`needs.outcomes.states.${o}`)}
            </label>
          ))}
        </div>
        {errors?.outcome ? <FormAlert message={errors.outcome} /> : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("needs.outcomes.planItem")} name={id("planItemId")} error={errors?.planItemId}>
          <select id={id("planItemId")} name="planItemId" className="input" defaultValue={item}>
            <option value="">{t("plan.item.choose")}</option>
            {planItems.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("needs.outcomes.reason")} name={id("reason")} error={errors?.reason}>
          <input id={id("reason")} name="reason" className="input" defaultValue={reason} />
        </Field>
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("needs.outcomes.mark")}
        </button>
      </div>
    </Form>
  );
}
