// What the administrator's page (/jobs) shows per job kind: its schedule, its last run and last failure
// from the job log, and what pg-boss holds (waiting, running, failed) in schema "pgboss".
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

import { jobCatalogue } from "./job-catalogue.server";
import { PGBOSS_SCHEMA } from "./job-queue.server";
import { MAIL_QUEUE, queueCounts, type JobKind, type JobSummary, type QueueCounts } from "./job-rules";

export type RunView = {
  startedAt: Date;
  durationMs: number | null;
  ok: boolean | null;
  trigger: string;
  summary: JobSummary | null;
};
export type JobView = {
  kind: JobKind;
  everyMinutes: number;
  lastRun: RunView | null;
  lastFailure: { at: Date; error: string } | null;
  counts: QueueCounts;
};
export type JobOverview = {
  jobs: JobView[];
  mail: QueueCounts;
  /** Whether this process runs the worker (MAIL_WORKER); another instance may run it instead. */
  worker: boolean;
  /** false before any worker ever started (no pgboss schema yet). */
  queueReadable: boolean;
};

async function countsByQueue(names: string[]): Promise<Map<string, QueueCounts> | null> {
  try {
    // pg-boss moves finished jobs to its archive after 12 hours and deletes them after 7 days: failures
    // are counted in both, so the page shows a week of them.
    const rows = await db.$queryRawUnsafe<Array<{ name: string; state: string; count: number }>>(
      `SELECT name, state, count(*)::int AS count FROM (
         SELECT name, state::text AS state FROM ${PGBOSS_SCHEMA}.job WHERE name = ANY($1::text[])
         UNION ALL
         SELECT name, state::text FROM ${PGBOSS_SCHEMA}.archive WHERE name = ANY($1::text[]) AND state = 'failed'
       ) j GROUP BY name, state`,
      names,
    );
    return new Map(names.map((name) => [name, queueCounts(rows.filter((r) => r.name === name))]));
  } catch {
    return null;
  }
}

export async function jobOverview(): Promise<JobOverview> {
  const catalogue = jobCatalogue();
  const counts = await countsByQueue([...catalogue.map((j) => j.kind), MAIL_QUEUE]);
  const none: QueueCounts = { queued: 0, active: 0, failed: 0 };
  const jobs = await Promise.all(
    catalogue.map(async ({ kind, everyMinutes }): Promise<JobView> => {
      const [last, failure] = await Promise.all([
        db.jobRun.findFirst({
          where: { kind },
          orderBy: { startedAt: "desc" },
          select: { startedAt: true, durationMs: true, ok: true, trigger: true, summary: true },
        }),
        db.jobRun.findFirst({
          where: { kind, ok: false },
          orderBy: { startedAt: "desc" },
          select: { startedAt: true, error: true },
        }),
      ]);
      return {
        kind,
        everyMinutes,
        lastRun: last ? { ...last, summary: (last.summary as JobSummary | null) ?? null } : null,
        lastFailure: failure ? { at: failure.startedAt, error: failure.error ?? "" } : null,
        counts: counts?.get(kind) ?? none,
      };
    }),
  );
  return { jobs, mail: counts?.get(MAIL_QUEUE) ?? none, worker: env().MAIL_WORKER, queueReadable: counts !== null };
}
