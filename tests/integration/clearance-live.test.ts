// The clearance API while its snapshot cannot answer (ADR 0038): a recompute of every certification (a rule or
// settings change on a large company) holds the snapshot's check past the staleness limit, and each call is then
// answered from the database, a few at a time, and otherwise refused (503), as before.
import pg from "pg";
import { afterEach, beforeEach, expect, it, vi } from "vitest";

import { refreshStaleCertifications } from "~/domain/certification/certification-store.server";
import { createApiKey, revokeApiKey } from "~/domain/clearance/api-keys.server";
import {
  createClearanceAnswers,
  type ClearanceAnswers,
  type ClearanceOptions,
  type ClearanceReply,
} from "~/domain/clearance/clearance-answers.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { reviseRule } from "./rule-support";
import { personId, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

const MAX_STALE_MS = 100;
let answers: ClearanceAnswers;
let key: string;
let keyId: string;
const admin = { id: "admin", employeeNo: "A0001" };
/** While set, the snapshot's check waits here before it recomputes: a recompute that takes as long as we like. */
let held: { promise: Promise<void>; release: () => void } | null = null;

function start(options: Partial<ClearanceOptions> = {}) {
  answers = createClearanceAnswers({
    connectionString: process.env.DATABASE_URL!,
    maxStaleMs: MAX_STALE_MS,
    flushMs: 60_000,
    prepare: async () => {
      if (held) await held.promise;
      return (await refreshStaleCertifications()).key;
    },
    ...options,
  });
}

/** Holds the next checks in their recompute and waits until the snapshot is past the staleness limit. */
async function holdTheRecompute() {
  let release = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  held = { promise, release };
  void answers.refresh();
  // A call made now is answered from the snapshot (200, at once) until the limit has passed; then from the database.
  await vi.waitFor(
    () => {
      const reply = answers.answer(key, "C0102");
      if (!(reply instanceof Promise)) throw new Error("still answered from the snapshot");
      return reply;
    },
    { timeout: 10_000, interval: 20 },
  );
}

const body = async (reply: ClearanceReply | Promise<ClearanceReply>) => {
  const r = await reply;
  return { status: r.status, body: JSON.parse(r.json) as Record<string, unknown> };
};

/** A new B3 wording that took effect 8 days ago: the 7 grace days are over, every B3 pass is out of date. */
const publishB3Revision = () => reviseRule("B3", new Date(now().getTime() - 8 * 86_400_000));

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  admin.id = await personId("A0001");
  ({ key, id: keyId } = await createApiKey(admin, "催收作业系统"));
  held = null;
});

afterEach(async () => {
  held?.release();
  held = null;
  await answers.stop();
});

it("a rule change during a long recompute: each call is answered from the database, as the snapshot will", async () => {
  start();
  await answers.ready;
  expect(await body(answers.answer(key, "C0102"))).toMatchObject({ status: 200, body: { cleared: true } });

  await holdTheRecompute();
  await publishB3Revision();
  const lapsed = await body(answers.answer(key, "C0102"));
  expect(lapsed).toMatchObject({
    status: 200,
    body: { employeeNo: "C0102", cleared: false, reasons: ["ruleChanged:B3"], validUntil: null },
  });
  const never = await body(answers.answer(key, "c0101"));
  expect(never).toMatchObject({ status: 200, body: { employeeNo: "C0101", reasons: ["neverPassed"] } });
  expect((await answers.answer(key, "X9999")).status).toBe(404);
  expect((await answers.answer("tgk_wrong", "C0102")).status).toBe(401);
  expect((await answers.answer(null, "C0102")).status).toBe(401);

  // The recompute ends: the snapshot's own answers are the ones given from the database.
  held!.release();
  held = null;
  await answers.refresh();
  const fromSnapshot = [answers.answer(key, "C0102"), answers.answer(key, "C0101")];
  expect(fromSnapshot.some((r) => r instanceof Promise)).toBe(false);
  expect(await Promise.all(fromSnapshot.map(body))).toEqual([lapsed, never]);

  await answers.flushLog();
  const logged = await db.clearanceCall.findMany({
    where: { status: 200, employeeNo: "C0102" },
    select: { apiKeyId: true },
  });
  expect(logged.length).toBeGreaterThanOrEqual(3);
  expect(new Set(logged.map((r) => r.apiKeyId))).toEqual(new Set([keyId]));
});

