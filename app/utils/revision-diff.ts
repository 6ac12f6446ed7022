// What changed between two revisions of a subject of the approval workflow (docs/decisions/0006,
// "What changed"): pure comparisons of snapshots, shared by the annual, monthly and course plans.

export type Change<T, F extends keyof T = keyof T> = { field: F; before: T[F]; after: T[F] };
type Normalise = (field: PropertyKey, value: unknown) => unknown;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const asIs: Normalise = (_field, value) => value;

/** The fields whose values differ, in the order the fields are listed. */
export function changedFields<T, F extends keyof T>(
  before: T,
  after: T,
  fields: readonly F[],
  normalise: Normalise = asIs,
): Array<Change<T, F>> {
  return fields
    .filter((f) => !same(normalise(f, before[f]), normalise(f, after[f])))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

/** Rows matched by id (ids are stable across revisions): added, removed, and changed with their changed fields. */
export function diffById<T extends { id: string; title: string }, F extends keyof T>(
  before: T[],
  after: T[],
  fields: readonly F[],
  normalise: Normalise = asIs,
) {
  const old = new Map(before.map((row) => [row.id, row]));
  const now = new Set(after.map((row) => row.id));
  const changed = after
    .filter((row) => old.has(row.id))
    .map((row) => ({ id: row.id, title: row.title, changes: changedFields(old.get(row.id)!, row, fields, normalise) }))
    .filter((c) => c.changes.length > 0);
  return { added: after.filter((row) => !old.has(row.id)), removed: before.filter((row) => !now.has(row.id)), changed };
}

/** Members of `after` missing from `before` and the other way round, compared by a key. */
export function diffSets<T>(before: T[], after: T[], key: (value: T) => string = String): { added: T[]; removed: T[] } {
  const [was, is] = [new Set(before.map(key)), new Set(after.map(key))];
  return { added: after.filter((v) => !was.has(key(v))), removed: before.filter((v) => !is.has(key(v))) };
}
