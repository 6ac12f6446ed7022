// Pure: training hours per person and how many people trained at all, for the scope, by month and
// category, and per drill-down row. Hours are the archive's minutes; people are those in scope today.
import { CATEGORIES, type Category } from "~/domain/plan/fields";

/** Minutes of training records, summed by the record's department (where they trained), month and category. */
export type MinutesRow = { departmentId: string; month: number; category: Category; minutes: number };
/** A person in scope today, with their year's minutes and attended courses (all their records). */
export type PersonHours = { personId: string; departmentId: string; minutes: number; courses: number };

export type HoursLine = {
  headcount: number;
  minutes: number;
  trained: number;
  hoursPerPerson: number | null;
  coverage: number | null;
};

/** One decimal of an hour per person; null when nobody is in scope. */
export function perPerson(minutes: number, headcount: number): number | null {
  return headcount > 0 ? Math.round((minutes / 60 / headcount) * 10) / 10 : null;
}

/** A share as a whole percentage; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

function line(minutes: number, people: readonly PersonHours[]): HoursLine {
  const trained = people.filter((p) => p.minutes > 0).length;
  return {
    headcount: people.length,
    minutes,
    trained,
    hoursPerPerson: perPerson(minutes, people.length),
    coverage: percent(trained, people.length),
  };
}

export function hoursFigures(input: {
  minutes: readonly MinutesRow[];
  people: readonly PersonHours[];
  rowIds: readonly string[];
  rowFor: (departmentId: string) => string | null;
}) {
  const headcount = input.people.length;
  const total = line(
    input.minutes.reduce((s, m) => s + m.minutes, 0),
    input.people,
  );
  const byMonth = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
  }));
  const monthMinutes = byMonth.map(() => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>);
  for (const m of input.minutes) monthMinutes[m.month - 1][m.category] += m.minutes;
  byMonth.forEach((b, i) => {
    for (const c of CATEGORIES) b.byCategory[c] = perPerson(monthMinutes[i][c], headcount) ?? 0;
  });
  const byRow = new Map<string, HoursLine>();
  for (const id of input.rowIds) {
    const minutes = input.minutes.filter((m) => input.rowFor(m.departmentId) === id).reduce((s, m) => s + m.minutes, 0);
    byRow.set(
      id,
      line(
        minutes,
        input.people.filter((p) => input.rowFor(p.departmentId) === id),
      ),
    );
  }
  return { total, byMonth, byRow };
}
