// The call log writes a large queue in statements of MAX_BATCH entries (the event loop answers calls between
// two of them) and loses nothing when the connection drops half way.
import type pg from "pg";
import { expect, it } from "vitest";

import { createCallLog, MAX_BATCH, MAX_QUEUED, type CallEntry } from "./call-log.server";

type Sent = { sql: string; params: unknown[] };

/** A pool that records each statement; `fail(n)` gives the SQLSTATE the n-th call-log INSERT fails with, if any. */
function fakePool(fail?: (insert: number) => string | undefined) {
  const sent: Sent[] = [];
  let inserts = 0;
  const pool = {
    query: async (sql: string, params: unknown[] = []) => {
      await new Promise((resolve) => setImmediate(resolve));
      const code = sql.includes(`INSERT INTO "ClearanceCall"`) ? fail?.(++inserts) : undefined;
      if (code) throw Object.assign(new Error(`refused: ${code}`), { code });
      sent.push({ sql, params });
      return { rows: [], rowCount: 0 };
    },
  };
  return { pool: pool as unknown as pg.Pool, sent };
}

const entry = (i: number): CallEntry => ({
  at: 1_767_225_600_000 + i,
  apiKeyId: "k1",
  employeeNo: `C${i}`,
  status: 200,
  cleared: true,
});
const written = (sent: Sent[]) =>
  sent.filter((s) => s.sql.includes(`INSERT INTO "ClearanceCall"`)).map((s) => column<string>(s.params, 2));
/** A column of an INSERT: each is sent as a JSON array. */
const column = <T>(params: unknown[], index: number) => JSON.parse(params[index] as string) as T[];

it("writes a large queue in statements of at most MAX_BATCH entries, in order, times in milliseconds", async () => {
  const { pool, sent } = fakePool();
  const log = createCallLog(pool, () => {});
  const count = 2 * MAX_BATCH + 17;
  for (let i = 0; i < count; i++) log.push(entry(i));
  await log.flush();
  const batches = written(sent);
  expect(batches.map((b) => b.length)).toEqual([MAX_BATCH, MAX_BATCH, 17]);
  expect(batches.flat()).toEqual(Array.from({ length: count }, (_, i) => `C${i}`));
  const first = sent.find((s) => s.sql.includes(`INSERT INTO "ClearanceCall"`))!;
  expect(column<number>(first.params, 0).slice(0, 2)).toEqual([1_767_225_600_000, 1_767_225_600_001]);
  expect(log.pending()).toBe(0);
});

it("a connection lost half way keeps the rest for the next flush: nothing lost, nothing twice", async () => {
  const { pool, sent } = fakePool((insert) => (insert === 2 ? "57P01" : undefined));
  const errors: unknown[] = [];
  const log = createCallLog(pool, (error) => errors.push(error));
  const count = 3 * MAX_BATCH;
  for (let i = 0; i < count; i++) log.push(entry(i));
  await log.flush();
  expect(written(sent).flat()).toHaveLength(MAX_BATCH);
  expect(log.pending()).toBe(2 * MAX_BATCH);
  expect(errors).toHaveLength(1);
  log.push(entry(count));
  await log.flush();
  expect(written(sent).flat()).toEqual(Array.from({ length: count + 1 }, (_, i) => `C${i}`));
  expect(log.dropped()).toBe(0);
});

it("refused for its data: entry by entry; a connection lost then keeps the later statements too", async () => {
  // INSERT 2 (the second MAX_BATCH) is refused for its data; one by one, its first entry is written, then
  // the connection drops.
  const { pool, sent } = fakePool((insert) => (insert === 2 ? "22P02" : insert === 4 ? "57P01" : undefined));
  const log = createCallLog(pool, () => {});
  const count = 3 * MAX_BATCH;
  for (let i = 0; i < count; i++) log.push(entry(i));
  await log.flush();
  expect(written(sent).flat()).toHaveLength(MAX_BATCH + 1);
  expect(log.pending()).toBe(count - MAX_BATCH - 1);
  await log.flush();
  expect(written(sent).flat()).toEqual(Array.from({ length: count }, (_, i) => `C${i}`));
  expect(log.dropped()).toBe(0);
});

it("while a flush hangs, at most MAX_QUEUED calls wait: the oldest make room and are counted", async () => {
  const pool = {
    query: (sql: string) =>
      sql.includes(`INSERT INTO "ClearanceCall"`) ? new Promise(() => {}) : Promise.resolve({ rows: [] }),
  } as unknown as pg.Pool;
  const log = createCallLog(pool, () => {});
  log.push(entry(0));
  void log.flush(); // never settles: the database stopped answering
  for (let i = 1; i <= MAX_QUEUED + 5; i++) log.push(entry(i));
  expect(log.pending()).toBe(MAX_QUEUED);
  expect(log.dropped()).toBe(5);
});

it("after a failed flush, the kept entries and the new calls together stay within MAX_QUEUED: oldest go", async () => {
  const { pool, sent } = fakePool((insert) => (insert === 1 ? "57P01" : undefined));
  const log = createCallLog(pool, () => {});
  for (let i = 0; i < MAX_QUEUED - 10; i++) log.push(entry(i));
  const failing = log.flush();
  for (let i = MAX_QUEUED - 10; i < MAX_QUEUED + 20; i++) log.push(entry(i)); // while the INSERT is under way
  await failing;
  expect([log.pending(), log.dropped()]).toEqual([MAX_QUEUED, 20]);
  await log.flush();
  const all = written(sent).flat();
  expect([all.length, all[0], all.at(-1)]).toEqual([MAX_QUEUED, "C20", `C${MAX_QUEUED + 19}`]);
});
