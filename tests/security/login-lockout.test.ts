// Attack: guessing passwords past the lockout with parallel requests, locking anyone out from one
// address, and spraying one password over many accounts from one address.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { login, type LoginOutcome } from "~/domain/auth/login.server";
import type * as PasswordModule from "~/domain/auth/password.server";
import { action as personAction, loader as personLoader } from "~/routes/_app.people.$personId";
import { action as loginAction } from "~/routes/login";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { serverT } from "~/utils/i18n";
import { translateMessage } from "~/utils/validation";

import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import {
  cookieFor,
  DEMO_AT,
  flashOf,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "../integration/support";

// Every password check (argon2) counted, real or against the dummy hash of an unknown number. The test
// worker keeps one module graph for several files: forget it, so this file's imports load the app again
// with the counting password module below.
const checks = vi.hoisted(() => {
  vi.resetModules();
  return { count: 0 };
});
vi.mock("~/domain/auth/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof PasswordModule>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      checks.count++;
      return real.verifyPassword(hash, password);
    },
    burnPasswordCheck: (password: string) => {
      checks.count++;
      return real.burnPasswordCheck(password);
    },
  };
});

const WRONG = "wrong-password-123";
const A = "203.0.113.10";
const B = "198.51.100.20";
const minutes = (n: number) => n * 60_000;
const at = (ms = 0) => freezeClock(new Date(DEMO_AT.getTime() + ms));
const attempt = (employeeNo: string, source: string, password = WRONG) => login({ employeeNo, password, source });
const errorOf = (result: LoginOutcome) => (result.ok ? "ok" : result.error.split("::")[0]);

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  checks.count = 0;
  at();
});
afterEach(() => setClock(null));

describe("parallel guesses", () => {
  it("100 wrong passwords at once for one account from one address: at most 5 are checked, none fails", async () => {
    const settled = await Promise.allSettled(Array.from({ length: 100 }, () => attempt("C0101", A)));
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const errors = settled.map((s) => (s.status === "fulfilled" ? errorOf(s.value) : "rejected"));
    expect(new Set(errors)).toEqual(new Set(["auth.invalidCredentials", "auth.locked", "auth.slowDown"]));
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(await db.auditEntry.count({ where: { action: "auth.login_failed", entityId: "C0101" } })).toBe(checks.count);
  });

  it("100 wrong passwords at once from 100 addresses: at most 20 are checked, then all are locked out", async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt("C0109", `10.1.${i}.1`)));
    expect(checks.count).toBeLessThanOrEqual(20);
    expect(results.filter((r) => errorOf(r) === "auth.invalidCredentials").length).toBeLessThanOrEqual(20);
    expect(errorOf(await attempt("C0109", "10.9.9.9", DEMO_PASSWORD))).toBe("auth.locked");
  });

  it("29 wrong passwords at once, then the right one: the right one is refused", async () => {
    await Promise.all(Array.from({ length: 29 }, () => attempt("C0102", A)));
    expect(await attempt("C0102", A, DEMO_PASSWORD)).toEqual({ ok: false, error: "auth.locked" });
    expect(checks.count).toBe(5);
  });

  it("50 parallel posts to the login page: the address reaches the count and none answers 500", async () => {
    const post = (employeeNo: string, clientAddress: string, password = WRONG) =>
      outcome(() =>
        loginAction({
          request: requestAs(null, "/login", { form: { employeeNo, password } }),
          params: {},
          context: { cspNonce: "", clientAddress },
        }),
      );
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post(`C01${10 + (i % 5)}`, A)));
    expect(results.map((r) => r.status).filter((s) => s !== 400 && s !== 429)).toEqual([]);
    expect(await db.loginAttemptCounter.count({ where: { source: A } })).toBeGreaterThan(0);
    expect(await db.loginAttemptCounter.count({ where: { source: { notIn: [A, "*"] } } })).toBe(0);
    // Another address is a different source: the right password still signs in.
    expect((await post("C0110", B, DEMO_PASSWORD)).status).toBe(302);
  });
});

