// The stored certification (ADR 0024): one row per person, computed only by certificationState from
// the person's whole history, and recomputed before use whenever it may be stale — dirty (a trigger saw
// the person's own inputs change), computed with other shared inputs, due (its recheckAt has come) or
// computed at an instant later than now (a clock set back). A read therefore always equals the function
// over the full history at that instant; it only costs the history of the stale rows.
import { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { personInputs, sharedInputs, type SharedInputs } from "./certification-inputs.server";
import { certificationRecheckAt } from "./certification-recheck";
import { certificationState, type CertStatus, type Certification } from "./certification-rules";

/**
 * People recomputed per round trip: as many as hold about BATCH_ATTEMPTS attempts, judged by the batches read so
 * far, so that a batch's rows and what is made of them fit V8's young generation: on the bench company (~60
 * attempts a person) 500 people are ~16 MB a batch by estimate, garbage collection was 43 % of the read's CPU, and a
 * whole company's recompute took 2.0 s against 1.7 s with 100; with ~1 attempt a person, 100 took 0.5 s against
 * 0.26 s with 500, the round trips deciding (docs/benchmarks.md, session 19).
 */
const BATCH_ATTEMPTS = 6_000;
const BATCH_PEOPLE = { first: 100, min: 25, max: 500 };
const BATCHES_AT_ONCE = 2;
/** More stale people than this in one read wait their turn with the other large recomputes (oneAtATime). */
const LARGE_RECOMPUTE = 100;

type StoredRow = {
  personId: string;
  status: string;
  cleared: boolean;
  validUntil: Date | null;
  certifiedAt: Date | null;
  reasons: Prisma.JsonValue;
  staleRules: Prisma.JsonValue;
  computedAt: Date | null;
  recheckAt: Date | null;
  inputsKey: string;
  dirty: boolean;
};
const ROW = {
  personId: true,
  status: true,
  cleared: true,
  validUntil: true,
  certifiedAt: true,
  reasons: true,
  staleRules: true,
  computedAt: true,
  recheckAt: true,
  inputsKey: true,
  dirty: true,
} as const;

/** What makes a row unusable at `at` (as a Prisma filter, for the reads that look for such rows). */
export function staleWhere(key: string, at: Date): Prisma.CertificationStateWhereInput {
  return {
    OR: [
      { dirty: true },
      { inputsKey: { not: key } },
      { recheckAt: { lte: at } },
      { computedAt: null },
      { computedAt: { gt: at } },
    ],
  };
}

/** The same rule as staleWhere, for rows already read (a test holds the two, and the clearance snapshot, together). */
export function isFresh(row: Freshness, key: string, at: Date): boolean {
  return (
    !row.dirty &&
    row.inputsKey === key &&
    row.computedAt !== null &&
    row.computedAt <= at &&
    (row.recheckAt === null || row.recheckAt > at)
  );
}

const date = (x: unknown) => new Date(x as string);

/** A stored row as the function returned it (the JSON columns' dates revived). */
export function fromStored(row: Omit<StoredRow, "personId" | "inputsKey" | "dirty" | "computedAt" | "recheckAt">) {
  const reasons = (row.reasons as Array<Record<string, unknown>>).map((r) => ({
    ...r,
    ...("at" in r ? { at: date(r.at) } : {}),
    ...("lapsesAt" in r ? { lapsesAt: date(r.lapsesAt) } : {}),
  })) as Certification["reasons"];
  const staleRules = (row.staleRules as Array<Record<string, unknown>>).map((s) => ({
    ...s,
    lapsesAt: date(s.lapsesAt),
  })) as Certification["staleRules"];
  return {
    cleared: row.cleared,
    status: row.status as CertStatus,
    validUntil: row.validUntil,
    certifiedAt: row.certifiedAt,
    reasons,
    staleRules,
  } satisfies Certification;
}

/** Only the rule ids of a stored row's staleRules (a list that shows no more needs no dates revived). */
export function staleRuleIds(staleRules: Prisma.JsonValue): string[] {
  return (staleRules as Array<{ ruleId: string }>).map((s) => s.ruleId);
}

/**
 * Computes these people's certification with the pure function and stores it. A row is written only over
 * the generation read before the inputs were: a change committed meanwhile (its trigger bumps the
 * generation, or holds the row until it commits) leaves the row dirty for the next read, never wrong.
 * Returns what was computed, stored or not.
 */
export async function recomputeCertifications(
  personIds: readonly string[],
  shared?: SharedInputs,
  at: Date = now(),
): Promise<Map<string, Certification>> {
  const inputs = shared ?? (await sharedInputs());
  const out = new Map<string, Certification>();
  // Two batches at a time: PostgreSQL reads one while this process computes the other. After a failure no batch
  // starts; the error is the caller's.
  let next = 0;
  let size = BATCH_PEOPLE.first;
  let failed = false;
  const worker = async () => {
    while (!failed && next < personIds.length) {
      const ids = personIds.slice(next, (next += size));
      try {
        const attempts = await recomputeBatch(ids, inputs, at, out);
        const perPerson = Math.max(1, attempts / ids.length);
        size = Math.min(BATCH_PEOPLE.max, Math.max(BATCH_PEOPLE.min, Math.floor(BATCH_ATTEMPTS / perPerson)));
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: BATCHES_AT_ONCE }, worker));
  return out;
}

/** Recomputes and stores these people's certifications into `out`; returns how many attempts were read. */
async function recomputeBatch(
  ids: string[],
  inputs: SharedInputs,
  at: Date,
  out: Map<string, Certification>,
): Promise<number> {
  // A row for each (waits for an uncommitted trigger's insert of the same person), then its generation.
  await db.$executeRaw`INSERT INTO "CertificationState" ("personId")
    SELECT id FROM "Person" WHERE id = ANY(${ids}::text[]) ON CONFLICT ("personId") DO NOTHING`;
  const generations = await db.certificationState.findMany({
    where: { personId: { in: ids } },
    select: { personId: true, generation: true },
  });
  const own = await personInputs(ids, inputs.quizId);
  let attempts = 0;
  for (const p of own.values()) attempts += p.attempts.length;
  const rows: Array<[string, number, Certification, Date | null]> = [];
  for (const { personId, generation } of generations) {
    const p = own.get(personId);
    if (!p) continue;
    const c = certificationState(p.person, inputs.rules, p.attempts, at, inputs.policy, p.assessments);
    out.set(personId, c);
    rows.push([
      personId,
      generation,
      c,
      certificationRecheckAt(c, inputs.rules, p.attempts, at, inputs.policy, p.assessments),
    ]);
  }
  if (rows.length) await storeRows(rows, inputs.key, at);
  return attempts;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function storeRows(rows: Array<[string, number, Certification, Date | null]>, key: string, at: Date) {
  // Timestamps go as ISO text and are read back in UTC, as Prisma stores them.
  const utc = (column: Prisma.Sql) => Prisma.sql`(${column}::timestamptz AT TIME ZONE 'UTC')`;
  await db.$executeRaw`UPDATE "CertificationState" AS s SET
      "status" = v.status, "cleared" = v.cleared,
      "validUntil" = ${utc(Prisma.sql`v."validUntil"`)}, "certifiedAt" = ${utc(Prisma.sql`v."certifiedAt"`)},
      "reasons" = v.reasons::jsonb, "staleRules" = v."staleRules"::jsonb,
      "recheckAt" = ${utc(Prisma.sql`v."recheckAt"`)}, "computedAt" = ${utc(Prisma.sql`${at.toISOString()}`)},
      "inputsKey" = ${key}, "dirty" = false, "generation" = s."generation" + 1
    FROM unnest(
      ${rows.map((r) => r[0])}::text[], ${rows.map((r) => r[1])}::int[], ${rows.map((r) => r[2].status)}::text[],
      ${rows.map((r) => r[2].cleared)}::boolean[], ${rows.map((r) => iso(r[2].validUntil))}::text[],
      ${rows.map((r) => iso(r[2].certifiedAt))}::text[], ${rows.map((r) => JSON.stringify(r[2].reasons))}::text[],
      ${rows.map((r) => JSON.stringify(r[2].staleRules))}::text[], ${rows.map((r) => iso(r[3]))}::text[]
    ) AS v("personId", generation, status, cleared, "validUntil", "certifiedAt", reasons, "staleRules", "recheckAt")
    WHERE s."personId" = v."personId" AND s."generation" = v.generation`;
}

// Large recomputes (a settings change makes every row stale) run one at a time in a process, so fifty
// pages opened together compute the company once, not fifty times.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => {});
  return next;
}

/** The certification of each given person that exists, recomputing stale rows first. */
export async function storedCertifications(personIds: readonly string[]): Promise<Map<string, Certification>> {
  return freshRows<StoredRow, Certification>(personIds, ROW, fromStored, (c) => c);
}

/** Only whether each given person is cleared and their status (a list of many people needs no more). */
export async function storedClearances(
  personIds: readonly string[],
): Promise<Map<string, Pick<Certification, "status" | "cleared">>> {
  type Brief = { status: string; cleared: boolean };
  const brief = (c: Brief) => ({ status: c.status as CertStatus, cleared: c.cleared });
  return freshRows<Freshness & Brief, ReturnType<typeof brief>>(personIds, BRIEF_ROW, brief, brief);
}

const BRIEF_ROW = {
  personId: true,
  status: true,
  cleared: true,
  computedAt: true,
  recheckAt: true,
  inputsKey: true,
  dirty: true,
} as const;
type Freshness = Pick<StoredRow, "personId" | "computedAt" | "recheckAt" | "inputsKey" | "dirty">;

/** The stored rows of these people that are fresh, shaped by `shape`; the stale ones recomputed (then `computed`). */
async function freshRows<R extends Freshness, T>(
  personIds: readonly string[],
  select: { [K in keyof R]: true },
  shape: (row: R) => T,
  computed: (c: Certification) => T,
): Promise<Map<string, T>> {
  const ids = [...new Set(personIds)];
  const read = async (at: Date, key: string) => {
    const rows = ids.length
      ? ((await db.certificationState.findMany({ where: { personId: { in: ids } }, select })) as unknown as R[])
      : [];
    const out = new Map<string, T>();
    for (const row of rows) if (isFresh(row, key, at)) out.set(row.personId, shape(row));
    return out;
  };
  let at = now();
  let shared = await sharedInputs();
  let out = await read(at, shared.key);
  let stale = ids.filter((id) => !out.has(id));
  if (stale.length > LARGE_RECOMPUTE) {
    // Many at once: in turn with other large recomputes, then read again (another page may have done it).
    await refreshStaleCertifications({ id: { in: stale } });
    at = now();
    shared = await sharedInputs();
    out = await read(at, shared.key);
    stale = ids.filter((id) => !out.has(id));
  }
  // What could not be stored (changed meanwhile) is computed all the same.
  if (stale.length) for (const [id, c] of await recomputeCertifications(stale, shared, at)) out.set(id, computed(c));
  return out;
}

/**
 * Whether any stored row is stale at `at` (staleWhere) or any person has none: a look at the table alone.
 * Nearly always nothing is, and asking first spares the join of every person of `people` with their row, which
 * every board view and the clearance API's check (four times a second) made: ~6 ms of the database's time each on
 * the bench company. Every row belongs to a person (its key is the person's), so equal counts mean none is missing.
 */
async function anyStale(key: string, at: Date): Promise<boolean> {
  const [staleRow, people, rows] = await Promise.all([
    db.certificationState.findFirst({ where: staleWhere(key, at), select: { personId: true } }),
    db.person.count(),
    db.certificationState.count(),
  ]);
  return staleRow !== null || people !== rows;
}

/**
 * Brings every stale row of the people matching `people` (everyone by default) up to date, so that a
 * read of the table in SQL (the board's counts and pages, the clearance snapshot) sees only fresh rows.
 */
export async function refreshStaleCertifications(
  people: Prisma.PersonWhereInput = {},
  /** Told the shared inputs' hash just before a recompute starts (the clearance API stops trusting older rows). */
  beforeRecompute?: (key: string) => void | Promise<void>,
): Promise<{ refreshed: number; key: string }> {
  const find = async () => {
    const at = now();
    const shared = await sharedInputs();
    if (!(await anyStale(shared.key, at))) return { at, shared, ids: [] as string[] };
    const stale = await db.person.findMany({
      where: {
        AND: [people, { OR: [{ certification: { is: null } }, { certification: staleWhere(shared.key, at) }] }],
      },
      select: { id: true },
    });
    return { at, shared, ids: stale.map((p) => p.id) };
  };
  // Looking costs one query and runs in parallel; only a recompute waits its turn (and looks again then).
  const first = await find();
  if (first.ids.length === 0) return { refreshed: 0, key: first.shared.key };
  return oneAtATime(async () => {
    const { at, shared, ids } = await find();
    if (ids.length) {
      await beforeRecompute?.(shared.key);
      await recomputeCertifications(ids, shared, at);
    }
    return { refreshed: ids.length, key: shared.key };
  });
}
