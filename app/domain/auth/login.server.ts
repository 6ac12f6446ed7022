import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createSession, deleteSessionByToken } from "~/utils/session.server";

import { FAILURE_WINDOW_MS, LOCK_DURATION_MS, shouldLock } from "./auth-rules";
import { burnPasswordCheck, verifyPassword } from "./password.server";

export type LoginOutcome =
  | { ok: true; token: string; mustChangePassword: boolean }
  | { ok: false; error: "auth.invalidCredentials" | "auth.locked" | "auth.disabled" };

/**
 * Checks an employee number and password. Failures are counted per account (never per IP: a whole
 * office shares one address), and unknown numbers are locked like real ones, so neither the
 * messages nor the lock reveal whether an account exists.
 */
export async function login(input: {
  employeeNo: string;
  password: string;
  previousToken?: string | null;
}): Promise<LoginOutcome> {
  const employeeNo = input.employeeNo.trim().toUpperCase();
  const at = now();
  const lock = await db.loginLock.findUnique({ where: { employeeNo } });
  if (lock && lock.until > at) {
    await db.$transaction((tx) =>
      writeAudit(tx, {
        actor: null,
        action: "auth.login_refused_locked",
        entityType: "Account",
        entityId: employeeNo,
        summary: { until: lock.until.toISOString() },
      }),
    );
    return { ok: false, error: "auth.locked" };
  }

  const person = await db.person.findUnique({
    where: { employeeNo },
    select: {
      id: true,
      employeeNo: true,
      passwordHash: true,
      disabledAt: true,
      status: true,
      mustChangePassword: true,
    },
  });
  let valid = false;
  if (person?.passwordHash) valid = await verifyPassword(person.passwordHash, input.password);
  else await burnPasswordCheck(input.password);

  if (!valid || !person) return recordFailure(employeeNo, person?.id ?? null, at);

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
    await tx.loginFailure.deleteMany({ where: { employeeNo } });
    // Rotation: whatever session the browser had before is ended, and a fresh token issued.
    await deleteSessionByToken(tx, input.previousToken ?? null);
    const fresh = await createSession(tx, person.id);
    await writeAudit(tx, {
      actor: { id: person.id, employeeNo },
      action: "auth.login",
      entityType: "Person",
      entityId: person.id,
    });
    return fresh;
  });
  return { ok: true, token, mustChangePassword: person.mustChangePassword };
}

async function recordFailure(employeeNo: string, personId: string | null, at: Date): Promise<LoginOutcome> {
  const locked = await db.$transaction(async (tx) => {
    // Serialise failures of one account so that parallel guesses cannot slip past the count.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"login:" + employeeNo}))`;
    await tx.loginFailure.create({ data: { employeeNo, at } });
    const since = new Date(at.getTime() - FAILURE_WINDOW_MS);
    const failures = await tx.loginFailure.count({ where: { employeeNo, at: { gt: since } } });
    await writeAudit(tx, {
      actor: personId ? { id: personId, employeeNo } : null,
      action: "auth.login_failed",
      entityType: "Account",
      entityId: employeeNo,
      summary: { failures },
    });
    if (!shouldLock(failures)) return false;
    const until = new Date(at.getTime() + LOCK_DURATION_MS);
    await tx.loginLock.upsert({ where: { employeeNo }, create: { employeeNo, until }, update: { until } });
    await tx.loginFailure.deleteMany({ where: { employeeNo } });
    await writeAudit(tx, {
      actor: null,
      action: "auth.lockout",
      entityType: "Account",
      entityId: employeeNo,
      summary: { until: until.toISOString() },
    });
    return true;
  });
  return { ok: false, error: locked ? "auth.locked" : "auth.invalidCredentials" };
}
