// Pure: the budget roll-up course → monthly item → annual item, in integer fen (never a float).
import { CATEGORIES, type Category } from "~/domain/plan/fields";

export type BudgetCourse = { id: string; monthlyItemId: string; costFen: number; approved: boolean };
export type BudgetMonthlyItem = {
  id: string;
  planItemId: string | null;
  month: number;
  category: Category;
  title: string;
  budgetFen: number;
};
export type BudgetAnnualItem = { id: string; title: string; category: Category; budgetFen: number };

/**
 * What a course costs the budget: an external course whose fee was agreed with the institution (step 008)
 * counts the agreed fee instead of the budgeted external fee.
 */
export function budgetCost(input: { costFen: number; externalFeeFen: number; agreedFeeFen: number | null }): number {
  return input.agreedFeeFen === null ? input.costFen : input.costFen - input.externalFeeFen + input.agreedFeeFen;
}

export type AgreedFee = { id: string; title: string; month: number; budgetedFen: number; agreedFen: number };

/** The agreed fees that differ from the budget, by course, and their total (agreed − budgeted). */
export function agreedFeeDifferences(fees: AgreedFee[]) {
  const rows = fees
    .map((f) => ({ ...f, differenceFen: f.agreedFen - f.budgetedFen }))
    .sort((a, b) => a.month - b.month || a.title.localeCompare(b.title));
  return { rows, totalFen: rows.reduce((sum, r) => sum + r.differenceFen, 0) };
}

export type Line = { plannedFen: number; committedFen: number; pendingFen: number };
const empty = (): Line => ({ plannedFen: 0, committedFen: 0, pendingFen: 0 });

/** Committed money is approved course plans; pending is courses still in draft or under review. */
function add(line: Line, course: BudgetCourse) {
  if (course.approved) line.committedFen += course.costFen;
  else line.pendingFen += course.costFen;
}

/** Over budget when approved and pending courses together cost more than planned. */
export const overBy = (line: Line) => Math.max(0, line.committedFen + line.pendingFen - line.plannedFen);

export function rollUp(input: {
  annualItems: BudgetAnnualItem[];
  monthlyItems: BudgetMonthlyItem[];
  courses: BudgetCourse[];
}) {
  const monthly = new Map(input.monthlyItems.map((m) => [m.id, { ...m, ...empty(), plannedFen: m.budgetFen }]));
  const annual = new Map(
    input.annualItems.map((a) => [a.id, { ...a, ...empty(), plannedFen: a.budgetFen, monthlyPlannedFen: 0 }]),
  );
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...empty() }));
  const byCategory = CATEGORIES.map((category) => ({ category, ...empty() }));
  for (const m of input.monthlyItems) {
    byMonth[m.month - 1].plannedFen += m.budgetFen;
    byCategory.find((c) => c.category === m.category)!.plannedFen += m.budgetFen;
    if (m.planItemId) {
      const a = annual.get(m.planItemId);
      if (a) a.monthlyPlannedFen += m.budgetFen;
    }
  }
  // Items outside the annual plan (计划外, or whose annual item is gone) are one line beside the annual items,
  // so that the annual table adds up to the same totals as the months and the categories.
  const unplanned = { ...empty(), monthlyPlannedFen: 0 };
  const annualOf = (m: BudgetMonthlyItem) => (m.planItemId ? annual.get(m.planItemId) : undefined);
  for (const m of input.monthlyItems) {
    if (!annualOf(m)) {
      unplanned.plannedFen += m.budgetFen;
      unplanned.monthlyPlannedFen += m.budgetFen;
    }
  }
  for (const course of input.courses) {
    const m = monthly.get(course.monthlyItemId);
    if (!m) continue;
    add(m, course);
    add(byMonth[m.month - 1], course);
    add(
      byCategory.find((c) => c.category === m.category)!,
      course,
    );
    add(annualOf(m) ?? unplanned, course);
  }
  const total = byMonth.reduce(
    (t, m) => ({
      plannedFen: t.plannedFen + m.plannedFen,
      committedFen: t.committedFen + m.committedFen,
      pendingFen: t.pendingFen + m.pendingFen,
    }),
    empty(),
  );
  return {
    monthlyItems: [...monthly.values()],
    annualItems: [...annual.values()],
    unplanned,
    byMonth,
    byCategory,
    total,
  };
}

export type BudgetWarning = {
  level: "monthly" | "annual";
  title: string;
  plannedFen: number;
  spentFen: number;
  overFen: number;
};

/** What a course's cost does to its monthly item and its annual item: a warning for each it takes over. */
export function courseBudgetWarnings(input: {
  costFen: number;
  monthly: { title: string; budgetFen: number; otherCoursesFen: number };
  annual: { title: string; budgetFen: number; otherCoursesFen: number } | null;
}): BudgetWarning[] {
  const warnings: BudgetWarning[] = [];
  for (const [level, line] of [
    ["monthly", input.monthly],
    ["annual", input.annual],
  ] as const) {
    if (!line) continue;
    const spentFen = line.otherCoursesFen + input.costFen;
    if (spentFen > line.budgetFen)
      warnings.push({
        level,
        title: line.title,
        plannedFen: line.budgetFen,
        spentFen,
        overFen: spentFen - line.budgetFen,
      });
  }
  return warnings;
}
