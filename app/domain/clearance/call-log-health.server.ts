// How the clearance call log is doing, for the administrator's API keys page.
import { db } from "~/utils/db.server";

import { CALL_LOG_HEALTH_ID } from "./call-log.server";

export type CallLogHealth = {
  lastWriteAt: Date | null;
  droppedRows: number;
  lastDropAt: Date | null;
  consecutiveFailures: number;
  /** Writing has failed since the last successful write: calls are waiting in memory, not in the log. */
  stalled: boolean;
};

export async function callLogHealth(): Promise<CallLogHealth> {
  const row = await db.clearanceLogHealth.findUnique({ where: { id: CALL_LOG_HEALTH_ID } });
  if (!row) return { lastWriteAt: null, droppedRows: 0, lastDropAt: null, consecutiveFailures: 0, stalled: false };
  const stalled =
    row.consecutiveFailures > 0 &&
    row.lastFailureAt !== null &&
    (row.lastWriteAt === null || row.lastFailureAt > row.lastWriteAt);
  return {
    lastWriteAt: row.lastWriteAt,
    droppedRows: row.droppedRows,
    lastDropAt: row.lastDropAt,
    consecutiveFailures: row.consecutiveFailures,
    stalled,
  };
}
