// Every clearance call is logged without slowing the call: entries wait in memory and one
// multi-row INSERT (arrays unnested: five parameters whatever the count) writes them each second.
import type pg from "pg";

export type CallEntry = { at: number; apiKeyId: string | null; employeeNo: string; status: number; cleared: boolean };

// Beyond this many waiting entries (the database gone for a while) the oldest are dropped and counted.
const MAX_QUEUED = 200_000;

export function createCallLog(pool: pg.Pool, onError: (error: unknown) => void) {
  let queue: CallEntry[] = [];
  let dropped = 0;
  let flushing: Promise<void> | null = null;

  async function write(entries: CallEntry[]) {
    await pool.query(
      `INSERT INTO "ClearanceCall" (at, "apiKeyId", "employeeNo", status, cleared)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::int[], $5::bool[])`,
      [
        entries.map((e) => new Date(e.at)),
        entries.map((e) => e.apiKeyId),
        entries.map((e) => e.employeeNo.slice(0, 60)),
        entries.map((e) => e.status),
        entries.map((e) => e.cleared),
      ],
    );
  }

  async function flush(): Promise<void> {
    if (flushing) return flushing;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    flushing = write(batch)
      .catch((error) => {
        // Kept for the next flush: a call log entry is lost only when the queue overflows.
        queue = batch.concat(queue);
        if (queue.length > MAX_QUEUED) {
          dropped += queue.length - MAX_QUEUED;
          queue = queue.slice(queue.length - MAX_QUEUED);
        }
        onError(error);
      })
      .finally(() => (flushing = null));
    return flushing;
  }

  return {
    push(entry: CallEntry) {
      queue.push(entry);
    },
    flush,
    pending: () => queue.length,
    dropped: () => dropped,
  };
}
