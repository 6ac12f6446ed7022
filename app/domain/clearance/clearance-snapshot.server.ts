// What the clearance API answers from: an in-process copy of every person's stored certification
// (ADR 0024: computed by the one certification function, never read stale) and the active API keys,
// read with plain `pg` (no Prisma on the hot path). A cheap fingerprint query says whether anything that
// can change an answer has changed since the last load. Each entry holds from the instant it was computed
// until its recheckAt: outside that span the API refuses (503) until the row is recomputed.
import type pg from "pg";

import type { Certification } from "~/domain/certification/certification-rules";
import { fromStored } from "~/domain/certification/certification-store.server";

import type { CachedAnswer } from "./clearance-response";

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
// precedes each check (see clearance-answers.server.ts) bumps them too.
export const FINGERPRINT_SQL = `SELECT concat_ws('|',
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "Person"),
  (SELECT count(*) || ':' || coalesce(sum("generation"), 0) FROM "CertificationState"),
  (SELECT count(*) FROM "CallRuleVersion"),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "ApiKey")) AS f`;

export async function fingerprint(pool: pg.Pool): Promise<string> {
  return (await pool.query<{ f: string }>(FINGERPRINT_SQL)).rows[0].f;
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

/** `inputsKey`: the shared inputs' hash now; a row computed with others is stale. */
export async function loadSnapshot(pool: pg.Pool, inputsKey: string): Promise<Snapshot> {
  const [rules, people, keys] = await Promise.all([
    pool.query<{ id: string }>(
      `SELECT r.id FROM "CallRule" r
       WHERE EXISTS (SELECT 1 FROM "CallRuleVersion" v WHERE v."ruleId" = r.id) ORDER BY r."sortOrder", r.id`,
    ),
    // Timestamps are stored in UTC without a zone: read them as UTC.
    pool.query<Row>(
      `SELECT p."employeeNo", c.status, c.cleared, c.reasons, c."staleRules", c."inputsKey", c.dirty,
              c."validUntil" AT TIME ZONE 'UTC' AS "validUntil", c."certifiedAt" AT TIME ZONE 'UTC' AS "certifiedAt",
              c."computedAt" AT TIME ZONE 'UTC' AS "computedAt", c."recheckAt" AT TIME ZONE 'UTC' AS "recheckAt"
       FROM "Person" p LEFT JOIN "CertificationState" c ON c."personId" = p.id`,
    ),
    pool.query<{ id: string; keyHash: string }>(`SELECT id, "keyHash" FROM "ApiKey" WHERE "revokedAt" IS NULL`),
  ]);
  const entries = new Map<string, PersonEntry>();
  for (const r of people.rows) {
    const usable = r.status !== null && !r.dirty && r.inputsKey === inputsKey && r.computedAt !== null;
    entries.set(r.employeeNo.toUpperCase(), {
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
    });
  }
  return {
    people: entries,
    keys: new Map(keys.rows.map((k) => [k.keyHash, k.id])),
    ruleIds: rules.rows.map((r) => r.id),
  };
}
