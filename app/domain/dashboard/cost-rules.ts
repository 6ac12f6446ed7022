// Pure: what approved courses cost beside the annual plan's budget, month by month (integer fen).
// The cost per month comes from the budget page's roll-up (agreed external fees included).

export function costVsBudget(annualByMonth: readonly number[], committedByMonth: readonly number[]) {
  let budgetSoFar = 0;
  let costSoFar = 0;
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const budgetFen = annualByMonth[i] ?? 0;
    const costFen = committedByMonth[i] ?? 0;
    budgetSoFar += budgetFen;
    costSoFar += costFen;
    return { month: i + 1, budgetFen, costFen, overFen: Math.max(0, costFen - budgetFen), budgetSoFar, costSoFar };
  });
  return {
    byMonth,
    budgetFen: budgetSoFar,
    costFen: costSoFar,
    /** Share of the year's budget spent, in whole percent. */
    usedPercent: budgetSoFar > 0 ? Math.round((costSoFar / budgetSoFar) * 100) : null,
  };
}
