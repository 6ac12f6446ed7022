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
 * The counter row of an account that adds up every source: it caps guesses spread over many addresses
 * (a botnet's parallel burst included) and carries the lock for everyone. No client address is "*".
 */
export const EVERY_SOURCE = "*";

// One statement reserves a check on one counter row: refused (no row returned) while the row is
// locked or its checks in the window (failed or still running) have reached `$5`.
const RESERVE_CHECK = `INSERT INTO "LoginAttemptCounter" AS c ("employeeNo", source, "windowStart", checks)
   VALUES ($1, $2, $3::timestamptz::timestamp, 1)
   ON CONFLICT ("employeeNo", source) DO UPDATE SET
     "windowStart" = CASE WHEN c."windowStart" <= $4::timestamptz::timestamp THEN excluded."windowStart"
                          ELSE c."windowStart" END,
     checks = CASE WHEN c."windowStart" <= $4::timestamptz::timestamp THEN 1 ELSE c.checks + 1 END,
     failures = CASE WHEN c."windowStart" <= $4::timestamptz::timestamp THEN 0 ELSE c.failures END
   WHERE (c."lockedUntil" IS NULL OR c."lockedUntil" <= $3::timestamptz::timestamp)
     AND (c."windowStart" <= $4::timestamptz::timestamp OR c.checks < $5)
   RETURNING checks`;

const RELEASE_CHECK = `UPDATE "LoginAttemptCounter" SET checks = GREATEST(checks - 1, 0)
   WHERE "employeeNo" = $1 AND source = $2`;

/**
 * Reserves one password check of the account over every source, then from this source. Refused when
 * the account is locked for everyone or for this source, or when the checks of the window would pass
 * the limit of either; a reservation taken on the first and refused on the second is given back.
 */
export async function reserveAccountCheck(employeeNo: string, source: string, at: Date): Promise<boolean> {
  const since = ago(at, FAILURE_WINDOW_MS);
  const everyone = await sql(RESERVE_CHECK, [employeeNo, EVERY_SOURCE, at, since, LOCK_EVERYONE_AFTER_FAILURES]);
  if (everyone.length === 0) return false;
  const fromSource = await sql(RESERVE_CHECK, [employeeNo, source, at, since, LOCK_AFTER_FAILURES]);
  if (fromSource.length > 0) return true;
  await sql(RELEASE_CHECK, [employeeNo, EVERY_SOURCE]);
  return false;
}

/** A right password: this source starts again from zero for the account, and the check is no failure. */
export async function resetAccountChecks(employeeNo: string, source: string) {
  await Promise.all([
    sql(`UPDATE "LoginAttemptCounter" SET checks = 0, failures = 0 WHERE "employeeNo" = $1 AND source = $2`, [
      employeeNo,
      source,
    ]),
    sql(RELEASE_CHECK, [employeeNo, EVERY_SOURCE]),
  ]);
}

export type FailureCount = {
  failures: number;
  /** Set when this failure locked the account for the source (exactly one failure per lock does). */
  lockedForSource: Date | null;
  /** Set when this failure locked the account for every source (again exactly once per lock). */
  lockedForEveryone: Date | null;
};

// Counts a failure on one counter row; the failure that reaches `$3` takes the lock and says so.
const COUNT_FAILURE = `UPDATE "LoginAttemptCounter" SET failures = failures + 1,
          "lockedUntil" = CASE WHEN failures + 1 = $3 THEN $4::timestamptz::timestamp ELSE "lockedUntil" END
    WHERE "employeeNo" = $1 AND source = $2
    RETURNING failures, failures = $3 AS "lockedNow"`;

/** Counts a wrong password from the source and over every source; each lock is reported once. */
export async function countFailure(employeeNo: string, source: string, at: Date): Promise<FailureCount> {
  const until = later(at, LOCK_DURATION_MS);
  type Counted = { failures: number; lockedNow: boolean };
  const [[fromSource], [everyone]] = await Promise.all([
    sql<Counted>(COUNT_FAILURE, [employeeNo, source, LOCK_AFTER_FAILURES, until]),
    sql<Counted>(COUNT_FAILURE, [employeeNo, EVERY_SOURCE, LOCK_EVERYONE_AFTER_FAILURES, until]),
  ]);
  return {
    failures: fromSource?.failures ?? 0,
    lockedForSource: fromSource?.lockedNow ? until : null,
    lockedForEveryone: everyone?.lockedNow ? until : null,
  };
}

/**
 * Deletes up to 100 counters whose window and lock have run out (and as many source throttles), so
 * guesses at made-up numbers from many addresses cannot grow the tables without end. Each failure
 * adds at most three rows and removes up to 200.
 */
export async function pruneExpired(at: Date) {
  await Promise.all([
    sql(
      `DELETE FROM "LoginAttemptCounter" WHERE ("employeeNo", source) IN (
         SELECT "employeeNo", source FROM "LoginAttemptCounter"
          WHERE "windowStart" <= $1::timestamptz::timestamp
            AND ("lockedUntil" IS NULL OR "lockedUntil" <= $2::timestamptz::timestamp)
          LIMIT 100)`,
      [ago(at, FAILURE_WINDOW_MS), at],
    ),
    sql(
      `DELETE FROM "LoginSourceThrottle" WHERE source IN (
         SELECT source FROM "LoginSourceThrottle" WHERE "windowStart" <= $1::timestamptz::timestamp LIMIT 100)`,
      [ago(at, SOURCE_WINDOW_MS)],
    ),
  ]);
}
