// What changed in a monthly plan since the revision the leader sent back (step 005): pure, compared
// item by item on the snapshots the workflow keeps on every submission (monthly-plan-subject.server.ts).
import { diffById } from "~/utils/revision-diff";

export type MonthlySnapshotItem = {
  id: string;
  planItemId: string | null;
  title: string;
  category: string;
  targetPeople: string;
  headcount: number;
  sessions: number;
  budgetFen: number;
  unplannedReason: string | null;
};
export type MonthlySnapshot = { title: string; items: MonthlySnapshotItem[] };

/** planItemId changes when the annual item behind a monthly item is deleted: the item becomes unplanned. */
export const MONTHLY_DIFF_FIELDS = [
  "title",
  "category",
  "targetPeople",
  "headcount",
  "sessions",
  "budgetFen",
  "planItemId",
  "unplannedReason",
] as const;
export type MonthlyDiff = ReturnType<typeof diffMonthlyPlans>;

export function diffMonthlyPlans(before: MonthlySnapshot, after: MonthlySnapshot) {
  return diffById(before.items, after.items, MONTHLY_DIFF_FIELDS);
}
