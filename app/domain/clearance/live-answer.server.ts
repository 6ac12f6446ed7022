// One call answered from the database at the moment it comes, for when the snapshot cannot answer it: the snapshot
// is older than the staleness limit (its check waits for a recompute of every certification, ~2-3 s at 5,000 people
// after a rule or settings change), or this person's stored row is stale (ADR 0038). The key and the person are read
// now, and the certification is the stored one, recomputed first when stale (the one function, ADR 0024): the
// answer is as fresh as the call.
import type pg from "pg";

import { storedCertifications } from "~/domain/certification/certification-store.server";

import { clearanceBody } from "./clearance-response";
import { RULE_IDS_SQL } from "./clearance-snapshot.server";

export type LiveAnswer =
  { status: 401 } | { status: 404; keyId: string } | { status: 200; keyId: string; json: string; cleared: boolean };

// One round trip for the key, the person and the rules. Employee numbers are stored normalised (upper case), as
// the caller's has been (employee-no-rules.ts), so the unique index finds the person.
const LOOKUP_SQL = `SELECT
  (SELECT id FROM "ApiKey" WHERE "keyHash" = $1 AND "revokedAt" IS NULL) AS "keyId",
  (SELECT id FROM "Person" WHERE "employeeNo" = $2) AS "personId",
  ARRAY(${RULE_IDS_SQL}) AS "ruleIds"`;

/** The answer for `employeeNo` (normalised) to the holder of the key hashed `keyHash`, read now. */
export async function liveAnswer(pool: pg.Pool, keyHash: string, employeeNo: string): Promise<LiveAnswer> {
  const { rows } = await pool.query<{ keyId: string | null; personId: string | null; ruleIds: string[] }>(LOOKUP_SQL, [
    keyHash,
    employeeNo,
  ]);
  const { keyId, personId, ruleIds } = rows[0];
  if (!keyId) return { status: 401 };
  const certification = personId ? (await storedCertifications([personId])).get(personId) : undefined;
  if (!certification) return { status: 404, keyId };
  const json = JSON.stringify(clearanceBody(employeeNo, certification, ruleIds));
  return { status: 200, keyId, json, cleared: certification.cleared };
}
