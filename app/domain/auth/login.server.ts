import { writeAudit, writeAuditSql } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, getPool } from "~/utils/db.server";
import { createSession, deleteSessionByToken } from "~/utils/session.server";
import { closeTodos } from "~/utils/todo.server";
import { messageKey } from "~/utils/validation";

import { LOCK_TODO_KIND, reportLock } from "./account-lock.server";
import {
  countFailure,
  pruneExpired,
  releaseSourceAttempt,
  reserveAccountCheck,
  reserveSourceAttempt,
  resetAccountChecks,
} from "./login-attempts.server";
import { burnPasswordCheck, verifyPassword } from "./password.server";

export type LoginOutcome =
  { ok: true; token: string; mustChangePassword: boolean } | Extract<CredentialCheck, { ok: false }>;

/** The source a request came from, when the server could not tell (a test calling the action directly). */
export const UNKNOWN_SOURCE = "unknown";

/**
 * Checks an employee number and password from a source address. Before any password is hashed, one
 * attempt of the source and one check of (account, source) are reserved atomically: a source past
 * its free failures waits longer after each, and an account takes at most five checks per source in
 * the window; only failures from several sources lock it for everyone. Unknown numbers go the same
 * way, so neither the messages nor the locks reveal whether an account exists.
 */
export type CredentialCheck =
  | {
      ok: true;
      person: {
        id: string;
        employeeNo: string;
        name: string;
        disabledAt: Date | null;
        status: string;
        mustChangePassword: boolean;
      };
    }
  | { ok: false; error: string; status?: 400 | 429; retryAfterSeconds?: number };

/**
 * The password check of the login page, for any place a person types their password (the login page, the
 * training kiosk): the reservations, the counting of failures, the locks and their audit. `via` names the
 * place in the audit of a failure. A right password resets the counters; what it then opens is the caller's.
 */
export async function checkCredentials(input: {
  employeeNo: string;
  password: string;
  source: string;
  via?: string;
}): Promise<CredentialCheck> {
  const { employeeNo, source } = input;
  const at = now();
  const throttle = await reserveSourceAttempt(source, at);
  if (!throttle.ok)
    return {
      ok: false,
      error: messageKey("auth.slowDown", { seconds: throttle.wait }),
      status: 429,
      retryAfterSeconds: throttle.wait,
    };
  if (!(await reserveAccountCheck(employeeNo, source, at))) {
    await releaseSourceAttempt(source);
    return { ok: false, error: "auth.locked" };
  }

  const person = await db.person.findUnique({
    where: { employeeNo },
    select: {
      id: true,
      employeeNo: true,
      name: true,
      passwordHash: true,
      disabledAt: true,
      status: true,
      mustChangePassword: true,
    },
  });
  let valid = false;
  if (person?.passwordHash) valid = await verifyPassword(person.passwordHash, input.password);
  else await burnPasswordCheck(input.password);

  if (!valid || !person) return recordFailure(employeeNo, source, person, input.via);

  await Promise.all([resetAccountChecks(employeeNo, source), releaseSourceAttempt(source)]);
  const { passwordHash: _hash, ...checked } = person;
  return { ok: true, person: checked };
}

export async function login(input: {
  employeeNo: string;
  password: string;
  source: string;
  previousToken?: string | null;
}): Promise<LoginOutcome> {
  const employeeNo = input.employeeNo.trim().toUpperCase();
  const source = input.source || UNKNOWN_SOURCE;
  const checked = await checkCredentials({ employeeNo, password: input.password, source });
  if (!checked.ok) return checked;
  const { person } = checked;
  if (person.disabledAt || person.status === "LEFT") {
    await db.$transaction((tx) =>
      writeAudit(tx, {
        actor: { id: person.id, employeeNo },
        action: "auth.login_refused_disabled",
        entityType: "Person",
        entityId: person.id,
      }),
    );
    return { ok: false, error: "auth.disabled" };
  }

  const token = await db.$transaction(async (tx) => {
    // Rotation: whatever session the browser had before is ended, and a fresh token issued.
    await deleteSessionByToken(tx, input.previousToken ?? null);
    const fresh = await createSession(tx, person.id);
    // Signed in again: a lock the administrators were told of needs nothing more from them.
    await closeTodos(tx, { sourceType: "Person", sourceId: person.id, kind: LOCK_TODO_KIND });
    await writeAudit(tx, {
      actor: { id: person.id, employeeNo },
      action: "auth.login",
      entityType: "Person",
      entityId: person.id,
      summary: { source },
    });
    return fresh;
  });
  return { ok: true, token, mustChangePassword: person.mustChangePassword };
}

async function recordFailure(
  employeeNo: string,
  source: string,
  person: { id: string; name: string } | null,
  via?: string,
): Promise<Extract<CredentialCheck, { ok: false }>> {
  const at = now();
  const [counted] = await Promise.all([countFailure(employeeNo, source, at), pruneExpired(at)]);
  const failed = {
    actor: person ? { id: person.id, employeeNo } : null,
    action: "auth.login_failed",
    entityType: "Account",
    entityId: employeeNo,
    summary: { failures: counted.failures, source, ...(via ? { via } : {}) },
  };
  const { lockedForSource, lockedForEveryone } = counted;
  // Administrators hear of locks on real accounts only; a lock on a made-up number concerns no one.
  if (person && (lockedForSource || lockedForEveryone))
    await db.$transaction(async (tx) => {
      await writeAudit(tx, failed);
      if (lockedForSource) await reportLock(tx, { person, employeeNo, source, until: lockedForSource });
      if (lockedForEveryone) await reportLock(tx, { person, employeeNo, source: null, until: lockedForEveryone });
    });
  // One INSERT on the pool, no interactive transaction: a flood of failures cannot run out of them.
  else await writeAuditSql(getPool(), failed);
  return { ok: false, error: lockedForSource || lockedForEveryone ? "auth.locked" : "auth.invalidCredentials" };
}
