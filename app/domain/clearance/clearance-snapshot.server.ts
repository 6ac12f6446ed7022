// What the clearance API answers from: an in-process copy of every person's stored certification
// (ADR 0024: computed by the one certification function, never read stale) and the active API keys,
// read with plain `pg` (no Prisma on the hot path). A cheap fingerprint query says whether anything that
// can change an answer has changed since the last load. Each entry holds from the instant it was computed
// until its recheckAt: outside that span the API refuses (503) until the row is recomputed.
import type pg from "pg";

import type { Certification } from "~/domain/certification/certification-rules";
import { fromStored } from "~/domain/certification/certification-store.server";

import type { CachedAnswer } from "./clearance-response";
import { xid32 } from "./snapshot-horizon";

export type PersonEntry = {
  employeeNo: string;
  /** Null while the stored row is stale (a change not yet recomputed). */
  certification: Certification | null;
  /** The span [from, until) in which the certification holds (ms since the epoch). */
  from: number;
  until: number;
  answer?: CachedAnswer;
};
export type Snapshot = {
  people: Map<string, PersonEntry>;
  /** SHA-256 of every active key → key id. */
  keys: Map<string, string>;
  /** Every rule the body lists, in the catalogue's order. */
  ruleIds: string[];
};

// Every table whose rows can change an answer; sums change when any row does. The certification's own
// inputs (attempts, assessments and their sign-off, status) bump its row's generation through triggers;
// the shared ones (rules, settings, the certifying quiz) make every row stale, and the recompute that
// precedes each check (see clearance-answers.server.ts) bumps them too. `horizon` is the oldest transaction
// still running when it was read: every row version this statement does not see was written by a
// transaction at or after it, so the rows to read again later are those with an xmin at or after it.
export const FINGERPRINT_SQL = `SELECT concat_ws('|',
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "Person"),
  (SELECT count(*) FROM "CallRuleVersion"),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "ApiKey")) AS f,
  (SELECT count(*) || ':' || coalesce(sum("generation"), 0) FROM "CertificationState") AS certs,
  pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`;

export type Fingerprint = {
  /** People, rules and keys: when it changes, the whole snapshot is read again. */
  whole: string;
  /** The stored certifications: when only this changes, the rows written since the last horizon are read. */
  certs: string;
  horizon: bigint;
};

export async function fingerprint(pool: pg.Pool): Promise<Fingerprint> {
  const row = (await pool.query<{ f: string; certs: string; horizon: string }>(FINGERPRINT_SQL)).rows[0];
  return { whole: row.f, certs: row.certs, horizon: BigInt(row.horizon) };
}

type Row = {
  employeeNo: string;
  status: string | null;
  cleared: boolean | null;
  validUntil: Date | null;
  certifiedAt: Date | null;
  reasons: unknown;
  staleRules: unknown;
  computedAt: Date | null;
  recheckAt: Date | null;
  inputsKey: string | null;
  dirty: boolean | null;
};

const PEOPLE_SQL = `SELECT p."employeeNo", c.status, c.cleared, c.reasons, c."staleRules", c."inputsKey", c.dirty,
    c."validUntil" AT TIME ZONE 'UTC' AS "validUntil", c."certifiedAt" AT TIME ZONE 'UTC' AS "certifiedAt",
    c."computedAt" AT TIME ZONE 'UTC' AS "computedAt", c."recheckAt" AT TIME ZONE 'UTC' AS "recheckAt"
  FROM "Person" p LEFT JOIN "CertificationState" c ON c."personId" = p.id`;

function entryOf(r: Row, inputsKey: string): PersonEntry {
  const usable = r.status !== null && !r.dirty && r.inputsKey === inputsKey && r.computedAt !== null;
  return {
    employeeNo: r.employeeNo,
    certification: usable
      ? fromStored({
          status: r.status!,
          cleared: r.cleared!,
          validUntil: r.validUntil,
          certifiedAt: r.certifiedAt,
          reasons: r.reasons as never,
          staleRules: r.staleRules as never,
        })
      : null,
    from: r.computedAt?.getTime() ?? Number.POSITIVE_INFINITY,
    until: r.recheckAt?.getTime() ?? Number.POSITIVE_INFINITY,
  };
}

/** The rules an answer lists: those with a version, in the catalogue's order. */
export const RULE_IDS_SQL = `SELECT r.id FROM "CallRule" r
  WHERE EXISTS (SELECT 1 FROM "CallRuleVersion" v WHERE v."ruleId" = r.id) ORDER BY r."sortOrder", r.id`;

/** `inputsKey`: the shared inputs' hash now; a row computed with others is stale. */
export async function loadSnapshot(pool: pg.Pool, inputsKey: string): Promise<Snapshot> {
  const [rules, people, keys] = await Promise.all([
    pool.query<{ id: string }>(RULE_IDS_SQL),
    // Timestamps are stored in UTC without a zone: read them as UTC.
    pool.query<Row>(PEOPLE_SQL),
    pool.query<{ id: string; keyHash: string }>(`SELECT id, "keyHash" FROM "ApiKey" WHERE "revokedAt" IS NULL`),
  ]);
  const entries = new Map<string, PersonEntry>();
  for (const r of people.rows) entries.set(r.employeeNo.toUpperCase(), entryOf(r, inputsKey));
  return {
    people: entries,
    keys: new Map(keys.rows.map((k) => [k.keyHash, k.id])),
    ruleIds: rules.rows.map((r) => r.id),
  };
}

/**
 * The snapshot with the stored certifications written since `since` (a fingerprint's horizon) read again,
 * when nothing but those changed (same people, rules, keys and shared inputs). A hand-in changes one row,
 * so this reads a few rows where a full load reads every person's (ADR 0024's table has one per person).
 */
export async function loadChangedCertifications(
  pool: pg.Pool,
  inputsKey: string,
  previous: Snapshot,
  since: bigint,
): Promise<Snapshot> {
  const changed = await pool.query<Row>(`${PEOPLE_SQL} WHERE c.xmin::text::bigint >= $1::bigint`, [
    xid32(since).toString(),
  ]);
  if (changed.rows.length === 0) return previous;
  const people = new Map(previous.people);
  for (const r of changed.rows) people.set(r.employeeNo.toUpperCase(), entryOf(r, inputsKey));
  return { ...previous, people };
}