it("from the moment a recompute under new rules starts, calls are answered from the database", async () => {
  // A staleness limit never reached: only knowing that the snapshot is out of date sends the calls to the database.
  start({
    maxStaleMs: 60_000,
    prepare: async (recomputing) => {
      const { key } = await refreshStaleCertifications({}, async (next) => {
        recomputing(next);
        if (held) await held.promise;
      });
      return key;
    },
  });
  await answers.ready;
  expect(answers.answer(key, "C0102")).not.toBeInstanceOf(Promise);
  let release = () => {};
  held = { promise: new Promise<void>((resolve) => (release = resolve)), release: () => release() };
  await publishB3Revision();
  void answers.refresh();
  const reply = await vi.waitFor(
    () => {
      const r = answers.answer(key, "C0102");
      if (!(r instanceof Promise)) throw new Error("still answered from the snapshot");
      return r;
    },
    { timeout: 10_000, interval: 20 },
  );
  expect(await body(reply)).toMatchObject({ status: 200, body: { cleared: false, reasons: ["ruleChanged:B3"] } });

  held.release();
  held = null;
  await answers.refresh();
  const after = answers.answer(key, "C0102");
  expect(after, "answered from the snapshot loaded after the recompute").not.toBeInstanceOf(Promise);
  expect(await body(after)).toMatchObject({ status: 200, body: { cleared: false, reasons: ["ruleChanged:B3"] } });
});

it("a key revoked during a long recompute is refused at once", async () => {
  start();
  await answers.ready;
  await holdTheRecompute();
  expect((await answers.answer(key, "C0102")).status).toBe(200);
  await revokeApiKey(admin, keyId);
  expect((await answers.answer(key, "C0102")).status).toBe(401);
});

it("beyond the calls answered from the database at once, a call is refused (503, not cleared) at once", async () => {
  start({ liveAtOnce: 1 });
  await answers.ready;
  await holdTheRecompute();
  const [first, second, third] = [1, 2, 3].map(() => answers.answer(key, "C0102"));
  expect(first).toBeInstanceOf(Promise);
  for (const refused of [second, third]) {
    expect(refused).not.toBeInstanceOf(Promise);
    expect(await body(refused)).toMatchObject({ status: 503, body: { cleared: false, reasons: ["unavailable"] } });
  }
  expect((await first).status).toBe(200);
  // Its place is free again.
  expect((await answers.answer(key, "C0102")).status).toBe(200);
});

it("a database that cannot be reached: 503, and for a second no further call tries it", async () => {
  const onError = vi.fn();
  // No timer ticks during the test: every error counted is a call's.
  start({
    connectionString: "postgresql://nobody:wrong@127.0.0.1:1/none",
    onError,
    prepare: async () => "any",
    refreshMs: 60_000,
  });
  await answers.ready;
  onError.mockClear();
  const first = answers.answer(key, "C0102");
  expect(first).toBeInstanceOf(Promise);
  expect(await body(first)).toMatchObject({ status: 503, body: { cleared: false, reasons: ["unavailable"] } });
  expect(onError).toHaveBeenCalledTimes(1);
  const next = Array.from({ length: 20 }, () => answers.answer(key, "C0102"));
  for (const reply of next) {
    expect(reply, "refused at once, without asking the database").not.toBeInstanceOf(Promise);
    expect(await body(reply)).toMatchObject({ status: 503, body: { cleared: false } });
  }
  expect(onError).toHaveBeenCalledTimes(1);
});

it("a call the database cannot answer in time is refused (503, not cleared)", async () => {
  start({ liveTimeoutMs: 300 });
  await answers.ready;
  await holdTheRecompute();
  await publishB3Revision();
  // Another transaction holds C0102's stored row: recomputing it waits.
  const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  try {
    await other.query("BEGIN");
    await other.query(`SELECT 1 FROM "CertificationState" WHERE "personId" = $1 FOR UPDATE`, [await personId("C0102")]);
    expect(await body(answers.answer(key, "C0102"))).toMatchObject({
      status: 503,
      body: { cleared: false, reasons: ["unavailable"] },
    });
    await other.query("ROLLBACK");
  } finally {
    await other.end();
  }
  expect(await body(answers.answer(key, "C0102"))).toMatchObject({ status: 200, body: { cleared: false } });
});
