// Pure: keyset pages ("next"/"previous" by a cursor, no OFFSET and no total). A list is read in its order
// from after a cursor (`after=`), or backwards from before one (`before=`), one row more than a page: the
// extra row says whether there is more that way. The page's cursors are its first and last rows.
import { z } from "zod";

import type { Prisma } from "~/generated/prisma/client";

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

type FindManyArgs<M extends Prisma.ModelName> = Prisma.TypeMap["model"][M]["operations"]["findMany"]["args"];
/** A model's `where` and (one entry of its) `orderBy` inputs. */
export type KeysetWhere<M extends Prisma.ModelName> = NonNullable<FindManyArgs<M>["where"]>;
export type KeysetOrderBy<M extends Prisma.ModelName> = Exclude<NonNullable<FindManyArgs<M>["orderBy"]>, unknown[]>;

type Sortable = Prisma.SortOrder | Prisma.SortOrderInput;
type Keys<O> = Exclude<keyof O & string, `_${string}`>;
type SortableFields<O> = { [K in Keys<O>]-?: NonNullable<O[K]> extends Sortable ? K : never }[Keys<O>];
/** A field a model's list can be sorted by: one of its own (`createdAt`) or of a record it points to
 * (`session.startsAt`), as its `orderBy` input allows; a name that is not one fails to compile. */
export type KeysetField<O> =
  | SortableFields<O>
  | {
      [K in Keys<O>]-?: NonNullable<O[K]> extends Sortable ? never : `${K}.${SortableFields<NonNullable<O[K]>>}`;
    }[Keys<O>];

/** `{ a: { b: value } }` for the path "a.b". */
function at(path: string, value: unknown): Record<string, unknown> {
  return path.split(".").reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

/**
 * A keyset list's read for this request: the order to read it in (`fields` in `order`, reversed to page back)
 * and the predicate "beyond the cursor" in that order, over the fields taken lexicographically (the last one
 * must be unique, usually the id: it breaks ties). `values` gives the cursor's value of each field, in order.
 * Without a cursor the predicate is `{}` (the first page).
 *
 * `model` only names the model whose `where`/`orderBy` inputs these are (so a wrong field fails to compile).
 *
 *   keysetAfter("LeaveRequest", "desc", request, ["session.startsAt", "id"], (c) => [c.at, c.id])
 *   // after (t, i): { OR: [{ session: { startsAt: { lt: t } } },
 *   //                      { AND: [{ session: { startsAt: t } }, { id: { lt: i } }] }] }
 */
export function keysetAfter<M extends Prisma.ModelName, C>(
  _model: M,
  order: "asc" | "desc",
  request: KeysetRequest<C>,
  fields: readonly [KeysetField<KeysetOrderBy<M>>, ...Array<KeysetField<KeysetOrderBy<M>>>],
  values: (cursor: C) => ReadonlyArray<Date | string | number | bigint>,
): { where: KeysetWhere<M>; orderBy: Array<KeysetOrderBy<M>>; dir: "asc" | "desc" } {
  const { dir, beyond } = keysetReadOrder(order, request);
  const orderBy = fields.map((f) => at(f, dir)) as Array<KeysetOrderBy<M>>;
  if (request.cursor === null) return { where: {} as KeysetWhere<M>, orderBy, dir };
  const cursor = values(request.cursor);
  if (cursor.length !== fields.length) throw new Error("keysetAfter: one cursor value per field");
  // Row i: equal on the fields before i, beyond on field i.
  const rows = fields.map((_, i) => {
    const terms = [...fields.slice(0, i).map((f, j) => at(f, cursor[j])), at(fields[i]!, { [beyond]: cursor[i] })];
    return terms.length === 1 ? terms[0]! : { AND: terms };
  });
  return { where: (rows.length === 1 ? rows[0]! : { OR: rows }) as KeysetWhere<M>, orderBy, dir };
}

/** A list not read this time (another tab is shown, or the viewer has none to see). */
export const NO_PAGE: { items: never[]; next: null; previous: null } = { items: [], next: null, previous: null };

/** A page's links to its neighbours, without its rows. */
export const pageLinks = (page: { next: string | null; previous: string | null }) => ({
  next: page.next,
  previous: page.previous,
});
