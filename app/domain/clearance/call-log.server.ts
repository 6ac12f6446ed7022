// Every clearance call is logged without slowing the call: entries wait in memory and multi-row INSERTs
// (arrays unnested: five parameters whatever the count) write them several times a second, at most
// MAX_BATCH entries per statement. The event loop answers calls between two statements: building the
// parameters of 25,000 entries at once held it for ~10 ms, which every call in flight waited out.
// Times are sent as milliseconds (float8), not as Date objects that pg formats one by one.
// One bad entry cannot stop the log: every field is made storable before it is queued, and a batch the
// database refuses for its data is written again entry by entry, dropping (and counting) only the
// entries it still refuses. How the log is doing is kept in "ClearanceLogHealth" for the API keys page.
import type pg from "pg";

import { now } from "~/utils/clock.server";

import { storableText } from "./employee-no-rules";

export type CallEntry = { at: number; apiKeyId: string | null; employeeNo: string; status: number; cleared: boolean };

// Beyond this many waiting entries (the database gone for a while) the oldest are dropped and counted.
const MAX_QUEUED = 200_000;
/** Entries per INSERT: one statement's parameters are built (synchronously) in well under a millisecond. */
export const MAX_BATCH = 1_000;
const EMPLOYEE_NO_STORED = 60;
export const CALL_LOG_HEALTH_ID = "call-log";

/** An entry every column accepts, whatever it was given. */
export function storableEntry(entry: CallEntry): CallEntry {
  return {
    at: Number.isFinite(entry.at) ? entry.at : now().getTime(),
    apiKeyId: entry.apiKeyId == null ? null : storableText(entry.apiKeyId, 64),
    employeeNo: storableText(entry.employeeNo, EMPLOYEE_NO_STORED),
    status: Number.isInteger(entry.status) && entry.status >= 100 && entry.status <= 599 ? entry.status : 0,
    cleared: entry.cleared === true,
  };
}

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

export function createCallLog(pool: pg.Pool, onError: (error: unknown) => void) {
  let queue: CallEntry[] = [];
  let dropped = 0;
  let unreported = 0; // dropped, not yet counted in ClearanceLogHealth
  let flushing: Promise<void> | null = null;

  async function write(entries: CallEntry[]) {
    await pool.query(
      `INSERT INTO "ClearanceCall" (at, "apiKeyId", "employeeNo", status, cleared)
       SELECT to_timestamp(ms / 1000), k, e, s, c
       FROM unnest($1::float8[], $2::text[], $3::text[], $4::int[], $5::bool[]) AS u(ms, k, e, s, c)`,
      [
        entries.map((e) => e.at),
        entries.map((e) => e.apiKeyId),
        entries.map((e) => e.employeeNo),
        entries.map((e) => e.status),
        entries.map((e) => e.cleared),
      ],
    );
  }

  function drop(count: number) {
    dropped += count;
    unreported += count;
  }

  /** Entry by entry: the ones refused for their data are dropped; a lost connection stops and keeps the rest. */
  async function writeOneByOne(entries: CallEntry[]) {
    for (let i = 0; i < entries.length; i++) {
      try {
        await write([entries[i]]);
      } catch (error) {
        if (!isDataError(error))
          throw Object.assign(new Error("call log: connection lost"), { rest: entries.slice(i) });
        drop(1);
      }
    }
  }

  /** `batch` in statements of MAX_BATCH entries; on a lost connection what is not written is in `rest`. */
  async function writeBatch(batch: CallEntry[]) {
    for (let i = 0; i < batch.length; i += MAX_BATCH) {
      const chunk = batch.slice(i, i + MAX_BATCH);
      const after = () => batch.slice(i + MAX_BATCH);
      try {
        await write(chunk);
      } catch (error) {
        if (!isDataError(error))
          throw Object.assign(new Error("call log: not written"), { cause: error, rest: batch.slice(i) });
        onError(error);
        await writeOneByOne(chunk).catch((lost: Error & { rest: CallEntry[] }) => {
          throw Object.assign(lost, { rest: lost.rest.concat(after()) });
        });
      }
    }
    const count = unreported;
    unreported = 0;
    await pool.query(RECORD_SUCCESS, [CALL_LOG_HEALTH_ID, now(), count]).catch((error) => {
      unreported += count;
      onError(error);
    });
  }

  async function flush(): Promise<void> {
    if (flushing) return flushing;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    flushing = writeBatch(batch)
      .catch((error: Error & { rest?: CallEntry[] }) => {
        // Kept for the next flush: a call log entry is lost only when the queue overflows.
        queue = (error.rest ?? batch).concat(queue);
        if (queue.length > MAX_QUEUED) {
          drop(queue.length - MAX_QUEUED);
          queue = queue.slice(queue.length - MAX_QUEUED);
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

  return {
    push(entry: CallEntry) {
      queue.push(storableEntry(entry));
    },
    flush,
    pending: () => queue.length,
    dropped: () => dropped,
  };
}
