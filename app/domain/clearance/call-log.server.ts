// Every clearance call is logged without slowing the call: entries wait in memory and multi-row INSERTs
// (one JSON array per column: five parameters whatever the count) write them several times a second, at most
// MAX_BATCH entries per statement. The event loop answers calls between two statements: building the
// parameters of 25,000 entries at once held it for ~10 ms, which every call in flight waited out.
// Times are sent as milliseconds (float8), not as Date objects that pg formats one by one.
// One bad entry cannot stop the log: every field is made storable before it is queued, and a batch the
// database refuses for its data is written again entry by entry, dropping (and counting) only the
// entries it still refuses. How the log is doing is kept in "ClearanceLogHealth" for the API keys page.
import type pg from "pg";

import { now } from "~/utils/clock.server";

import { CallRecorder, type CallColumns as Columns } from "./call-recorder";
import { storableText } from "./employee-no-rules";

export type CallEntry = { at: number; apiKeyId: string | null; employeeNo: string; status: number; cleared: boolean };

// Beyond this many waiting entries (the database gone for a while) the oldest are dropped and counted.
export const MAX_QUEUED = 200_000;
/** Entries per INSERT: one statement's parameters are built (synchronously) in well under a millisecond. */
export const MAX_BATCH = 1_000;
const EMPLOYEE_NO_STORED = 60;
export const CALL_LOG_HEALTH_ID = "call-log";

const storableAt = (at: number) => (Number.isFinite(at) ? at : now().getTime());
const storableKeyId = (id: string | null) => (id == null ? null : storableText(id, 64));
const storableStatus = (status: number) => (Number.isInteger(status) && status >= 100 && status <= 599 ? status : 0);

/** PostgreSQL refused the data itself (SQLSTATE class 22 or 23), not the connection: retrying will not help. */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}

const RECORD_SUCCESS = `INSERT INTO "ClearanceLogHealth" AS h
    (id, "lastWriteAt", "droppedRows", "lastDropAt", "consecutiveFailures")
  VALUES ($1, $2::timestamptz, $3, CASE WHEN $3::int > 0 THEN $2::timestamptz END, 0)
  ON CONFLICT (id) DO UPDATE SET "lastWriteAt" = $2::timestamptz, "droppedRows" = h."droppedRows" + $3,
    "lastDropAt" = CASE WHEN $3::int > 0 THEN $2::timestamptz ELSE h."lastDropAt" END, "consecutiveFailures" = 0`;
const RECORD_FAILURE = `INSERT INTO "ClearanceLogHealth" AS h (id, "consecutiveFailures", "lastFailureAt")
  VALUES ($1, 1, $2::timestamptz)
  ON CONFLICT (id) DO UPDATE SET "consecutiveFailures" = h."consecutiveFailures" + 1,
    "lastFailureAt" = $2::timestamptz`;

// Each column is sent as a JSON array: JSON.stringify is native and took ~0.2 ms for a statement's five columns
// where pg's array literals (an escape per element in JavaScript) took ~1 ms, every time holding the calls in
// flight. OFFSET 0 keeps the five arrays parsed once, not once per row; element i of a jsonb array is read
// directly, so the columns stay zipped in order.
const INSERT_CALLS = `INSERT INTO "ClearanceCall" (at, "apiKeyId", "employeeNo", status, cleared)
  SELECT to_timestamp((ms ->> i)::float8 / 1000), k ->> i, e ->> i, (s ->> i)::int, (c ->> i)::bool
  FROM (SELECT $1::jsonb AS ms, $2::jsonb AS k, $3::jsonb AS e, $4::jsonb AS s, $5::jsonb AS c OFFSET 0) AS u,
    generate_series(0, jsonb_array_length(ms) - 1) AS i`;

const noColumns = (): Columns => ({ at: [], apiKeyId: [], employeeNo: [], status: [], cleared: [] });
const slice = (c: Columns, from: number, to?: number): Columns => ({
  at: c.at.slice(from, to),
  apiKeyId: c.apiKeyId.slice(from, to),
  employeeNo: c.employeeNo.slice(from, to),
  status: c.status.slice(from, to),
  cleared: c.cleared.slice(from, to),
});
const concat = (a: Columns, b: Columns): Columns => ({
  at: a.at.concat(b.at),
  apiKeyId: a.apiKeyId.concat(b.apiKeyId),
  employeeNo: a.employeeNo.concat(b.employeeNo),
  status: a.status.concat(b.status),
  cleared: a.cleared.concat(b.cleared),
});

