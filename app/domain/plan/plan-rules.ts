// Pure rules of the annual plan: totals, which needs are covered, and what changed between revisions.
import { diffById } from "~/utils/revision-diff";

import { CATEGORIES, type Category } from "./fields";

export type ItemFigures = {
  category: Category;
  months: number[];
  sessions: number;
  hoursTenths: number;
  budgetFen: number;
};

/** n split over k parts as evenly as whole numbers allow, the earlier parts taking the remainder. */
export function spread(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

/**
 * Hours (sessions × hours per session) and budget by month and by category. An item held in several
 * months is counted in each of them with an even share of its sessions and budget.
 */
export function planTotals(items: ItemFigures[]) {
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, sessions: 0, hoursTenths: 0, budgetFen: 0 }));
  const byCategory = CATEGORIES.map((category) => ({ category, items: 0, sessions: 0, hoursTenths: 0, budgetFen: 0 }));
  for (const item of items) {
    const months = [...item.months].sort((a, b) => a - b);
    const sessions = spread(item.sessions, months.length);
    const budget = spread(item.budgetFen, months.length);
    months.forEach((m, i) => {
      byMonth[m - 1].sessions += sessions[i];
      byMonth[m - 1].hoursTenths += sessions[i] * item.hoursTenths;
      byMonth[m - 1].budgetFen += budget[i];
    });
    const row = byCategory.find((c) => c.category === item.category)!;
    row.items += 1;
    row.sessions += item.sessions;
    row.hoursTenths += item.sessions * item.hoursTenths;
    row.budgetFen += item.budgetFen;
  }
  const total = byCategory.reduce(
    (t, c) => ({
      items: t.items + c.items,
      sessions: t.sessions + c.sessions,
      hoursTenths: t.hoursTenths + c.hoursTenths,
      budgetFen: t.budgetFen + c.budgetFen,
    }),
    { items: 0, sessions: 0, hoursTenths: 0, budgetFen: 0 },
  );
  return { byMonth, byCategory, total };
}

/** The needs no plan item answers yet and the training manager has not declined (不采纳). */
export function uncoveredNeeds<N extends { id: string; outcome?: string }>(
  needs: N[],
  items: Array<{ needIds: string[] }>,
): N[] {
  const covered = new Set(items.flatMap((i) => i.needIds));
  return needs.filter((n) => !covered.has(n.id) && n.outcome !== "NOT_ADOPTED");
}

export const SNAPSHOT_FIELDS = [
  "title",
  "category",
  "months",
  "targetPeople",
  "sessions",
  "hoursTenths",
  "delivery",
  "lecturerType",
  "budgetFen",
  "headcount",
  "department",
  "lecturer",
  "needIds",
] as const;
type Field = (typeof SNAPSHOT_FIELDS)[number];
export type SnapshotItem = {
  id: string;
  title: string;
  category: string;
  months: number[];
  targetPeople: string;
  sessions: number;
  hoursTenths: number;
  delivery: string;
  lecturerType: string;
  budgetFen: number;
  /** 人数 (0: not stated, on items made before the column existed). */
  headcount: number;
  /** 负责部门 and 讲师, by id for the form and by name as the paper shows them (and the approver's diff compares). */
  departmentId: string | null;
  department: string | null;
  lecturerId: string | null;
  lecturerName: string | null;
  lecturer: string | null;
  needIds: string[];
};
export type PlanSnapshot = { title: string; items: SnapshotItem[] };

export type FieldChange = { field: Field; before: SnapshotItem[Field]; after: SnapshotItem[Field] };
export type PlanDiff = {
  added: SnapshotItem[];
  removed: SnapshotItem[];
  changed: Array<{ id: string; title: string; changes: FieldChange[] }>;
};

/** What changed between two revisions, item by item (items keep their id from revision to revision). */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanDiff {
  // The needs an item answers are a set: their order is no change.
  // Revisions stored before an item had a headcount, department or lecturer hold none: "not stated".
  return diffById(before.items, after.items, SNAPSHOT_FIELDS, (field, value) =>
    field === "needIds" ? [...(value as string[])].sort() : (value ?? null),
  );
}

export function isEmptyDiff(diff: PlanDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** A monthly plan item built on an annual item: its month, its plan's state and its courses. */
export type MonthlyUse = {
  id: string;
  title: string;
  unplannedReason: string | null;
  year: number;
  month: number;
  planState: string;
  courses: string[];
};

/**
 * The uses that forbid deleting the annual item: a monthly plan submitted or approved is locked work,
 * and a course set up on the item was planned against it. Only a draft monthly plan's item without
 * courses may be turned into an unplanned item (and goes through approval again with its plan).
 */
export function usesBlockingDeletion(uses: MonthlyUse[]): MonthlyUse[] {
  return uses.filter((u) => u.planState !== "DRAFT" || u.courses.length > 0);
}

/** External and group training are given by others, outside the company (外训, never an internal lecturer). */
const OUTSIDE_CATEGORIES = ["EXTERNAL", "GROUP"];

/**
 * What does not fit together in an item: a message key for the field to correct, or null. 外部培训 and
 * 集团培训 are trainings outside the company: delivered as 外训, by someone who is not an internal lecturer.
 */
export function categoryMismatch(item: {
  category: string;
  delivery: string;
  lecturerType: string;
}): { field: "delivery" | "lecturerType"; message: string } | null {
  if (!OUTSIDE_CATEGORIES.includes(item.category)) return null;
  if (item.lecturerType === "INTERNAL") return { field: "lecturerType", message: "plan.validation.outsideLecturer" };
  if (item.delivery === "INTERNAL") return { field: "delivery", message: "plan.validation.outsideDelivery" };
  return null;
}

/**
 * The lecturer fits the lecturer type: an internal person only for an internal lecturer, an outside
 * name only for an external or group trainer (a message key for the field to correct, or null).
 */
export function lecturerMismatch(item: {
  lecturerType: string;
  lecturerId?: string;
  lecturerName?: string;
}): { field: "lecturerId" | "lecturerName"; message: string } | null {
  if (item.lecturerType === "INTERNAL" && item.lecturerName)
    return { field: "lecturerName", message: "plan.validation.lecturerNameExternal" };
  if (item.lecturerType !== "INTERNAL" && item.lecturerId)
    return { field: "lecturerId", message: "plan.validation.lecturerPersonInternal" };
  return null;
}
