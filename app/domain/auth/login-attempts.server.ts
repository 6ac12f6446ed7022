// The counters behind sign-in lockout, each changed by one atomic statement on the pool: a password
// check is reserved before it runs, so however many requests arrive at once no more than the rule
// allows are hashed, and no connection or lock is held while argon2 works.
import { sql } from "~/utils/sql.server";

import {
  FAILURE_WINDOW_MS,
  LOCK_AFTER_FAILURES,
  LOCK_DURATION_MS,
  LOCK_EVERYONE_AFTER_FAILURES,
  SOURCE_FREE_FAILURES,
  SOURCE_WINDOW_MS,
  secondsToWait,
  sourceDelayTableMs,
} from "./auth-rules";

const ago = (at: Date, ms: number) => new Date(at.getTime() - ms);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
const DELAYS = sourceDelayTableMs();

/**
 * Reserves one attempt of the source (any account). Refused, without a row, while the source is
 * past its free failures and its last attempt's delay has not run out; then says how long to wait.
 */
export async function reserveSourceAttempt(
  source: string,
  at: Date,
): Promise<{ ok: true } | { ok: false; wait: number }> {
  const admitted = await sql(
    `INSERT INTO "LoginSourceThrottle" AS t (source, "windowStart", checks, "notBefore")
     VALUES ($1, $2::timestamptz::timestamp, 1, $2::timestamptz::timestamp)
     ON CONFLICT (source) DO UPDATE SET
       "windowStart" = CASE WHEN t."windowStart" <= $3::timestamptz::timestamp THEN excluded."windowStart"
                            ELSE t."windowStart" END,
       checks = CASE WHEN t."windowStart" <= $3::timestamptz::timestamp THEN 1 ELSE t.checks + 1 END,
       "notBefore" = CASE WHEN t."windowStart" <= $3::timestamptz::timestamp THEN excluded."notBefore"
                          ELSE excluded."notBefore"
                            + ($4::int[])[LEAST(t.checks + 1, cardinality($4::int[]))] * interval '1 millisecond' END
     WHERE t."windowStart" <= $3::timestamptz::timestamp OR t.checks < $5
        OR t."notBefore" <= $2::timestamptz::timestamp
     RETURNING checks`,
    [source, at, ago(at, SOURCE_WINDOW_MS), DELAYS, SOURCE_FREE_FAILURES],
  );
  if (admitted.length > 0) return { ok: true };
  const [row] = await sql<{ notBefore: Date }>(`SELECT "notBefore" FROM "LoginSourceThrottle" WHERE source = $1`, [
    source,
  ]);
  return { ok: false, wait: secondsToWait(row?.notBefore ?? at, at) };
}

/** Gives back a source's reservation that did not end in a failure (a success, or no check at all). */
export async function releaseSourceAttempt(source: string) {
  await sql(`UPDATE "LoginSourceThrottle" SET checks = GREATEST(checks - 1, 0) WHERE source = $1`, [source]);
}

/**
 * Reserves one password check of (account, source). Refused, without a row, when the account is
 * locked for this source or for everyone, or when the checks already reserved in the window (those
 * failed and those still running) reach the limit.
 */
export async function reserveAccountCheck(employeeNo: string, source: string, at: Date): Promise<boolean> {
  const rows = await sql(
    `INSERT INTO "LoginAttemptCounter" AS c ("employeeNo", source, "windowStart", checks)
     SELECT $1, $2, $3::timestamptz::timestamp, 1
      WHERE NOT EXISTS (SELECT 1 FROM "LoginLock" WHERE "employeeNo" = $1 AND until > $3::timestamptz::timestamp)
     ON CONFLICT ("employeeNo", source) DO UPDATE SET
       "windowStart" = CASE WHEN c."windowStart" <= $4::timestamptz::timestamp THEN excluded."windowStart"
                            ELSE c."windowStart" END,
       checks = CASE WHEN c."windowStart" <= $4::timestamptz::timestamp THEN 1 ELSE c.checks + 1 END,
       failures = CASE WHEN c."windowStart" <= $4::timestamptz::timestamp THEN 0 ELSE c.failures END
     WHERE (c."lockedUntil" IS NULL OR c."lockedUntil" <= $3::timestamptz::timestamp)
       AND (c."windowStart" <= $4::timestamptz::timestamp OR c.checks < $5)
       AND NOT EXISTS (SELECT 1 FROM "LoginLock" WHERE "employeeNo" = $1 AND until > $3::timestamptz::timestamp)
     RETURNING checks`,
    [employeeNo, source, at, ago(at, FAILURE_WINDOW_MS), LOCK_AFTER_FAILURES],
  );
  return rows.length > 0;
}

/** A right password: this source starts again from zero for the account. */
export async function resetAccountChecks(employeeNo: string, source: string) {
  await sql(`UPDATE "LoginAttemptCounter" SET checks = 0, failures = 0 WHERE "employeeNo" = $1 AND source = $2`, [
    employeeNo,
    source,
  ]);
}

export type FailureCount = {
  failures: number;
  /** Set when this failure locked the account for the source (exactly one failure per lock does). */
  lockedForSource: Date | null;
  /** Set when this failure locked the account for every source (again exactly once per lock). */
  lockedForEveryone: Date | null;
};

/** Counts a wrong password; the failure that reaches a limit takes the lock, so each lock is reported once. */
export async function countFailure(employeeNo: string, source: string, at: Date): Promise<FailureCount> {
  const until = later(at, LOCK_DURATION_MS);
  const [row] = await sql<{ failures: number; lockedNow: boolean }>(
    `UPDATE "LoginAttemptCounter" SET failures = failures + 1,
            "lockedUntil" = CASE WHEN failures + 1 = $3 THEN $4::timestamptz::timestamp ELSE "lockedUntil" END
      WHERE "employeeNo" = $1 AND source = $2
      RETURNING failures, failures = $3 AS "lockedNow"`,
    [employeeNo, source, LOCK_AFTER_FAILURES, until],
  );
  const everyone = await sql<{ until: Date }>(
    `INSERT INTO "LoginLock" AS l ("employeeNo", until)
     SELECT $1, $2::timestamptz::timestamp
       FROM (SELECT COALESCE(SUM(failures), 0) AS n FROM "LoginAttemptCounter"
              WHERE "employeeNo" = $1 AND "windowStart" > $3::timestamptz::timestamp) AS total
      WHERE total.n >= $4
     ON CONFLICT ("employeeNo") DO UPDATE SET until = excluded.until WHERE l.until <= $5::timestamptz::timestamp
     RETURNING until`,
    [employeeNo, until, ago(at, FAILURE_WINDOW_MS), LOCK_EVERYONE_AFTER_FAILURES, at],
  );
  return {
    failures: row?.failures ?? 0,
    lockedForSource: row?.lockedNow ? until : null,
    lockedForEveryone: everyone.length > 0 ? until : null,
  };
}
