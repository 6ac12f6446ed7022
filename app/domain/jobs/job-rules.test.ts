import { describe, expect, it } from "vitest";

import { describeJobError, isJobKind, queueCounts, triggerOf } from "./job-rules";

describe("a job run", () => {
  it("is a retry from pg-boss's second try on, else manual when the administrator asked for it", () => {
    expect(triggerOf({ trigger: "manual" }, 0)).toBe("manual");
    expect(triggerOf({ trigger: "schedule" }, 0)).toBe("schedule");
    expect(triggerOf(null, 0)).toBe("schedule");
    expect(triggerOf({ trigger: "manual" }, 1)).toBe("retry");
  });

  it("records a failure as one short line without logins or passwords", () => {
    const error = new Error("connect to postgresql://tg:hunter2@db:5432/tg failed password=hunter2\n    at stack");
    expect(describeJobError(error)).toBe("connect to postgresql://db:5432/tg failed password=***");
    expect(describeJobError("x".repeat(900))).toHaveLength(300);
  });

  it("knows only the periodic jobs by name", () => {
    expect(isJobKind("quiz-auto-submit")).toBe(true);
    expect(isJobKind("mail-deliver")).toBe(false);
  });
});

it("pg-boss's states count as waiting (created, retry), running and failed", () => {
  expect(
    queueCounts([
      { state: "created", count: 2 },
      { state: "retry", count: 1 },
      { state: "active", count: 1 },
      { state: "failed", count: 4 },
      { state: "completed", count: 9 },
    ]),
  ).toEqual({ queued: 3, active: 1, failed: 4 });
  expect(queueCounts([])).toEqual({ queued: 0, active: 0, failed: 0 });
});