describe("locking out from one address", () => {
  it("five failures from one address lock the account there, not for someone elsewhere", async () => {
    for (let i = 0; i < 4; i++) expect(errorOf(await attempt("G0001", A))).toBe("auth.invalidCredentials");
    expect(errorOf(await attempt("G0001", A))).toBe("auth.locked");
    expect(errorOf(await attempt("G0001", A, DEMO_PASSWORD))).toBe("auth.locked");
    expect((await attempt("G0001", B, DEMO_PASSWORD)).ok).toBe(true);
    expect(checks.count).toBe(6);
  });

  it("only failures from several addresses adding up to 20 lock the account for everyone", async () => {
    for (const source of ["192.0.2.1", "192.0.2.2", "192.0.2.3"])
      for (let i = 0; i < 5; i++) await attempt("A0001", source);
    // Fifteen failures from three addresses: a fourth still signs in.
    expect((await attempt("A0001", "192.0.2.4", DEMO_PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await attempt("A0001", "192.0.2.4");
    expect(errorOf(await attempt("A0001", "192.0.2.4"))).toBe("auth.locked");
    const before = checks.count;
    expect(errorOf(await attempt("A0001", "192.0.2.99", DEMO_PASSWORD))).toBe("auth.locked");
    expect(checks.count).toBe(before);
    const everyone = await db.loginAttemptCounter.findUniqueOrThrow({
      where: { employeeNo_source: { employeeNo: "A0001", source: "*" } },
    });
    expect(everyone.lockedUntil).not.toBeNull();
  });

  it("guesses spread thinly over many addresses are capped too", async () => {
    for (let source = 1; source <= 10; source++)
      for (let i = 0; i < 2; i++) await attempt("T0002", `192.0.2.${source}`);
    expect(errorOf(await attempt("T0002", "192.0.2.77", DEMO_PASSWORD))).toBe("auth.locked");
  });

  it("counts restart after the window, and a lock ends after 15 minutes", async () => {
    for (let i = 0; i < 4; i++) await attempt("C0103", A);
    at(minutes(15) + 1);
    for (let i = 0; i < 4; i++) expect(errorOf(await attempt("C0103", A))).toBe("auth.invalidCredentials");
    expect(errorOf(await attempt("C0103", A))).toBe("auth.locked");
    at(minutes(30));
    expect(errorOf(await attempt("C0103", A, DEMO_PASSWORD))).toBe("auth.locked");
    at(minutes(30) + 2);
    expect((await attempt("C0103", A, DEMO_PASSWORD)).ok).toBe(true);
  });

  it("guesses at made-up numbers leave no rows behind once their window has run out", async () => {
    for (let i = 0; i < 6; i++) await attempt(`ZZ${i}`, `192.0.2.${i}`);
    expect(await db.loginAttemptCounter.count()).toBe(12);
    at(minutes(61));
    await attempt("C0110", B);
    expect(await db.loginAttemptCounter.findMany({ select: { employeeNo: true } })).toEqual([
      { employeeNo: "C0110" },
      { employeeNo: "C0110" },
    ]);
    expect(await db.loginSourceThrottle.findMany({ select: { source: true } })).toEqual([{ source: B }]);
  });

  it("an unknown employee number answers and locks exactly like a real one", async () => {
    const real: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 7; i++) {
      real.push(errorOf(await attempt("C0104", A)));
      unknown.push(errorOf(await attempt("Z9999", B)));
    }
    expect(unknown).toEqual(real);
  });
});

describe("throttling one address over many accounts", () => {
  it("after ten failures each attempt waits longer, and one too early is refused without a check", async () => {
    for (let i = 1; i <= 10; i++) expect(errorOf(await attempt(`C02${String(i).padStart(2, "0")}`, A))).not.toBe("ok");
    let elapsed = 0;
    for (const wait of [1, 2, 4, 8]) {
      const before = checks.count;
      const early = await attempt("C0220", A, DEMO_PASSWORD);
      expect(early).toMatchObject({ ok: false, status: 429, retryAfterSeconds: wait });
      expect(errorOf(early)).toBe("auth.slowDown");
      if (!early.ok) expect(translateMessage(serverT("zh-CN"), early.error)).toContain(`请 ${wait} 秒后再试`);
      expect(checks.count).toBe(before);
      at((elapsed += wait * 1000) - 1);
      expect(errorOf(await attempt("C0219", A))).toBe("auth.slowDown");
      at(elapsed);
      expect(errorOf(await attempt("C0219", A))).toBe("auth.invalidCredentials");
      expect(checks.count).toBe(before + 1);
    }
    // Another address is not slowed by this one.
    expect((await attempt("C0220", B, DEMO_PASSWORD)).ok).toBe(true);
  });

  it("an office signing in through one address is never slowed by its own successes", async () => {
    for (let i = 1; i <= 15; i++)
      expect((await attempt(`C01${String(i).padStart(2, "0")}`, A, DEMO_PASSWORD)).ok).toBe(true);
  });
});

describe("telling and unlocking", () => {
  const lockOut = async (employeeNo: string) => {
    for (let i = 0; i < 8; i++) await attempt(employeeNo, A);
  };
  const unlockAs = async (employeeNo: string, id: string) =>
    outcome(async () =>
      personAction({
        request: requestAs(await cookieFor(employeeNo), `/people/${id}`, {
          form: { intent: "unlock", reason: "本人来电确认" },
        }),
        params: { personId: id },
        context: { cspNonce: "" },
      }),
    );

  it("a lock is audited and put on the administrators' to-do list once, not per refused attempt", async () => {
    await lockOut("C0105");
    const id = await personId("C0105");
    expect(await db.auditEntry.count({ where: { action: "auth.lockout", entityId: id } })).toBe(1);
    const todos = await db.todoItem.findMany({ where: { kind: "accountLocked", sourceId: id, doneAt: null } });
    expect(todos.map((t) => t.personId)).toEqual([await personId("A0001")]);
    // A made-up number concerns no administrator.
    await lockOut("Z0001");
    expect(await db.auditEntry.count({ where: { action: "auth.lockout" } })).toBe(1);
    expect(await db.todoItem.count({ where: { kind: "accountLocked" } })).toBe(1);
    // The lock runs out and the person signs in: nothing is left for the administrator to do.
    at(minutes(15) + 1);
    expect((await attempt("C0105", A, DEMO_PASSWORD)).ok).toBe(true);
    expect(await db.todoItem.count({ where: { kind: "accountLocked", doneAt: null } })).toBe(0);
  });

  it("the administrator sees the lock and unlocks: audited, the to-do closes, the person signs in", async () => {
    await lockOut("C0106");
    const id = await personId("C0106");
    const page = await personLoader({
      request: requestAs(await cookieFor("A0001"), `/people/${id}`),
      params: { personId: id },
      context: { cspNonce: "" },
    });
    expect(page.lockedUntil).toBe(new Date(DEMO_AT.getTime() + minutes(15)).toISOString());
    const { html } = await renderInLayout(await cookieFor("A0001"), `/people/${id}`, "_app.people.$personId");
    expect(html).toContain("账号已锁定至");
    expect(html).toContain('value="unlock"');
    // A department head may open the person's page but sees no lock and no button.
    const head = await renderInLayout(await cookieFor("D0101"), `/people/${id}`, "_app.people.$personId");
    expect(head.status).toBe(200);
    expect(head.html).not.toContain('value="unlock"');

    const done = await unlockAs("A0001", id);
    expect(done.status).toBe(302);
    expect(await flashOf(done)).toMatchObject({ message: "people.notices.unlocked" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "auth.unlocked", entityId: id } });
    expect(audit).toMatchObject({ actorEmployeeNo: "A0001", reason: "本人来电确认" });
    expect(await db.todoItem.count({ where: { kind: "accountLocked", sourceId: id, doneAt: null } })).toBe(0);
    expect((await attempt("C0106", A, DEMO_PASSWORD)).ok).toBe(true);
  });

  it.each(["D0101", "C0107", "T0001"])("%s may not unlock, and the lock stays", async (employeeNo) => {
    await lockOut("C0108");
    const id = await personId("C0108");
    expect((await unlockAs(employeeNo, id)).status).toBe(403);
    expect(await db.auditEntry.count({ where: { action: "auth.unlocked" } })).toBe(0);
    expect(errorOf(await attempt("C0108", A, DEMO_PASSWORD))).toBe("auth.locked");
  });
});
