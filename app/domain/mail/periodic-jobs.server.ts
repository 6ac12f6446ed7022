// The jobs the mail worker runs on a schedule, each in one process at a time (pg-boss schedule).
import { queueDueReminders } from "~/domain/delivery/reminders.server";

import type { PeriodicJob } from "./mail-worker.server";

export function periodicJobs(): PeriodicJob[] {
  // The day-before reminders (the lead time is a setting): every 5 minutes, each invite claimed once.
  return [{ name: "course-reminders", everyMinutes: 5, run: async (at) => void (await queueDueReminders(at)) }];
}
