// The jobs the mail worker runs on a schedule, each in one process at a time (pg-boss schedule): the
// place to add one, e.g. the day-before reminders { name: "course-reminders", everyMinutes: 15, run }.
import type { PeriodicJob } from "./mail-worker.server";

export function periodicJobs(): PeriodicJob[] {
  return [];
}
