import { afterEach, beforeEach, expect, it } from "vitest";

import { jobDefinition } from "~/domain/jobs/job-catalogue.server";
import { runJob } from "~/domain/jobs/run-job.server";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_AT, personId, seedDemoCompany } from "../../../tests/integration/support";

import { startAttempt } from "./start-attempt.server";

beforeEach(async () => {
  freezeClock(DEMO_AT);
  await seedDemoCompany();
});
afterEach(() => setClock(null));

it("an attempt left open past its deadline is handed in by the job once, audited, however often it runs", async () => {
  const quiz = await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } });
  const started = await startAttempt({ id: await personId("C0101") }, quiz.id, "FULL");
  if (!started.ok) throw new Error(started.error);
  const job = jobDefinition("quiz-auto-submit");

  // Before the deadline the job leaves it alone.
  expect(await runJob(job, "schedule")).toEqual({ submitted: 0 });
  freezeClock(new Date(DEMO_AT.getTime() + (quiz.timeLimitMinutes + 1) * 60_000));

  // Two instances at once, then a retry: one hand-in.
  const [a, b] = await Promise.all([runJob(job, "schedule"), runJob(job, "manual")]);
  expect(a.submitted + b.submitted).toBe(1);
  expect(await runJob(job, "retry")).toEqual({ submitted: 0 });

  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
  expect(attempt).toMatchObject({ status: "SUBMITTED", autoSubmitted: true, submittedAt: attempt.deadlineAt });
  expect(
    await db.auditEntry.count({ where: { action: "quiz.auto_submitted", entityId: started.attemptId, actorId: null } }),
  ).toBe(1);
  const runs = await db.jobRun.findMany({ where: { kind: "quiz-auto-submit" }, orderBy: { startedAt: "asc" } });
  expect(runs).toHaveLength(4);
  expect(runs.every((r) => r.ok === true && r.finishedAt !== null && r.durationMs !== null)).toBe(true);
});
