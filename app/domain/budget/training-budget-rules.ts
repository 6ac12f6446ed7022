// Pure: the company's training budget of a year (the training manager's amount, the general manager's cap)
// against what is planned and spent, and what a course's submission must acknowledge. Integer fen, no I/O.

export type YearLimits = { amountFen: number | null; capFen: number | null };

/** The budget the training manager sets may not go above the general manager's cap. */
export function amountWithinCap(amountFen: number, capFen: number | null): boolean {
  return capFen === null || amountFen <= capFen;
}

/** What may be spent: the lower of the budget and the cap that are set; null when neither is. */
export function effectiveLimit(limits: YearLimits): number | null {
  const set = [limits.amountFen, limits.capFen].filter((v): v is number => v !== null);
  return set.length ? Math.min(...set) : null;
}

/** "本年预算 … 已计划 … 剩余 …": the limit, what is used of it, and what is left (negative when over). */
export function yearLine(limits: YearLimits & { year: number }, usedFen: number) {
  const limitFen = effectiveLimit(limits);
  return {
    year: limits.year,
    amountFen: limits.amountFen,
    capFen: limits.capFen,
    usedFen,
    remainingFen: limitFen === null ? null : limitFen - usedFen,
    // The general manager lowered the cap below the budget already set: the budget page says so.
    amountOverCap: limits.amountFen !== null && !amountWithinCap(limits.amountFen, limits.capFen),
  };
}
export type YearLine = ReturnType<typeof yearLine>;

export type CompanyWarning = {
  level: "company" | "cap";
  title: string;
  plannedFen: number;
  spentFen: number;
  overFen: number;
};

/** The year's courses with this one against the company's budget and against the general manager's cap. */
export function companyWarnings(input: {
  year: number;
  limits: YearLimits;
  otherCoursesFen: number;
  costFen: number;
}): CompanyWarning[] {
  const spentFen = input.otherCoursesFen + input.costFen;
  const levels = [
    ["company", input.limits.amountFen],
    ["cap", input.limits.capFen],
  ] as const;
  return levels.flatMap(([level, plannedFen]) =>
    plannedFen !== null && spentFen > plannedFen
      ? [{ level, title: String(input.year), plannedFen, spentFen, overFen: spentFen - plannedFen }]
      : [],
  );
}

/** What a drafter acknowledges to submit a course: each budget level it takes over, each clash group. */
export type Concern =
  | { kind: "budget"; level: string; title: string; plannedFen: number; spentFen: number; overFen: number }
  | { kind: "room"; title: string; self: boolean; location: string; count: number }
  | { kind: "people"; title: string; self: boolean; count: number };

export function submitConcerns(input: {
  warnings: Array<{ level: string; title: string; plannedFen: number; spentFen: number; overFen: number }>;
  rooms: Array<{ title: string; self: boolean; location: string; sessions: number }>;
  people: Array<{ title: string; self: boolean; count: number }>;
}): Concern[] {
  return [
    ...input.warnings.map((w) => ({ kind: "budget" as const, ...w })),
    ...input.rooms.map((r) => ({
      kind: "room" as const,
      title: r.title,
      self: r.self,
      location: r.location,
      count: r.sessions,
    })),
    ...input.people.map((p) => ({ kind: "people" as const, title: p.title, self: p.self, count: p.count })),
  ];
}

/**
 * A course with concerns goes for approval only with an acknowledgement and its reason; without concerns an
 * acknowledgement is not needed and not kept.
 */
export function acknowledgementCheck(
  concerns: Concern[],
  ack: { acknowledged: boolean; reason: string | null },
): { ok: true; keep: boolean } | { ok: false; field: "acknowledged" | "acknowledgement"; error: string } {
  if (concerns.length === 0) return { ok: true, keep: false };
  if (!ack.acknowledged) return { ok: false, field: "acknowledged", error: "budget.ack.required" };
  if (!ack.reason) return { ok: false, field: "acknowledgement", error: "budget.ack.reasonRequired" };
  return { ok: true, keep: true };
}

/** A budget is set for this year or the next; past years keep the figures they were run with. */
export const settableYear = (year: number, thisYear: number) => year === thisYear || year === thisYear + 1;
