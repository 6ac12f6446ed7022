// Pure: the background jobs' names, how a run is triggered, how its error is recorded, and how the
// administrator's page reads pg-boss's counts. docs/decisions/0021-background-jobs.md

/** Every periodic job, in the order the page lists them. */
export const JOB_KINDS = ["quiz-auto-submit", "certification-ends", "course-reminders"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The mail outbox's delivery queue: shown beside the periodic jobs, not run from the page. */
export const MAIL_QUEUE = "mail-deliver";

export type JobTrigger = "schedule" | "manual" | "retry";

/** What a run did, as counts (never personal data): shown on the page and kept in the job log. */
export type JobSummary = Record<string, number>;

/** A failed run is tried again after ½–1, 1–2, 2–4 minutes (pg-boss's backoff with jitter), then it is failed. */
export const JOB_RETRY = { limit: 3, delaySeconds: 30 } as const;

/** A run that has not finished after this long is expired by pg-boss (and retried). */
export const JOB_EXPIRE_SECONDS = 15 * 60;

/** How many runs of each kind the job log keeps. */
export const JOB_LOG_KEEP = 200;

export function isJobKind(value: string): value is JobKind {
  return (JOB_KINDS as readonly string[]).includes(value);
}

/** A run on pg-boss's second try or later is a retry, whatever first caused it. */
export function triggerOf(data: unknown, retryCount: number): JobTrigger {
  if (retryCount > 0) return "retry";
  return (data as { trigger?: unknown } | null)?.trigger === "manual" ? "manual" : "schedule";
}

/**
 * What a failure is recorded as, on the page and in the log: the first line of the message, at most 300
 * characters, with any URL's login and any `password=…` removed (a connection error may quote them).
 */
export function describeJobError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw
    .split(/\r?\n/)[0]
    .replace(/\/\/[^/@\s]*@/g, "//")
    .replace(/(password|secret|key)=\S+/gi, "$1=***")
    .slice(0, 300);
}

export type QueueCounts = { queued: number; active: number; failed: number };

/** pg-boss's job states counted into what the page shows: waiting (created or retry), active, failed. */
export function queueCounts(rows: ReadonlyArray<{ state: string; count: number }>): QueueCounts {
  const counts: QueueCounts = { queued: 0, active: 0, failed: 0 };
  for (const { state, count } of rows) {
    if (state === "created" || state === "retry") counts.queued += count;
    else if (state === "active") counts.active += count;
    else if (state === "failed") counts.failed += count;
  }
  return counts;
}
