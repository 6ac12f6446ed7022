// The job log, 立即运行 through the page, and a worker taking the queued run: against the test database,
// with pg-boss in this process (no server).
import { afterAll, beforeAll, expect, it, vi } from "vitest";

import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

import {
  cookieFor,
  flashOf,
  outcome,
  renderInLayout,
  requestAs,
  seedDemoCompany,
} from "../../../tests/integration/support";
import { action, loader } from "../../routes/_app.jobs";

import { jobDefinition } from "./job-catalogue.server";
import { startJobQueue, stopJobSender, type JobQueue } from "./job-queue.server";
import { runJob } from "./run-job.server";

let queue: JobQueue | undefined;

beforeAll(async () => {
  // A fresh job queue: the worker database is reused between test files.
  await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS pgboss CASCADE");
});
afterAll(async () => {
  await queue?.stop();
  await stopJobSender();
});

it("a failed run is logged with its error, without the password, and thrown for pg-boss to retry", async () => {
  const failing = {
    ...jobDefinition("course-reminders"),
    run: () => Promise.reject(new Error("connect postgresql://tg:hunter2@db/tg: timeout")),
  };
  await expect(runJob(failing, "schedule")).rejects.toThrow("timeout");
  const run = await db.jobRun.findFirstOrThrow({ where: { kind: "course-reminders" } });
  expect(run).toMatchObject({ ok: false, trigger: "schedule", error: "connect postgresql://db/tg: timeout" });
  expect(run.finishedAt).not.toBeNull();
});

it("立即运行 queues one run, audited; a second click while it waits is refused; a worker runs it", async () => {
  await seedDemoCompany();
  const admin = await cookieFor("A0001");
  const run = () =>
    outcome(() =>
      action({
        request: requestAs(admin, "/jobs", { form: { intent: "run", kind: "quiz-auto-submit" } }),
        params: {},
        context: { cspNonce: "" },
      }),
    );

  const first = await run();
  expect(first).toMatchObject({ status: 302, location: "/jobs" });
  expect((await flashOf(first))?.message).toBe("jobs.notices.queued");
  const again = await run();
  expect(again.status).toBe(409);
  expect(await db.auditEntry.count({ where: { action: "jobs.runRequested", entityId: "quiz-auto-submit" } })).toBe(1);

  const page = async () => {
    const result = await outcome(() =>
      loader({ request: requestAs(admin, "/jobs"), params: {}, context: { cspNonce: "" } }),
    );
    return (result.body as Awaited<ReturnType<typeof loader>>).overview.jobs.find(
      (j) => j.kind === "quiz-auto-submit",
    )!;
  };
  expect((await page()).counts.queued).toBe(1);

  // A worker (as a serving process starts one) takes the waiting run.
  queue = await startJobQueue({
    databaseUrl: env().DATABASE_URL!,
    jobs: [jobDefinition("quiz-auto-submit")],
    log: () => {},
    // Only the run queued here: a cron tick during the test would make another.
    schedule: false,
  });
  await vi.waitFor(async () => expect((await page()).lastRun).toMatchObject({ ok: true, trigger: "manual" }), {
    timeout: 20_000,
    interval: 200,
  });
  expect((await page()).counts.queued).toBe(0);

  // The page in both languages: the run, its trigger and what it did.
  const zh = await renderInLayout(admin, "/jobs", "_app.jobs");
  expect(zh.html).toContain("考试超时自动交卷");
  expect(zh.html).toContain("手动");
  const en = await renderInLayout(admin, "/jobs", "_app.jobs", "en");
  expect(en.html).toContain("Hand in quiz attempts past their time limit");
  expect(en.html).toContain("0 handed in");
});
