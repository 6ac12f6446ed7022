// One run of a periodic job, recorded in the job log (JobRun): started, then finished with its outcome.
// The job's own transactions decide what it changes; the log only says that it ran. A failure is
// recorded and thrown again, so that pg-boss retries it.
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { logJobRun } from "~/utils/logger.server";

import type { JobDefinition } from "./job-catalogue.server";
import { describeJobError, JOB_LOG_KEEP, type JobSummary, type JobTrigger } from "./job-rules";

export async function runJob(
  job: JobDefinition,
  trigger: JobTrigger,
  log: (line: string) => void = () => {},
): Promise<JobSummary> {
  const startedAt = now();
  // Durations are measured, not taken from the app's clock (which a test may freeze).
  const t0 = performance.now();
  const run = await db.jobRun.create({ data: { kind: job.kind, trigger, startedAt }, select: { id: true } });
  const finish = (data: { ok: boolean; summary?: JobSummary; error?: string }) => {
    const durationMs = Math.round(performance.now() - t0);
    return db.jobRun
      .update({ where: { id: run.id }, data: { ...data, durationMs, finishedAt: now() } })
      .then(() => durationMs);
  };
  try {
    // One JSON log line per run (outcome, duration, the stack of a failure) besides the job log.
    const summary = await logJobRun(job.kind, { trigger }, () => job.run(startedAt));
    const ms = await finish({ ok: true, summary });
    log(`[jobs] ${job.kind} (${trigger}) done in ${ms} ms ${JSON.stringify(summary)}`);
    await prune(job.kind);
    return summary;
  } catch (error) {
    const description = describeJobError(error);
    const ms = await finish({ ok: false, error: description }).catch(() => -1);
    log(`[jobs] ${job.kind} (${trigger}) failed after ${ms} ms: ${description}`);
    throw error;
  }
}

/** Keeps the newest JOB_LOG_KEEP runs of a kind (a job every minute would otherwise grow it forever). */
async function prune(kind: string) {
  await db.$executeRaw`
    DELETE FROM "JobRun" WHERE kind = ${kind} AND id IN (
      SELECT id FROM "JobRun" WHERE kind = ${kind} ORDER BY "startedAt" DESC OFFSET ${JOB_LOG_KEEP})`;
}
