import { afterEach, describe, expect, it } from "vitest";

import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_PASSWORD } from "../../../prisma/seed/demo";
import { seedDemoCompany } from "../../../tests/integration/support";

import { login } from "./login.server";

const OFFICE = "198.51.100.7";
const at = (iso: string) => freezeClock(iso);
afterEach(() => setClock(null));

describe("signing in", () => {
  it("a right password opens a server-side session and is audited", async () => {
    await seedDemoCompany();
    const result = await login({ employeeNo: "t0001", password: DEMO_PASSWORD, source: OFFICE });
    expect(result.ok).toBe(true);
    const person = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0001" } });
    expect(await db.session.count({ where: { personId: person.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "auth.login", actorId: person.id } })).toBe(1);
  });

  it("a wrong password and an unknown account give the same message, and both are audited", async () => {
    await seedDemoCompany();
    const wrong = await login({ employeeNo: "C0101", password: "not-the-password", source: OFFICE });
    const unknown = await login({ employeeNo: "Z9999", password: "not-the-password", source: OFFICE });
    expect(wrong).toEqual({ ok: false, error: "auth.invalidCredentials" });
    expect(unknown).toEqual(wrong);
    expect(await db.auditEntry.count({ where: { action: "auth.login_failed" } })).toBe(2);
  });

  it("five failures within 15 minutes lock the account for 15 minutes, even against the right password", async () => {
    await seedDemoCompany();
    at("2026-03-02T02:00:00Z");
    for (let i = 0; i < 4; i++)
      expect((await login({ employeeNo: "C0105", password: "wrong-password-x", source: OFFICE })).ok).toBe(false);
    expect(await login({ employeeNo: "C0105", password: "wrong-password-x", source: OFFICE })).toEqual({
      ok: false,
      error: "auth.locked",
    });
    const c0105 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0105" } });
    expect(await db.auditEntry.count({ where: { action: "auth.lockout", entityId: c0105.id } })).toBe(1);

    at("2026-03-02T02:14:00Z");
    expect(await login({ employeeNo: "C0105", password: DEMO_PASSWORD, source: OFFICE })).toEqual({
      ok: false,
      error: "auth.locked",
    });
    // Another account in the same office is not affected: the lock is on the account (for this address).
    expect((await login({ employeeNo: "C0106", password: DEMO_PASSWORD, source: OFFICE })).ok).toBe(true);

    at("2026-03-02T02:15:01Z");
    expect((await login({ employeeNo: "C0105", password: DEMO_PASSWORD, source: OFFICE })).ok).toBe(true);
  });

  it("failures spread over more than 15 minutes do not lock", async () => {
    await seedDemoCompany();
    for (const minute of [0, 5, 10, 16, 20]) {
      at(`2026-03-02T03:${String(minute).padStart(2, "0")}:00Z`);
      expect(await login({ employeeNo: "C0107", password: "wrong-password-x", source: OFFICE })).toEqual({
        ok: false,
        error: "auth.invalidCredentials",
      });
    }
  });

  it("an unknown employee number is locked the same way, so a lock reveals nothing", async () => {
    await seedDemoCompany();
    at("2026-03-02T04:00:00Z");
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await login({ employeeNo: "NOBODY1", password: "wrong-password-x", source: OFFICE }));
    expect(results.at(-1)).toEqual({ ok: false, error: "auth.locked" });
  });

  it("parallel wrong guesses cannot slip past the lock", async () => {
    await seedDemoCompany();
    at("2026-03-02T05:00:00Z");
    await Promise.all(
      Array.from({ length: 8 }, () => login({ employeeNo: "C0108", password: "wrong-password-x", source: OFFICE })),
    );
    expect(await login({ employeeNo: "C0108", password: DEMO_PASSWORD, source: OFFICE })).toEqual({
      ok: false,
      error: "auth.locked",
    });
  });

  it("a disabled person cannot sign in", async () => {
    await seedDemoCompany();
    await db.person.update({ where: { employeeNo: "C0109" }, data: { disabledAt: new Date() } });
    expect(await login({ employeeNo: "C0109", password: DEMO_PASSWORD, source: OFFICE })).toEqual({
      ok: false,
      error: "auth.disabled",
    });
  });

  it("signing in again rotates the session: the old token no longer works", async () => {
    await seedDemoCompany();
    const first = await login({ employeeNo: "C0110", password: DEMO_PASSWORD, source: OFFICE });
    const second = await login({
      employeeNo: "C0110",
      password: DEMO_PASSWORD,
      source: OFFICE,
      previousToken: first.ok ? first.token : null,
    });
    expect(second.ok && first.ok && second.token !== first.token).toBe(true);
    const person = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0110" } });
    expect(await db.session.count({ where: { personId: person.id } })).toBe(1);
  });
});
