import { useTranslation } from "react-i18next";

import { itemEntries, RevisionDiff, type Rejection } from "~/components/revision-diff";
import { formatHours, formatMonths, formatYuan } from "~/components/training/format";
import type { FieldChange, PlanDiff } from "~/domain/plan/plan-rules";

/** What changed since the revision the leader sent back or approved, so they need not reread the whole plan. */
export function PlanDiffView({
  diff,
  rejection,
  needTitle,
}: {
  diff: PlanDiff;
  rejection: Rejection;
  needTitle: (id: string) => string;
}) {
  const { t } = useTranslation();
  const show = (change: FieldChange, value: FieldChange["before"]) => {
    switch (change.field) {
      case "months":
        return formatMonths(t, value as number[]);
      case "budgetFen":
        return formatYuan(value as number);
      case "hoursTenths":
        return formatHours(value as number);
      case "category":
        return t(`training.categories.${value}`);
      case "delivery":
        return t(`training.delivery.${value}`);
      case "lecturerType":
        return t(`training.lecturer.${value}`);
      case "department":
        return (value as string | null) ?? "—";
      case "lecturer":
        return (value as string | null) ?? t("plan.item.lecturerTbd");
      case "headcount":
        return value ? String(value) : "—";
      case "needIds":
        return (value as string[]).map(needTitle).join(t("training.itemSeparator")) || "—";
      default:
        return String(value);
    }
  };
  return (
    <RevisionDiff
      rejection={rejection}
      entries={itemEntries(diff, (change) => ({
        label: t(`plan.diff.fields.${change.field}`),
        before: show(change, change.before),
        after: show(change, change.after),
      }))}
    />
  );
}
