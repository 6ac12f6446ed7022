// The periodic jobs: what each runs and how often. Each is idempotent and transactional on its own (see
// its file), so pg-boss may run it again after a failure, and 立即运行 may run it between two schedules.
import { announceCertificationEnds } from "~/domain/certification/certification-end-job.server";
import { queueDueReminders } from "~/domain/delivery/reminders.server";
import { autoSubmitExpiredAttempts } from "~/domain/quiz/auto-submit-job.server";

import type { JobKind, JobSummary } from "./job-rules";

export type JobDefinition = {
  kind: JobKind;
  /** Scheduled every N minutes (whole hours from 60 on), by pg-boss, once across all instances. */
  everyMinutes: number;
  /** `at`: the app's clock when the run started. */
  run: (at: Date) => Promise<JobSummary>;
};

export function jobCatalogue(): JobDefinition[] {
  return [
    // An attempt's deadline is minutes away at most: hand in expired ones within a minute.
    { kind: "quiz-auto-submit", everyMinutes: 1, run: () => autoSubmitExpiredAttempts() },
    // Certifications end at an instant (expiry, end of a rule change's grace period): a quarter of an hour
    // is soon enough for the agent and the head to hear of it.
    { kind: "certification-ends", everyMinutes: 15, run: (at) => announceCertificationEnds(at) },
    // The day-before reminders (the lead time is a setting); each invite is claimed once.
    { kind: "course-reminders", everyMinutes: 5, run: async (at) => ({ reminded: await queueDueReminders(at) }) },
  ];
}

export function jobDefinition(kind: JobKind): JobDefinition {
  return jobCatalogue().find((job) => job.kind === kind)!;
}
