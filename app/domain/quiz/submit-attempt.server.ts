// Finalising an attempt: by the agent, or automatically once the server's deadline has passed. Two round trips
// on the attempt pool (hand-in.server.ts, ADR 0035): the attempt and its answers are read and scored without a
// lock, then one statement locks them, checks the attempt is still open and no answer changed since the read,
// and only then writes it all (the audit entry in the same statement). The attempt is locked FOR UPDATE, which
// waits for every answer in flight (saveAnswer holds it FOR SHARE while it writes): an answer that committed
// after the read fails the check and the hand-in reads again, so an acknowledged answer is always scored; an
// answer that comes after the hand-in finds the attempt handed in. The write is conditional on the locked
// row's status, so it happens exactly once however many requests race. A check that keeps failing (answers
// arriving all the while) ends in the old way: one transaction that reads FOR UPDATE and writes.
import { type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { getAttemptPool } from "~/utils/db.server";

import { attemptSql, attemptTransaction } from "./attempt-sql.server";
import { readHandIn, writeHandIn, type HandInWrite } from "./hand-in.server";

/** `missing`: no such attempt (of that owner). */
export type FinaliseOutcome = { finalised: true; passed: boolean } | { finalised: false; missing?: true };

/** How many times the unlocked read is tried before the hand-in locks before it reads. */
export const OPTIMISTIC_TRIES = 3;

/** The read of a hand-in: a test passes one that changes an answer after reading, to reach the fallback. */
type ReadHandIn = typeof readHandIn;

/** `ownerId`: finalise only that person's attempt (an agent handing in their own). */
export async function finaliseAttempt(
  attemptId: string,
  options: { auto: boolean; actor?: AuditActor; ownerId?: string },
  readAttempt: ReadHandIn = readHandIn,
): Promise<FinaliseOutcome> {
  const owner = options.ownerId ?? null;
  for (let tries = 0; tries < OPTIMISTIC_TRIES; tries++) {
    const pool = getAttemptPool();
    const read = await readAttempt(attemptId, owner, pool);
    if (!read) return { finalised: false, missing: true };
    if (read.attempt.status !== "OPEN") return { finalised: false };
    // The clock is read after the answers: an answer acknowledged later changes a version and fails the check.
    const written = await writeHandIn(attemptId, read, { ...options, at: now() }, pool);
    if (written.status !== "changed") return outcome(written);
  }
  return attemptTransaction(async (client) => {
    const read = await readAttempt(attemptId, owner, client, true);
    if (!read) return { finalised: false, missing: true };
    if (read.attempt.status !== "OPEN") return { finalised: false };
    return outcome(await writeHandIn(attemptId, read, { ...options, at: now() }, client));
  });
}

const outcome = (written: HandInWrite): FinaliseOutcome =>
  written.status === "written" ? { finalised: true, passed: written.passed } : { finalised: false };

/** The sweep: every open attempt past its deadline (of one person, or everyone's) is finalised. */
export async function finaliseExpiredAttempts(where: { personId?: string; quizId?: string } = {}) {
  const expired = await attemptSql<{ id: string }>(
    `SELECT id FROM "QuizAttempt" WHERE status = 'OPEN' AND "deadlineAt" <= $1::timestamptz::timestamp
       AND ($2::text IS NULL OR "personId" = $2) AND ($3::text IS NULL OR "quizId" = $3)`,
    [now(), where.personId ?? null, where.quizId ?? null],
  );
  for (const a of expired) await finaliseAttempt(a.id, { auto: true });
  return expired.length;
}

/** The agent hands in their own attempt; anyone else's is "not found". Submitting twice changes nothing. */
export async function submitOwnAttempt(
  actor: { id: string; employeeNo: string },
  attemptId: string,
): Promise<{ ok: true; finalised: boolean } | { ok: false; error: string }> {
  const outcome = await finaliseAttempt(attemptId, { auto: false, actor, ownerId: actor.id });
  return outcome.finalised || !outcome.missing
    ? { ok: true, finalised: outcome.finalised }
    : { ok: false, error: "errors.notFound" };
}
