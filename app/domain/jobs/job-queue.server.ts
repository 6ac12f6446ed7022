// The app's job queue: one pg-boss per process (schema "pgboss" of the app's database), shared by the
// mail outbox's delivery and the periodic jobs. Every periodic job is a pg-boss schedule; pg-boss turns a
// cron tick into one job across all instances (a singleton per minute), and each job's queue is "stately"
// with the kind as singleton key: at most one run of a kind waits and one runs, whichever instance takes
// it. Failures are retried with backoff, then left failed for the administrator's page (/jobs).
// docs/decisions/0021-background-jobs.md
import pg from "pg";
import PgBoss from "pg-boss";

import { cronEvery } from "~/domain/mail/delivery-rules";
import { env } from "~/utils/env.server";

import type { JobDefinition } from "./job-catalogue.server";
import { JOB_EXPIRE_SECONDS, JOB_KINDS, JOB_RETRY, triggerOf, type JobKind } from "./job-rules";
import { runJob } from "./run-job.server";

export const PGBOSS_SCHEMA = "pgboss";

export type JobQueue = { boss: PgBoss; stop: () => Promise<void> };

type Held = { boss: PgBoss; role: "worker" | "sender"; stopped: boolean };
// This process's pg-boss: the worker's when it runs, else a sender opened for 立即运行.
let held: Held | null = null;

function openBoss(databaseUrl: string, options: { worker: boolean }) {
  return new PgBoss({
    connectionString: databaseUrl,
    schema: PGBOSS_SCHEMA,
    max: options.worker ? 3 : 1,
    application_name: options.worker ? "traingate-jobs" : "traingate-jobs-sender",
    schedule: options.worker,
    supervise: options.worker,
  });
}

// Any fixed number, the same in every TrainGate process (the migrations use another).
const QUEUE_SETUP_LOCK = 7242018002;

/**
 * Creating queues and schedules is idempotent, but two instances starting at the same moment deadlock
 * inside pg-boss (each locks the queue table, then the other's new rows). Setting up one process after
 * the other, under a PostgreSQL advisory lock, avoids it.
 */
export async function oneSetUpAtATime<T>(databaseUrl: string, setUp: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "traingate-jobs-setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [QUEUE_SETUP_LOCK]);
    return await setUp();
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates a periodic job's queue (idempotent): stately, with the retries every run of it gets. */
async function createJobQueue(boss: PgBoss, kind: JobKind) {
  await boss.createQueue(kind, {
    name: kind,
    policy: "stately",
    retryLimit: JOB_RETRY.limit,
    retryDelay: JOB_RETRY.delaySeconds,
    retryBackoff: true,
    expireInSeconds: JOB_EXPIRE_SECONDS,
  });
}

/**
 * Starts pg-boss for this process, schedules the periodic jobs and works them (the caller adds its own
 * queues, e.g. the mail delivery, on `boss`). `jobs: []` runs no periodic job (a mail-only test worker).
 */
export async function startJobQueue(options: {
  databaseUrl: string;
  jobs: JobDefinition[];
  log: (line: string) => void;
  /** false: work the jobs' queues without scheduling them (a test that queues runs itself). */
  schedule?: boolean;
}): Promise<JobQueue> {
  const { log } = options;
  const boss = openBoss(options.databaseUrl, { worker: true });
  // pg-boss reports a lost connection here; one line per distinct problem, never a crash.
  let lastProblem = "";
  boss.on("error", (error: Error) => {
    if (error.message !== lastProblem) log(`[jobs] job queue: ${error.message}`);
    lastProblem = error.message;
  });
  await boss.start();
  const me: Held = { boss, role: "worker", stopped: false };
  if (held?.role === "sender") await held.boss.stop({ graceful: false, wait: true }).catch(() => {});
  held = me;

  await oneSetUpAtATime(options.databaseUrl, async () => {
    for (const job of options.jobs) {
      await createJobQueue(boss, job.kind);
      if (options.schedule !== false)
        await boss.schedule(job.kind, cronEvery(job.everyMinutes), { trigger: "schedule" }, { singletonKey: job.kind });
    }
  });
  for (const job of options.jobs) {
    await boss.work(job.kind, { includeMetadata: true, batchSize: 1 }, async ([job_]) => {
      await runJob(job, triggerOf(job_.data, job_.retryCount), log);
    });
  }

  return {
    boss,
    async stop() {
      if (me.stopped) return;
      me.stopped = true;
      if (held === me) held = null;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/** Whether this process runs the job worker (for the readiness check and the page). */
export function jobQueueRunning(): boolean {
  return held?.role === "worker" && !held.stopped;
}

/** This process's pg-boss, opening a sender (no schedules, no workers) where no worker runs. */
async function bossForSending(): Promise<PgBoss> {
  if (held && !held.stopped) return held.boss;
  const databaseUrl = env().DATABASE_URL;
  if (!databaseUrl) throw new Error("the job queue needs DATABASE_URL");
  const boss = openBoss(databaseUrl, { worker: false });
  boss.on("error", () => {});
  await boss.start();
  await oneSetUpAtATime(databaseUrl, async () => {
    for (const kind of JOB_KINDS) await createJobQueue(boss, kind);
  });
  held = { boss, role: "sender", stopped: false };
  return boss;
}

/**
 * Queues a run of `kind` now, inside the caller's transaction (`executeSql` on its connection): the job
 * exists if and only if the transaction commits. null when a run of that kind is already waiting.
 */
export async function queueJobRun(
  kind: JobKind,
  data: Record<string, string>,
  executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>,
): Promise<string | null> {
  const boss = await bossForSending();
  return boss.send(kind, data, { singletonKey: kind, db: { executeSql } as PgBoss.Db });
}

/** Closes a sender opened by queueJobRun (tests; a serving process keeps it). */
export async function stopJobSender() {
  if (held?.role !== "sender") return;
  const { boss } = held;
  held = null;
  await boss.stop({ graceful: false, wait: true });
}
