// The kiosk on the clerk's device: a trainee without a phone types their employee number and password.
// The password is checked under exactly the login page's rules (the same reserved checks, the same
// counters and locks, the same audit of failures), but no login session is created: the device stays
// the clerk's, and the trainee is signed in to the session only.
import { LOCK_TODO_KIND } from "~/domain/auth/account-lock.server";
import { checkCredentials, UNKNOWN_SOURCE } from "~/domain/auth/login.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { closeTodos } from "~/utils/todo.server";

import { ROSTER_LOCKED, rosterClosed } from "../archive/roster-lock.server";

import { recordSignIn, type SignInOutcome } from "./sign-in-record.server";

export type KioskOutcome =
  | (Extract<SignInOutcome, { ok: true }> & { person: { name: string; employeeNo: string } })
  | { ok: false; error: string; status: number };

/** The login page's credential check without its session (checkCredentials); a disabled account is refused. */
async function verifyCredentials(employeeNo: string, password: string, source: string) {
  const checked = await checkCredentials({ employeeNo, password, source, via: "kiosk" });
  if (!checked.ok) return { ok: false as const, error: checked.error, status: checked.status ?? 400 };
  const { person } = checked;
  if (person.disabledAt || person.status === "LEFT") return { ok: false as const, error: "auth.disabled", status: 400 };
  // A right password ends a lock the administrators were told of, as a login does.
  await db.$transaction((tx) => closeTodos(tx, { sourceType: "Person", sourceId: person.id, kind: LOCK_TODO_KIND }));
  return { ok: true as const, person: { id: person.id, employeeNo: person.employeeNo, name: person.name } };
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
  // Before the password is checked: a closed roster takes no sign-in, so no attempt is counted against anyone.
  if (await rosterClosed(input.sessionId)) return { ok: false, error: ROSTER_LOCKED, status: 409 };
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
