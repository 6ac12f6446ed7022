// The clearance API over real HTTP, against the test database: the case system's view of the gate.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, beforeEach, expect, it, vi } from "vitest";

import { refreshStaleCertifications } from "~/domain/certification/certification-store.server";
import { createApiKey, revokeApiKey } from "~/domain/clearance/api-keys.server";
import { fingerprint, loadChangedCertifications, loadSnapshot } from "~/domain/clearance/clearance-snapshot.server";
import { createClearanceService, type ClearanceService } from "~/fast-paths/clearance.server";
import { now, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createPgPool } from "~/utils/pg-pool.server";
import { sql } from "~/utils/sql.server";

import { passQuiz } from "./assessment-support";
import { reviseRule } from "./rule-support";
import { personId, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

let service: ClearanceService;
let server: Server;
let base: string;
let key: string;
let keyId: string;
const admin = { id: "admin", employeeNo: "A0001" };

async function start(connectionString = process.env.DATABASE_URL!, onError?: (e: unknown) => void) {
  // The tests write the call log themselves (flushLog), never on the timer's schedule.
  service = createClearanceService({ connectionString, onError, flushMs: 60_000 });
  server = createServer((req, res) => {
    if (!service.handle(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const call = (employeeNo: string, authorization: string | null = `Bearer ${key}`) =>
  fetch(`${base}/api/v1/clearance/${encodeURIComponent(employeeNo)}`, {
    headers: authorization ? { Authorization: authorization } : {},
  });

/** Milliseconds until `check` holds, checked every 20 ms (gives up after 3 s). */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  const holds = async () => {
    if (!(await check())) throw new Error("not yet");
  };
  try {
    await vi.waitFor(holds, { timeout: 3_000, interval: 20 });
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return Date.now() - t0;
}

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  admin.id = await personId("A0001");
  ({ key, id: keyId } = await createApiKey(admin, "催收作业系统"));
  await start();
  await service.refresh();
});

afterEach(async () => {
  await new Promise((r) => server.close(r));
  await service.stop();
});

it("a certified agent: 200, cleared, until when, and every rule", async () => {
  const res = await call("C0102");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = await res.json();
  expect(Object.keys(body)).toEqual(["employeeNo", "cleared", "reasons", "validUntil", "rules"]);
  expect(body).toMatchObject({ employeeNo: "C0102", cleared: true, reasons: ["passed"] });
  expect(new Date(body.validUntil).getTime()).toBeGreaterThan(now().getTime());
  const ruleIds = (await db.callRule.findMany({ select: { id: true } })).map((r) => r.id).sort();
  expect(Object.keys(body.rules).sort()).toEqual(ruleIds);
  expect(body.rules.B8).toBe(true);
});

it("answer headers: JSON, not cached or sniffed, its length; a 401 challenges, a 405 what is allowed", async () => {
  const fixed = (res: Response) => ({
    type: res.headers.get("content-type"),
    cache: res.headers.get("cache-control"),
    sniff: res.headers.get("x-content-type-options"),
  });
  const expected = { type: "application/json; charset=utf-8", cache: "no-store", sniff: "nosniff" };
  const ok = await call("C0102");
  expect(fixed(ok)).toEqual(expected);
  expect(Number(ok.headers.get("content-length"))).toBe(Buffer.byteLength(await ok.text()));
  const refused = await call("C0102", null);
  expect(fixed(refused)).toEqual(expected);
  expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="traingate"');
  expect(Number(refused.headers.get("content-length"))).toBe(Buffer.byteLength(await refused.text()));
  const posted = await fetch(`${base}/api/v1/clearance/C0102`, { method: "POST" });
  expect([posted.status, posted.headers.get("allow")]).toEqual([405, "GET"]);
  expect(fixed(posted)).toEqual(expected);
  expect(ok.headers.get("allow")).toBeNull();
  expect(ok.headers.get("www-authenticate")).toBeNull();
});

it("an agent who never passed: 200, not cleared, the reason, no date", async () => {
  const res = await call("C0101");
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({
    employeeNo: "C0101",
    cleared: false,
    reasons: ["neverPassed"],
    validUntil: null,
    rules: { B3: false },
  });
});

it("a missing or wrong key is 401; an unknown person is 404", async () => {
  expect((await call("C0102", null)).status).toBe(401);
  expect((await call("C0102", "Bearer tgk_wrong")).status).toBe(401);
  expect((await call("C0102", `Basic ${key}`)).status).toBe(401);
  const unknown = await call("X9999");
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toEqual({ error: "notFound", employeeNo: "X9999" });
});

it("a revoked key is refused within a second", async () => {
  expect((await call("C0102")).status).toBe(200);
  await revokeApiKey(admin, keyId);
  expect(await msUntil(async () => (await call("C0102")).status === 401)).toBeLessThan(1_000);
});

it("a rule change lapses the certification after the grace period, within a second of being published", async () => {
  expect((await (await call("C0102")).json()).cleared).toBe(true);
  // A new B3 wording that took effect 8 days ago: the 7 grace days are over.
  await reviseRule("B3", new Date(now().getTime() - 8 * 86_400_000));
  expect(await msUntil(async () => (await (await call("C0102")).json()).cleared === false)).toBeLessThan(1_000);
  expect(await (await call("C0102")).json()).toMatchObject({
    cleared: false,
    reasons: ["ruleChanged:B3"],
    validUntil: null,
    rules: { B3: false, B8: false },
  });
});

it("a certification ended by disabling the person is refused within a second", async () => {
  await db.person.update({ where: { employeeNo: "C0102" }, data: { disabledAt: now() } });
  expect(await msUntil(async () => (await (await call("C0102")).json()).cleared === false)).toBeLessThan(1_000);
  expect(await (await call("C0102")).json()).toMatchObject({ reasons: ["inactive"] });
});

it("a hand-in changes the agent's answer within a second (only the changed rows are read again)", async () => {
  expect(await (await call("C0101")).json()).toMatchObject({ reasons: ["neverPassed"] });
  await passQuiz("C0101");
  const answered = async () => ((await (await call("C0101")).json()).reasons as string[])[0] !== "neverPassed";
  expect(await msUntil(answered)).toBeLessThan(1_000);
  expect(await msUntil(async () => (await call("C0102")).status === 200)).toBeLessThan(1_000);
});

it("after a hand-in, the rows read again are exactly those written since the given horizon", async () => {
  const pool = createPgPool(process.env.DATABASE_URL!, 1, () => {});
  try {
    const { key } = await refreshStaleCertifications();
    // A horizon after every row written so far (other test files share the cluster's transaction ids, and
    // a long transaction of theirs holds the fingerprint's horizon back: then more rows are read, only slower).
    const [{ x }] = await sql<{ x: string }>(`SELECT max(xmin::text::bigint)::text AS x FROM "CertificationState"`);
    const since = BigInt(x) + 1n;
    const before = await fingerprint(pool);
    const snapshot = await loadSnapshot(pool, key);
    expect(snapshot.people.get("C0101")!.certification!.status).toBe("never");

    await passQuiz("C0101");
    await refreshStaleCertifications();
    const after = await fingerprint(pool);
    expect(after.whole).toBe(before.whole);
    expect(after.certs).not.toBe(before.certs);
    const next = await loadChangedCertifications(pool, key, snapshot, since);
    expect(next.people.get("C0101")!.certification!.reasons).not.toContainEqual({ code: "neverPassed" });
    // Only the changed row is read again: every other entry is the previous one.
    expect(next.people.get("C0102")).toBe(snapshot.people.get("C0102"));
    const reread = [...next.people].filter(([no, entry]) => snapshot.people.get(no) !== entry).map(([no]) => no);
    expect(reread).toEqual(["C0101"]);
  } finally {
    await pool.end();
  }
});

it("fails closed: without a database the answer is 503 and not cleared", async () => {
  await new Promise((r) => server.close(r));
  await service.stop();
  const onError = vi.fn();
  await start("postgresql://nobody:wrong@127.0.0.1:1/none", onError);
  await service.refresh().catch(() => {});
  const res = await call("C0102");
  expect(res.status).toBe(503);
  expect(await res.json()).toMatchObject({ cleared: false, reasons: ["unavailable"] });
  expect(onError).toHaveBeenCalled();
});

it("an error while answering is a 503 that still names the employee number asked about", async () => {
  await new Promise((r) => server.close(r));
  await service.stop();
  const onError = vi.fn();
  await start(undefined, onError);
  await service.refresh();
  const fault = new Error("the clock broke");
  setClock(() => {
    throw fault;
  });
  try {
    const res = await call("c0102");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      employeeNo: "C0102",
      cleared: false,
      reasons: ["unavailable"],
      validUntil: null,
      rules: {},
    });
    expect(onError).toHaveBeenCalledWith(fault);
    // Not an employee number: the same shape, with none named (what was sent is never echoed).
    const odd = await call("<b>");
    expect(odd.status).toBe(503);
    expect(await odd.json()).toMatchObject({ employeeNo: null, cleared: false, reasons: ["unavailable"] });
  } finally {
    setClock(null);
  }
});

it("every call is logged, in batches", async () => {
  const before = now().getTime();
  await Promise.all([call("C0102"), call("C0101"), call("X9999"), call("C0102", null)]);
  const after = now().getTime();
  expect(await db.clearanceCall.count()).toBe(0);
  await service.flushLog();
  const rows = await db.clearanceCall.findMany({
    orderBy: { id: "asc" },
    select: { employeeNo: true, status: true, cleared: true, apiKeyId: true, at: true },
  });
  expect(rows).toHaveLength(4);
  // The time of each call, to the millisecond it was answered.
  for (const { at } of rows) expect(at.getTime()).toSatisfy((ms: number) => ms >= before && ms <= after);
  expect(rows.filter((r) => r.status === 200 && r.cleared).map(({ at: _, ...row }) => row)).toEqual([
    { employeeNo: "C0102", status: 200, cleared: true, apiKeyId: keyId },
  ]);
  expect(rows.find((r) => r.status === 401)).toMatchObject({ apiKeyId: null, cleared: false });
});

it("an administrator creates a key (shown once, stored hashed) and revokes it on the API keys page", async () => {
  const keysPage = await import("~/routes/_app.api-keys");
  const { cookieFor, flashOf, outcome, requestAs } = await import("./support");
  const cookie = await cookieFor("A0001");
  const created = await outcome(() =>
    keysPage.action({
      request: requestAs(cookie, "/api-keys", { form: { intent: "create", name: "外呼系统" } }),
      params: {},
      context: { cspNonce: "" },
    }),
  );
  const newKey = (created.body as { created: { key: string } }).created.key;
  const stored = await db.apiKey.findFirstOrThrow({ where: { name: "外呼系统" } });
  expect(stored.keyHash).not.toContain(newKey);
  expect(JSON.stringify(await db.apiKey.findMany())).not.toContain(newKey);
  const list = await outcome(() =>
    keysPage.loader({ request: requestAs(cookie, "/api-keys"), params: {}, context: { cspNonce: "" } }),
  );
  expect(JSON.stringify(list.body)).not.toContain(newKey);
  await service.refresh();
  expect((await call("C0102", `Bearer ${newKey}`)).status).toBe(200);
  const revoked = await outcome(() =>
    keysPage.action({
      request: requestAs(cookie, "/api-keys", { form: { intent: "revoke", keyId: stored.id } }),
      params: {},
      context: { cspNonce: "" },
    }),
  );
  expect(revoked).toMatchObject({ status: 302, location: "/api-keys" });
  expect(await flashOf(revoked)).toMatchObject({ message: "clearance.revoked" });
  await service.refresh();
  expect((await call("C0102", `Bearer ${newKey}`)).status).toBe(401);
  expect(
    await db.auditEntry.count({ where: { action: { in: ["apiKey.created", "apiKey.revoked"] }, entityId: stored.id } }),
  ).toBe(2);
});

it("revoking a key that does not exist is answered not found; revoking one twice revokes it once", async () => {
  const keysPage = await import("~/routes/_app.api-keys");
  const { cookieFor, flashOf, outcome, requestAs } = await import("./support");
  const cookie = await cookieFor("A0001");
  const revoke = (keyId: string) =>
    outcome(() =>
      keysPage.action({
        request: requestAs(cookie, "/api-keys", { form: { intent: "revoke", keyId } }),
        params: {},
        context: { cspNonce: "" },
      }),
    );
  expect((await revoke("no-such-key")).status).toBe(404);
  expect(await db.auditEntry.count({ where: { action: "apiKey.revoked" } })).toBe(0);
  const { id } = await createApiKey(admin, "外访系统");
  for (let i = 0; i < 2; i++) {
    const revoked = await revoke(id);
    expect(revoked).toMatchObject({ status: 302, location: "/api-keys" });
    expect(await flashOf(revoked)).toMatchObject({ message: "clearance.revoked" });
  }
  expect(await db.auditEntry.count({ where: { action: "apiKey.revoked", entityId: id } })).toBe(1);
});
