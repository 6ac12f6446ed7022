// Texts the monthly plan's print page and workbook share, so that paper and spreadsheet say the same.
import type { TFunction } from "i18next";

import { safeFileName } from "~/utils/file-name";

import type { MonthlyPlanForm } from "./monthly-plan-form.server";

type Item = MonthlyPlanForm["items"][number];

/** Where the item comes from: the annual item (named when it is called otherwise), or why the month needs it. */
export function itemSource(t: TFunction, item: Item): string {
  if (!item.planned) return t("monthlyPlan.print.unplanned", { reason: item.unplannedReason ?? "" });
  return item.annualTitle && item.annualTitle !== item.title
    ? t("monthlyPlan.print.fromAnnual", { title: item.annualTitle })
    : t("monthlyPlan.print.inAnnual");
}

/** Who teaches or runs it: the lecturers of its courses, else the kind of lecturer the annual plan foresaw. */
export function itemLecturers(t: TFunction, item: Item): string {
  const names = [
    ...new Set(
      item.lecturers.map((l) =>
        t(`monthlyPlan.print.lecturer.${l.kind}`, { name: [l.name, l.org].filter(Boolean).join(" · ") }),
      ),
    ),
  ];
  if (names.length > 0) return names.join(t("training.itemSeparator"));
  return item.lecturerType ? t(`training.lecturer.${item.lecturerType}`) : "—";
}

/** The download's name in the reader's language, and the plain one for clients without UTF-8 names. */
export function monthlyPlanFileNames(t: TFunction, plan: MonthlyPlanForm["plan"]) {
  const month = String(plan.month).padStart(2, "0");
  const name = t("monthlyPlan.print.fileName", { year: plan.year, month: plan.month, revision: plan.revision });
  return {
    name: `${safeFileName(name)}.xlsx`,
    ascii: `monthly-plan-${plan.year}-${month}-r${plan.revision}.xlsx`,
  };
}
