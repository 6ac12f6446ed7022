import { useTranslation } from "react-i18next";
import { formatHours, formatMonths, formatYuan } from "~/components/training/format";
import type { FieldChange, PlanDiff } from "~/domain/plan/plan-rules";

/** What changed since the revision the leader sent back, so they need not reread the whole plan. */
export function PlanDiffView({ diff, rejection, needTitle }: { diff: PlanDiff; rejection: { revision: number; reason: string | null; actorName: string }; needTitle: (id: string) => string }) {
  const { t } = useTranslation();
  const show = (change: FieldChange, value: FieldChange["before"]) => {
    switch (change.field) {
      case "months": return formatMonths(t, value as number[]);
      case "budgetFen": return formatYuan(value as number);
      case "hoursTenths": return formatHours(value as number);
      case "category": return t(`training.categories.${value}`);
      case "delivery": return t(`training.delivery.${value}`);
      case "lecturerType": return t(`training.lecturer.${value}`);
      case "needIds": return (value as string[]).map(needTitle).join("；") || "—";
      default: return String(value);
    }
  };
  const empty = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <section className="card border-sky-200 p-4 text-sm" aria-label={t("plan.diff.title", { revision: rejection.revision })}>
      <h2 className="font-semibold">{t("plan.diff.title", { revision: rejection.revision })}</h2>
      <p className="mt-1 text-slate-600">{t("plan.diff.rejectedBecause", { name: rejection.actorName, reason: rejection.reason ?? "" })}</p>
      {empty ? <p className="mt-2 text-slate-500">{t("plan.diff.none")}</p> : (
        <ul className="mt-2 space-y-1.5">
          {diff.added.map((i) => <li key={`a${i.id}`}><span className="badge mr-2 bg-emerald-100 text-emerald-800">{t("plan.diff.added")}</span>{i.title}</li>)}
          {diff.removed.map((i) => <li key={`r${i.id}`}><span className="badge mr-2 bg-red-100 text-red-700">{t("plan.diff.removed")}</span><s>{i.title}</s></li>)}
          {diff.changed.map((c) => (
            <li key={`c${c.id}`}>
              <span className="badge mr-2 bg-amber-100 text-amber-800">{t("plan.diff.changed")}</span>{c.title}
              <ul className="ml-4 mt-1 list-disc text-xs text-slate-600">
                {c.changes.map((change) => (
                  <li key={change.field}>{t(`plan.diff.fields.${change.field}`)}{t("training.colon")}<s className="text-slate-400">{show(change, change.before)}</s> → <span className="font-medium text-slate-800">{show(change, change.after)}</span></li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
