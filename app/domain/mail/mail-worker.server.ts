// The mail worker: the app's job queue (app/domain/jobs, pg-boss in schema "pgboss") turns each waiting
// outbox message into a job and delivers it with retries and backoff; the same pg-boss runs the periodic
// jobs (reminders, auto-submit, certification ends), each once across processes. Every serving process
// starts one; pg-boss and the outbox claim keep two of them from sending a message twice.
// docs/decisions/0017-mail-outbox.md, docs/decisions/0021-background-jobs.md
import nodemailer from "nodemailer";

import { jobCatalogue, type JobDefinition } from "~/domain/jobs/job-catalogue.server";
import { jobQueueRunning, oneSetUpAtATime, startJobQueue } from "~/domain/jobs/job-queue.server";
import { MAIL_QUEUE } from "~/domain/jobs/job-rules";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logJobRun } from "~/utils/logger.server";

import { deliverOutboxMessage, type MailTransport } from "./deliver-message.server";
import { CLAIM_TIMEOUT_MS, RETRY } from "./delivery-rules";
import { smtpConfig, type SmtpConfig } from "./smtp-config";

export { MAIL_QUEUE };
export { PGBOSS_SCHEMA } from "~/domain/jobs/job-queue.server";

export type MailWorkerOptions = {
  /** Defaults to DATABASE_URL. */
  databaseUrl?: string;
  /** Defaults to jobCatalogue() (app/domain/jobs); [] for none. */
  periodic?: JobDefinition[];
  /** Defaults to the SMTP configuration from the environment; delivery runs only when it is ready. */
  smtp?: SmtpConfig;
  /** Instead of nodemailer (tests). */
  transport?: MailTransport;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Jobs fetched at once, delivered concurrently over the pooled connections. */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  /** How often committed, not yet queued messages are looked for. */
  sweepIntervalMs?: number;
  log?: (line: string) => void;
};

export type MailWorker = {
  smtp: SmtpConfig;
  delivering: boolean;
  /** Whether this process's job queue (pg-boss) runs: for the readiness check. */
  queueRunning: () => boolean;
  /** Queues a job for every waiting message that has none; returns how many it queued. */
  sweep: () => Promise<number>;
  stop: () => Promise<void>;
};

type DeliverJob = { id: string };

/**
 * Messages committed but not yet held by a live job: newly queued ones, ones whose job pg-boss
 * dropped, ones the administrator sends again, and stale claims of a process that died.
 */
async function waitingWithoutJob(limit: number): Promise<string[]> {
  const staleBefore = new Date(now().getTime() - CLAIM_TIMEOUT_MS);
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT o.id FROM "OutboxMessage" o
      WHERE (o.status = 'PENDING' OR (o.status = 'SENDING' AND o."claimedAt" < $1::timestamptz))
        AND NOT EXISTS (
          SELECT 1 FROM pgboss.job j
           WHERE j.name = $2 AND j.singleton_key = o.id AND j.state < 'completed')
      ORDER BY o."createdAt", o.id
      LIMIT $3`,
    staleBefore,
    MAIL_QUEUE,
    limit,
  );
  return rows.map((row) => row.id);
}

export async function startMailWorker(options: MailWorkerOptions = {}): Promise<MailWorker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  if (!databaseUrl) throw new Error("startMailWorker: DATABASE_URL is not set");
  const smtp = options.smtp ?? smtpConfig(env());
  const delivering = smtp.state === "ready" || options.transport !== undefined;
  const periodic = options.periodic ?? jobCatalogue();
  const retryLimit = options.retryLimit ?? RETRY.limit;
  const retryDelay = options.retryDelaySeconds ?? RETRY.delaySeconds;

  const queue = await startJobQueue({ databaseUrl, jobs: periodic, log });
  const { boss } = queue;
  let lastProblem = "";
  await oneSetUpAtATime(databaseUrl, () => boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, policy: "stately" }));

  let transport: (MailTransport & { close?: () => void }) | undefined = options.transport;
  if (!transport && smtp.state === "ready") {
    transport = nodemailer.createTransport(smtp.transport) as unknown as MailTransport & { close: () => void };
  }

  const sweep = async () => {
    const ids = await waitingWithoutJob(1000);
    if (ids.length === 0) return 0;
    await boss.insert(
      ids.map((id) => ({
        name: MAIL_QUEUE,
        data: { id },
        singletonKey: id,
        retryLimit,
        retryDelay,
        retryBackoff: true,
        expireInSeconds: Math.ceil(CLAIM_TIMEOUT_MS / 1000) - 30,
      })),
    );
    return ids.length;
  };

  let workerId: string | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> = Promise.resolve();
  if (delivering && transport) {
    const send = transport;
    workerId = await boss.work<DeliverJob>(
      MAIL_QUEUE,
      {
        batchSize: options.batchSize ?? 20,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
        includeMetadata: true,
      },
      async (jobs) => {
        // Each job succeeds or fails on its own: the failed ones are failed here (pg-boss schedules their
        // retry), and pg-boss then completes only the jobs still active.
        const failed: Array<{ id: string; error: string }> = [];
        await Promise.all(
          jobs.map(async (job) => {
            // One JSON log line per delivery (the message's id only: never an address or a subject).
            const outcome = await logJobRun("mail-deliver", { jobId: job.id, messageId: job.data.id }, () =>
              deliverOutboxMessage(job.data.id, send, { count: job.retryCount, limit: job.retryLimit }),
            );
            if (outcome.result === "retry" || outcome.result === "failed") {
              failed.push({ id: job.id, error: outcome.error ?? "" });
            }
          }),
        );
        await Promise.all(failed.map((f) => boss.fail(MAIL_QUEUE, f.id, { message: f.error })));
      },
    );
    const tick = () => {
      sweeping = sweep()
        .then((queued) => {
          if (queued > 0 && workerId) boss.notifyWorker(workerId);
        })
        .catch((error: Error) => {
          if (error.message !== lastProblem) log(`[mail] outbox sweep: ${error.message}`);
          lastProblem = error.message;
        });
    };
    // A wake-up, not a decision: it only queues a job for a message that has none, and both duplicates
    // are harmless (the stately queue keeps one waiting job per message; the conditional claim in
    // deliverOutboxMessage lets one process send it). So every process may run it, as often as it likes.
    tick();
    sweeper = setInterval(tick, options.sweepIntervalMs ?? 1000);
  }

  let stopped = false;
  return {
    smtp,
    delivering: Boolean(workerId),
    queueRunning: jobQueueRunning,
    sweep,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (sweeper) clearInterval(sweeper);
      await sweeping;
      await queue.stop();
      transport?.close?.();
    },
  };
}
