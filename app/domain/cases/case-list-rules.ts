// Pure: the case list's query (filter, search, page) and its keyset pages. The list is ordered by
// (mandate due date, case number); case numbers are unique, so the pair is a stable cursor, written
// in the query string as "YYYY-MM-DD_<caseNo>" (after= for the next page, before= for the previous).
import { z } from "zod";

import { keysetQuery, keysetReadOrder } from "~/utils/keyset";

export const CASE_PAGE_SIZE = 50;

export type CaseCursor = { due: Date; caseNo: string };

export function encodeCursor(c: { mandateDueDate: Date; caseNo: string }): string {
  return `${c.mandateDueDate.toISOString().slice(0, 10)}_${c.caseNo}`;
}

export function decodeCursor(value: string | undefined): CaseCursor | null {
  const m = value?.match(/^(\d{4}-\d{2}-\d{2})_(.{1,60})$/s);
  if (!m) return null;
  const due = new Date(`${m[1]}T00:00:00.000Z`);
  return Number.isNaN(due.getTime()) ? null : { due, caseNo: m[2] };
}

const text = z
  .string()
  .trim()
  .max(60)
  .transform((v) => v || undefined)
  .optional()
  .catch(undefined);

export const CaseListQuerySchema = z.object({
  assigned: z.enum(["yes", "no"]).optional().catch(undefined),
  /** A case number (exact or its beginning) or part of the debtor's name. */
  q: text,
  /** Part of the client bank's name. */
  bank: text,
  ...keysetQuery,
});
export type CaseListQuery = z.output<typeof CaseListQuerySchema>;

/** The rows matching the filter and the search (the same for the count and every page). */
export function caseSearchWhere(query: Pick<CaseListQuery, "assigned" | "q" | "bank">) {
  const and: object[] = [];
  if (query.assigned === "no") and.push({ assignedToId: null });
  if (query.assigned === "yes") and.push({ assignedToId: { not: null } });
  if (query.q)
    and.push({
      OR: [
        { caseNo: { startsWith: query.q, mode: "insensitive" } },
        { debtorName: { contains: query.q, mode: "insensitive" } },
      ],
    });
  if (query.bank) and.push({ clientBank: { contains: query.bank, mode: "insensitive" } });
  return and;
}

/** Rows strictly after (or before) the cursor in the list's order. */
export function keysetWhere(cursor: CaseCursor, direction: "after" | "before") {
  const { beyond: cmp } = keysetReadOrder("asc", { cursor, direction });
  return {
    OR: [{ mandateDueDate: { [cmp]: cursor.due } }, { mandateDueDate: cursor.due, caseNo: { [cmp]: cursor.caseNo } }],
  };
}

/** Which way to read: the `before` cursor wins only without an `after` one. */
export function pageRequest(query: Pick<CaseListQuery, "after" | "before">) {
  const after = decodeCursor(query.after);
  if (after) return { cursor: after, direction: "after" as const };
  const before = decodeCursor(query.before);
  if (before) return { cursor: before, direction: "before" as const };
  return { cursor: null, direction: "after" as const };
}

/** Of `fetched` (up to size + 1 rows read in the direction asked), the page in list order and its links. */
export function shapePage<T extends { mandateDueDate: Date; caseNo: string }>(
  fetched: T[],
  request: { cursor: CaseCursor | null; direction: "after" | "before" },
  size = CASE_PAGE_SIZE,
) {
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (request.direction === "before") rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = request.direction === "after" ? more : true;
  const hasPrevious = request.direction === "after" ? request.cursor !== null : more;
  return {
    rows,
    next: hasNext && last ? encodeCursor(last) : null,
    previous: hasPrevious && first ? encodeCursor(first) : null,
  };
}
