// Pure: keyset pages ("next"/"previous" by a cursor, no OFFSET and no total). A list is read in its order
// from after a cursor (`after=`), or backwards from before one (`before=`), one row more than a page: the
// extra row says whether there is more that way. The page's cursors are its first and last rows.
import { z } from "zod";

export type KeysetDirection = "after" | "before";
export type KeysetRequest<C> = { cursor: C | null; direction: KeysetDirection };

/** Which way to read: the `before` cursor wins only without an `after` one; a cursor that does not decode
 * is the first page. */
export function keysetRequest<C>(
  query: { after?: string; before?: string },
  decode: (value: string | undefined) => C | null,
): KeysetRequest<C> {
  const after = decode(query.after);
  if (after) return { cursor: after, direction: "after" };
  const before = decode(query.before);
  if (before) return { cursor: before, direction: "before" };
  return { cursor: null, direction: "after" };
}

/** Of `fetched` (up to size + 1 rows read in the direction asked), the page in list order and the cursors
 * of its neighbours (null where there is none). */
export function keysetPage<T>(
  fetched: T[],
  request: KeysetRequest<unknown>,
  size: number,
  encode: (row: T) => string,
): { rows: T[]; next: string | null; previous: string | null } {
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (request.direction === "before") rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Read forwards: rows before the cursor exist (we came from there); read backwards: rows after it do.
  const hasNext = request.direction === "after" ? more : request.cursor !== null;
  const hasPrevious = request.direction === "after" ? request.cursor !== null : more;
  return {
    rows,
    next: hasNext && last !== undefined ? encode(last) : null,
    previous: hasPrevious && first !== undefined ? encode(first) : null,
  };
}

/** The cursor of a list ordered by an instant, ids breaking ties: "<ms>.<id>". */
export type InstantIdCursor = { at: Date; id: string };
export const encodeInstantIdCursor = (row: InstantIdCursor) => `${row.at.getTime()}.${row.id}`;
/** null for anything that is not such a cursor (the caller shows the first page). */
export function decodeInstantIdCursor(value: string | undefined): InstantIdCursor | null {
  const match = value ? /^(\d{1,15})\.([\w-]{1,40})$/.exec(value) : null;
  return match ? { at: new Date(Number(match[1])), id: match[2] } : null;
}

/** A keyset-paged list's `after`/`before` query parameters, to spread into a page's query schema: a value that
 * is too long to be a cursor is dropped (the first page is shown), never an error. */
export const keysetQuery = {
  after: z.string().max(80).optional().catch(undefined),
  before: z.string().max(80).optional().catch(undefined),
};

/** The order to read a list kept in `order` for this request (reversed to page back), and the comparison
 * that passes the cursor in that order. */
export function keysetReadOrder(order: "asc" | "desc", request: KeysetRequest<unknown>) {
  const dir: "asc" | "desc" = request.direction === "after" ? order : order === "asc" ? "desc" : "asc";
  return { dir, beyond: dir === "asc" ? ("gt" as const) : ("lt" as const) };
}

/** A list not read this time (another tab is shown, or the viewer has none to see). */
export const NO_PAGE: { items: never[]; next: null; previous: null } = { items: [], next: null, previous: null };

/** A page's links to its neighbours, without its rows. */
export const pageLinks = (page: { next: string | null; previous: string | null }) => ({
  next: page.next,
  previous: page.previous,
});
