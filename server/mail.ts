import type { MailWorker, MailWorkerOptions } from "../app/domain/mail/mail-worker.server";
import { smtpConfig } from "../app/domain/mail/smtp-config";
import type { Env } from "../app/utils/env.server";

import type { QueueState } from "./health";

type EntryWithMail = { startMailWorker?: (options: MailWorkerOptions) => Promise<MailWorker> };

/**
 * Starts the mail worker from the build's entry module (like the fast paths: one clock, one pool per
 * process). Every serving process runs one; pg-boss and the outbox claim share the work between them.
 * It never stops the server: without SMTP, or with a bad SMTP setting, messages wait in the outbox and
 * the administrator's outbox page says why. `announce` prints the one line about mail (first process).
 * `queue` is what /readyz reports: a process with MAIL_WORKER=0 does not need one.
 */
export async function startAppMail(
  entry: unknown,
  config: Env,
  options: { log: (line: string) => void; announce: boolean },
): Promise<{ stop: () => Promise<void>; queue: () => QueueState }> {
  const start = (entry as EntryWithMail).startMailWorker;
  if (!config.MAIL_WORKER || !start) return { stop: async () => {}, queue: () => "not required" };
  const smtp = smtpConfig(config);
  if (options.announce) {
    if (smtp.state === "off") options.log("Mail: no SMTP server configured; messages wait in the outbox (/outbox).");
    if (smtp.state === "invalid") {
      const names = smtp.problems.map((p) => p.variable).join(", ");
      options.log(`Mail: SMTP settings are invalid (${names}); messages wait in the outbox (/outbox).`);
    }
    if (smtp.state === "ready") options.log(`Mail: delivering through ${smtp.server}.`);
  }
  try {
    const worker = await start({ smtp, log: options.log });
    let running = true;
    const stop = () => {
      running = false;
      return worker.stop().catch(() => {});
    };
    return { stop, queue: () => (running ? "running" : "not running") };
  } catch (error) {
    options.log(`Mail: the job queue did not start (${(error as Error).message}); messages wait in the outbox.`);
    return { stop: async () => {}, queue: () => "not running" };
  }
}
