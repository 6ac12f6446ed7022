import { useTranslation } from "react-i18next";

import { itemEntries, RevisionDiff, type Rejection } from "~/components/revision-diff";
import { formatYuan } from "~/components/training/format";
import type { MonthlyDiff } from "~/domain/monthly-plan/monthly-plan-diff";

type Change = MonthlyDiff["changed"][number]["changes"][number];
const LABELS: Record<Change["field"], string> = {
  title: "monthlyPlan.item.title",
  category: "monthlyPlan.item.category",
  targetPeople: "monthlyPlan.item.targetPeople",
  headcount: "monthlyPlan.item.headcount",
  sessions: "monthlyPlan.item.sessions",
  budgetFen: "monthlyPlan.fields.budget",
  planItemId: "monthlyPlan.item.source",
  unplannedReason: "monthlyPlan.item.unplannedReason",
};

/** What changed in the month's items since the revision the leader sent back or approved (steps 004–005). */
export function MonthlyPlanDiff({ changes, rejection }: { changes: MonthlyDiff; rejection: Rejection }) {
  const { t } = useTranslation();
  const show = (field: Change["field"], value: Change["before"]) => {
    switch (field) {
      case "category":
        return t(`training.categories.${value}`);
      case "budgetFen":
        return formatYuan(value as number);
      case "planItemId":
        return t(value ? "monthlyPlan.item.fromAnnual" : "monthlyPlan.item.unplanned");
      default:
        return value === null || value === "" ? "—" : String(value);
    }
  };
  return (
    <RevisionDiff
      rejection={rejection}
      entries={itemEntries(changes, (change) => ({
        label: t(LABELS[change.field]),
        before: show(change.field, change.before),
        after: show(change.field, change.after),
      }))}
    />
  );
}
