import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import { useLocalized } from "~/utils/localized";

import { MissRate, RedLine } from "./figures";

type Row = {
  ruleId: string;
  titleZh: string;
  titleEn: string;
  redLine: boolean;
  answered: number;
  wrong: number;
  missRate: number | null;
  breaches: number;
};
type Panel = { window: { from: string | Date; to: string | Date }; missed: Row[]; breached: Row[] };

/**
 * The rules most missed and most breached over the 12 months before the survey opened, each with a one-click
 * form (plain POST, no script needed) that turns it into a need or a requirement.
 */
export function RuleNeedsPanel({
  panel,
  scopeName,
  intent,
  buttonLabel,
}: {
  panel: Panel;
  scopeName: string;
  /** The form's intent; null shows the figures without buttons (a form that can no longer change). */
  intent: string | null;
  buttonLabel: string;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const format = useFormat();
  const busy = useNavigation().state === "submitting";
  const to = new Date(new Date(panel.window.to).getTime() - 1);
  const list = (title: string, rows: Row[]) => (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("ruleLoop.needs.none")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-sky-100">
          {rows.map((r) => (
            <li key={r.ruleId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <Link
                    to={`/rule-loop/${r.ruleId}`}
                    className="font-mono font-semibold text-brand-700 hover:underline"
                  >
                    {r.ruleId}
                  </Link>
                  <span>{localized(r.titleZh, r.titleEn)}</span>
                  {r.redLine ? <RedLine /> : null}
                </p>
                <p className="text-xs text-slate-600">
                  {t("ruleLoop.cols.missRate")}
                  {t("training.colon")}
                  <MissRate rate={r.missRate} wrong={r.wrong} answered={r.answered} /> · {t("ruleLoop.cols.breaches")}
                  {t("training.colon")}
                  <span className="tabular-nums">{r.breaches}</span>
                </p>
              </div>
              {intent ? (
                <Form method="post">
                  <input type="hidden" name="intent" value={intent} />
                  <input type="hidden" name="ruleId" value={r.ruleId} />
                  <button
                    type="submit"
                    className="btn-secondary whitespace-nowrap"
                    disabled={busy}
                    aria-label={`${buttonLabel} ${r.ruleId}`}
                  >
                    {buttonLabel}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <section className="card border-sky-200 bg-sky-50/40 p-4" aria-labelledby="rule-needs">
      <h2 id="rule-needs" className="font-semibold">
        {t("ruleLoop.needs.title", { scope: scopeName })}
      </h2>
      <p className="mt-1 text-xs text-slate-600">
        {t("ruleLoop.needs.window", { from: format.date(panel.window.from), to: format.date(to) })}
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {list(t("ruleLoop.needs.mostMissed"), panel.missed)}
        {list(t("ruleLoop.needs.mostBreached"), panel.breached)}
      </div>
    </section>
  );
}
