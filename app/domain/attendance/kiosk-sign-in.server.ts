// The kiosk on the clerk's device: a trainee without a phone types their employee number and password.
// The password is checked under exactly the login page's rules (the same reserved checks, the same
// counters and locks, the same audit of failures), but no login session is created: the device stays
// the clerk's, and the trainee is signed in to the session only.
import { LOCK_TODO_KIND, reportLock } from "~/domain/auth/account-lock.server";
import {
  countFailure,
  pruneExpired,
  releaseSourceAttempt,
  reserveAccountCheck,
  reserveSourceAttempt,
  resetAccountChecks,
} from "~/domain/auth/login-attempts.server";
import { UNKNOWN_SOURCE } from "~/domain/auth/login.server";
import { burnPasswordCheck, verifyPassword } from "~/domain/auth/password.server";
import { writeAudit, writeAuditSql } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, getPool } from "~/utils/db.server";
import { closeTodos } from "~/utils/todo.server";
import { messageKey } from "~/utils/validation";

import { recordSignIn, type SignInOutcome } from "./sign-in-record.server";

export type KioskOutcome =
  | (Extract<SignInOutcome, { ok: true }> & { person: { name: string; employeeNo: string } })
  | { ok: false; error: string; status: number };

type Verified =
  { ok: true; person: { id: string; employeeNo: string; name: string } } | Extract<KioskOutcome, { ok: false }>;

/** The login page's credential check without its session: see login() in domain/auth/login.server.ts. */
async function verifyCredentials(employeeNo: string, password: string, source: string): Promise<Verified> {
  const at = now();
  const throttle = await reserveSourceAttempt(source, at);
  if (!throttle.ok) return { ok: false, error: messageKey("auth.slowDown", { seconds: throttle.wait }), status: 429 };
  if (!(await reserveAccountCheck(employeeNo, source, at))) {
    await releaseSourceAttempt(source);
    return { ok: false, error: "auth.locked", status: 400 };
  }
  const person = await db.person.findUnique({
    where: { employeeNo },
    select: { id: true, employeeNo: true, name: true, passwordHash: true, disabledAt: true, status: true },
  });
  let valid = false;
  if (person?.passwordHash) valid = await verifyPassword(person.passwordHash, password);
  else await burnPasswordCheck(password);
  if (!valid || !person) return recordFailure(employeeNo, source, person);

  await Promise.all([resetAccountChecks(employeeNo, source), releaseSourceAttempt(source)]);
  if (person.disabledAt || person.status === "LEFT") return { ok: false, error: "auth.disabled", status: 400 };
  // A right password ends a lock the administrators were told of, as a login does.
  await db.$transaction((tx) => closeTodos(tx, { sourceType: "Person", sourceId: person.id, kind: LOCK_TODO_KIND }));
  return { ok: true, person: { id: person.id, employeeNo: person.employeeNo, name: person.name } };
}

// The same counting and audit as a failed login (login.server.ts keeps its own private copy of this).
async function recordFailure(
  employeeNo: string,
  source: string,
  person: { id: string; name: string } | null,
): Promise<Verified> {
  const at = now();
  const [counted] = await Promise.all([countFailure(employeeNo, source, at), pruneExpired(at)]);
  const failed = {
    actor: person ? { id: person.id, employeeNo } : null,
    action: "auth.login_failed",
    entityType: "Account",
    entityId: employeeNo,
    summary: { failures: counted.failures, source, via: "kiosk" },
  };
  const { lockedForSource, lockedForEveryone } = counted;
  if (person && (lockedForSource || lockedForEveryone))
    await db.$transaction(async (tx) => {
      await writeAudit(tx, failed);
      if (lockedForSource) await reportLock(tx, { person, employeeNo, source, until: lockedForSource });
      if (lockedForEveryone) await reportLock(tx, { person, employeeNo, source: null, until: lockedForEveryone });
    });
  else await writeAuditSql(getPool(), failed);
  return {
    ok: false,
    error: lockedForSource || lockedForEveryone ? "auth.locked" : "auth.invalidCredentials",
    status: 400,
  };
}

/**
 * Signs a trainee in at the kiosk: their own employee number and password, typed on `clerk`'s device at
 * `address` (the device's address: the lockout counts per source exactly as for the login page).
 */
export async function kioskSignIn(input: {
  sessionId: string;
  employeeNo: string;
  password: string;
  clerk: { id: string; employeeNo: string };
  address: string | null | undefined;
}): Promise<KioskOutcome> {
  const employeeNo = input.employeeNo.trim().toUpperCase();
  const verified = await verifyCredentials(employeeNo, input.password, input.address || UNKNOWN_SOURCE);
  if (!verified.ok) return verified;
  const { person } = verified;
  const done = await recordSignIn({
    sessionId: input.sessionId,
    person: { id: person.id, employeeNo: person.employeeNo },
    at: now(),
    source: "KIOSK",
    address: input.address,
    kioskClerk: input.clerk,
  });
  return done.ok ? { ...done, person: { name: person.name, employeeNo: person.employeeNo } } : done;
}
