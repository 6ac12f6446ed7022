import { useTranslation } from "react-i18next";

import { formatYuan } from "~/components/training/format";
import type { Concern } from "~/domain/budget/training-budget-rules";

/** What a course is over (budget levels) or clashes with, one line each. */
export function ConcernList({ concerns }: { concerns: Concern[] }) {
  const { t } = useTranslation();
  const text = (c: Concern) => {
    if (c.kind === "budget")
      return t(`budget.concerns.${c.level}`, {
        title: c.title,
        amount: formatYuan(c.overFen),
        planned: formatYuan(c.plannedFen),
        spent: formatYuan(c.spentFen),
      });
    if (c.kind === "room")
      return t(c.self ? "budget.concerns.roomSelf" : "budget.concerns.room", {
        location: c.location,
        title: c.title,
        count: c.count,
      });
    return t(c.self ? "budget.concerns.peopleSelf" : "budget.concerns.people", { title: c.title, count: c.count });
  };
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {concerns.map((c, i) => (
        <li key={i}>{text(c)}</li>
      ))}
    </ul>
  );
}