export function createCallLog(pool: pg.Pool, onError: (error: unknown) => void) {
  // New calls go to the recorder; the entries of a failed flush wait in `held`, older than the recorder's.
  const recorder = new CallRecorder(MAX_QUEUED);
  let held = noColumns();
  let dropped = 0;
  let unreported = 0; // dropped, not yet counted in ClearanceLogHealth
  let flushing: Promise<void> | null = null;

  async function write(entries: Columns) {
    await pool.query(INSERT_CALLS, [
      JSON.stringify(entries.at),
      JSON.stringify(entries.apiKeyId),
      JSON.stringify(entries.employeeNo),
      JSON.stringify(entries.status),
      JSON.stringify(entries.cleared),
    ]);
  }

  function drop(count: number) {
    dropped += count;
    unreported += count;
  }

  /** Entry by entry: the ones refused for their data are dropped; a lost connection stops and keeps the rest. */
  async function writeOneByOne(entries: Columns) {
    for (let i = 0; i < entries.at.length; i++) {
      try {
        await write(slice(entries, i, i + 1));
      } catch (error) {
        if (!isDataError(error))
          throw Object.assign(new Error("call log: connection lost"), { rest: slice(entries, i) });
        drop(1);
      }
    }
  }

  /** `batch` in statements of MAX_BATCH entries; on a lost connection what is not written is in `rest`. */
  async function writeBatch(batch: Columns) {
    const count = batch.at.length;
    for (let i = 0; i < count; i += MAX_BATCH) {
      const chunk = count <= MAX_BATCH ? batch : slice(batch, i, i + MAX_BATCH);
      const after = () => slice(batch, i + MAX_BATCH);
      try {
        await write(chunk);
      } catch (error) {
        if (!isDataError(error))
          throw Object.assign(new Error("call log: not written"), { cause: error, rest: slice(batch, i) });
        onError(error);
        await writeOneByOne(chunk).catch((lost: Error & { rest: Columns }) => {
          throw Object.assign(lost, { rest: concat(lost.rest, after()) });
        });
      }
    }
    const unwritten = unreported;
    unreported = 0;
    await pool.query(RECORD_SUCCESS, [CALL_LOG_HEALTH_ID, now(), unwritten]).catch((error) => {
      unreported += unwritten;
      onError(error);
    });
  }

  async function flush(): Promise<void> {
    if (flushing) return flushing;
    if (held.at.length === 0 && recorder.length === 0) return;
    const batch = held.at.length === 0 ? recorder.take() : concat(held, recorder.take());
    held = noColumns();
    flushing = writeBatch(batch)
      .catch((error: Error & { rest?: Columns }) => {
        // Kept for the next flush: a call log entry is lost only when the queue overflows.
        held = error.rest ?? batch;
        const over = Math.min(held.at.length, held.at.length + recorder.length - MAX_QUEUED);
        if (over > 0) {
          drop(over);
          held = slice(held, over);
        }
        onError(error.cause ?? error);
        return pool.query(RECORD_FAILURE, [CALL_LOG_HEALTH_ID, now()]).then(
          () => undefined,
          () => undefined, // the database is gone: the page shows the last write, which stops moving
        );
      })
      .finally(() => (flushing = null));
    return flushing;
  }

  /** Queues one call, each field made storable (as storableEntry does, without an object per call). */
  function add(at: number, apiKeyId: string | null, employeeNo: string, status: number, cleared: boolean) {
    const over = recorder.add(
      storableAt(at),
      storableKeyId(apiKeyId),
      storableText(employeeNo, EMPLOYEE_NO_STORED),
      storableStatus(status),
      cleared === true,
    );
    if (over > 0) drop(over);
  }

  return {
    push(entry: CallEntry) {
      add(entry.at, entry.apiKeyId, entry.employeeNo, entry.status, entry.cleared);
    },
    add,
    flush,
    pending: () => held.at.length + recorder.length,
    dropped: () => dropped,
  };
}
