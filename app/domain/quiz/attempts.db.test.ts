import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { freezeClock, setClock } from "~/utils/clock.server";
import { db, disconnectDb, getAttemptPool, getPool } from "~/utils/db.server";

import { DEMO_AT, personId, seedDemoCompany, demoCompanyBeforeEachTest } from "../../../tests/integration/support";

import { saveAnswer } from "./answer-question.server";
import { getAttemptForTaking } from "./attempt-queries.server";
import { startAttempt } from "./start-attempt.server";
import { finaliseAttempt, submitOwnAttempt } from "./submit-attempt.server";

let quizId: string;
let agent: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(DEMO_AT);
  await seedDemoCompany();
  quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
  agent = await personId("C0101");
});
afterEach(() => setClock(null));

async function correctOptions(attemptId: string) {
  const rows = await db.quizAttemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: { position: true, question: { select: { options: { where: { isCorrect: true }, select: { id: true } } } } },
  });
  return rows.map((r) => r.question.options.map((o) => o.id));
}

async function start(person = agent) {
  const outcome = await startAttempt({ id: person }, quizId, "FULL");
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.attemptId;
}

describe("attempts held on the server", () => {
  it("20 parallel starts by one agent open exactly one attempt, and every caller gets it", async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => startAttempt({ id: agent }, quizId, "FULL")));
    const ids = new Set(outcomes.map((o) => (o.ok ? o.attemptId : o.error)));
    expect(ids.size).toBe(1);
    expect(await db.quizAttempt.count({ where: { personId: agent } })).toBe(1);
  });

  it("20 parallel submits finalise the attempt once", async () => {
    const attemptId = await start();
    const actor = { id: agent, employeeNo: "C0101" };
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => submitOwnAttempt(actor, attemptId)));
    expect(outcomes.filter((o) => o.ok && o.finalised)).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: "quiz.submitted", entityId: attemptId } })).toBe(1);
  });

  it("answers survive a server restart mid-attempt", async () => {
    const attemptId = await start();
    const correct = await correctOptions(attemptId);
    for (const position of [0, 1, 2])
      expect(await saveAnswer(agent, attemptId, position, correct[position])).toEqual({ ok: true });
    await disconnectDb(); // the process's connection pool is gone, as after a restart
    const view = await getAttemptForTaking(agent, attemptId);
    expect(view.kind).toBe("open");
    if (view.kind !== "open") return;
    expect(view.questions.slice(0, 4).map((q) => q.selected)).toEqual([correct[0], correct[1], correct[2], []]);
    // Starting again resumes the same attempt.
    expect(await startAttempt({ id: agent }, quizId, "FULL")).toEqual({ ok: true, attemptId, resumed: true });
  });

  it("the start's first look is planned once per connection; the shared pool plans as before", async () => {
    // The first start opens the attempt, the next two resume it: three first looks, one after the other,
    // so on the attempt pool's most recently used connection (ADR 0031).
    for (let i = 0; i < 3; i++) await start();
    const client = await getAttemptPool().connect();
    try {
      const { rows } = await client.query<{ generic: number; custom: number }>(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
         WHERE statement LIKE '%''seen''%'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].custom).toBe(0);
      expect(rows[0].generic).toBeGreaterThanOrEqual(3);
    } finally {
      client.release();
    }
    // Prisma's statements (unnamed, planned for their values) stay on the shared pool's default.
    expect((await getPool().query("SHOW plan_cache_mode")).rows).toEqual([{ plan_cache_mode: "auto" }]);
  });

  it("an agent can neither read nor answer nor submit another agent's attempt", async () => {
    const attemptId = await start();
    const other = await personId("C0102");
    expect((await getAttemptForTaking(other, attemptId)).kind).toBe("notFound");
    expect(await saveAnswer(other, attemptId, 0, [])).toEqual({ ok: false, error: "errors.notFound" });
    expect(await submitOwnAttempt({ id: other, employeeNo: "C0102" }, attemptId)).toEqual({
      ok: false,
      error: "errors.notFound",
    });
  });

  it("the page data of an open attempt holds no correct answer and no explanation", async () => {
    const attemptId = await start();
    const view = await getAttemptForTaking(agent, attemptId);
    const json = JSON.stringify(view);
    expect(json).not.toMatch(/isCorrect|explanation|correct/i);
    const explanations = await db.quizQuestion.findMany({ select: { explanation: true } });
    for (const e of explanations) expect(json).not.toContain(e.explanation);
  });

  it(
    "the timer runs on the server: after the deadline the attempt is submitted automatically " +
      "and answers are refused",
    async () => {
      const attemptId = await start();
      const correct = await correctOptions(attemptId);
      await saveAnswer(agent, attemptId, 0, correct[0]);
      freezeClock(new Date(DEMO_AT.getTime() + 31 * 60_000));
      expect(await saveAnswer(agent, attemptId, 1, correct[1])).toEqual({ ok: false, error: "quiz.expired" });
      const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      expect(attempt).toMatchObject({
        status: "SUBMITTED",
        autoSubmitted: true,
        openKey: null,
        correctCount: 1,
        passed: false,
      });
      expect(attempt.submittedAt).toEqual(attempt.deadlineAt);
    },
  );

  it("answers must be options of the question; single choice takes one", async () => {
    const attemptId = await start();
    expect(await saveAnswer(agent, attemptId, 0, ["not-an-option"])).toEqual({
      ok: false,
      error: "quiz.invalidAnswer",
    });
    const q = await db.quizAttemptQuestion.findFirstOrThrow({ where: { attemptId, multiple: false } });
    expect(await saveAnswer(agent, attemptId, q.position, q.optionOrder.slice(0, 2))).toEqual({
      ok: false,
      error: "quiz.invalidAnswer",
    });
  });

  it("a wrong red-line answer fails the attempt; the cooldown then holds the next start back", async () => {
    const attemptId = await start();
    const correct = await correctOptions(attemptId);
    const rows = await db.quizAttemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    const redLine = rows.find((r) => r.redLine)!;
    for (const r of rows) {
      const answer =
        r.position === redLine.position
          ? r.optionOrder.filter((id) => !correct[r.position].includes(id)).slice(0, 1)
          : correct[r.position];
      expect(await saveAnswer(agent, attemptId, r.position, answer)).toEqual({ ok: true });
    }
    await finaliseAttempt(attemptId, { auto: false });
    const done = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(done).toMatchObject({ passed: false, redLineMissed: true, scorePercent: 95 });
    expect(await startAttempt({ id: agent }, quizId, "FULL")).toMatchObject({
      ok: false,
      error: "quiz.refused.cooldown",
    });
    freezeClock(new Date(DEMO_AT.getTime() + 31 * 60_000));
    expect(await startAttempt({ id: agent }, quizId, "FULL")).toMatchObject({ ok: true, resumed: false });
  });
});
