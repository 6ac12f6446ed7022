// The hand-in reads and scores without a lock, then writes in one guarded statement (hand-in.server.ts,
// ADR 0035): an answer that changes between the read and the write must never be scored on the old answer.
import { afterEach, beforeEach, expect, it } from "vitest";

import { freezeClock, setClock } from "~/utils/clock.server";
import { db, getAttemptPool, getPool } from "~/utils/db.server";

import { DEMO_AT, personId, seedDemoCompany, demoCompanyBeforeEachTest } from "../../../tests/integration/support";

import { saveAnswer } from "./answer-question.server";
import { readHandIn, writeHandIn } from "./hand-in.server";
import { startAttempt } from "./start-attempt.server";
import { finaliseAttempt, OPTIMISTIC_TRIES } from "./submit-attempt.server";

let agent: string;
let attemptId: string;
let correct: string[][];
// A red-line question answered wrong fails the attempt whatever else is right.
let red: number;
let wrong: string[];

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(DEMO_AT);
  await seedDemoCompany();
  agent = await personId("C0101");
  const quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
  const started = await startAttempt({ id: agent }, quizId, "FULL");
  if (!started.ok) throw new Error(started.error);
  attemptId = started.attemptId;
  const rows = await db.quizAttemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: {
      optionOrder: true,
      redLine: true,
      question: { select: { options: { where: { isCorrect: true }, select: { id: true } } } },
    },
  });
  correct = rows.map((r) => r.question.options.map((o) => o.id));
  red = rows.findIndex((r) => r.redLine);
  wrong = rows[red].optionOrder.filter((id) => !correct[red].includes(id)).slice(0, 1);
  for (const [position, options] of correct.entries())
    expect(await saveAnswer(agent, attemptId, position, options)).toEqual({ ok: true });
});
afterEach(() => {
  afterRead = null;
  setClock(null);
});

// Runs after each read, before the hand-in writes what it read. Passed to finaliseAttempt, not mocked: the
// integration tests share their modules between files (isolate: false), where a module mock does not hold.
let afterRead: ((locked: boolean) => Promise<void>) | null = null;
const readThenHook: typeof readHandIn = async (...args) => {
  const read = await readHandIn(...args);
  await afterRead?.(args[3] === true);
  return read;
};

/** Everything the hand-in writes, to prove a refused write left all of it as it was. */
async function written() {
  const [attempt, verdicts, audit, tally, todos, assignments] = await Promise.all([
    db.quizAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { status: true, submittedAt: true, correctCount: true, passed: true },
    }),
    db.quizAttemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" }, select: { correct: true } }),
    db.auditEntry.count({ where: { entityId: attemptId } }),
    db.ruleTally.aggregate({ _sum: { answered: true, answeredWrong: true, asked: true, askedWrong: true } }),
    db.todoItem.findMany({ where: { personId: agent, sourceType: "Quiz" }, orderBy: { id: "asc" } }),
    db.quizAssignment.findMany({ where: { personId: agent }, orderBy: { id: "asc" } }),
  ]);
  return { attempt, verdicts, audit, tally, todos, assignments };
}

it("an answer changed after the read fails the check: nothing is written; the hand-in scores the new one", async () => {
  const read = (await readHandIn(attemptId, agent, getAttemptPool()))!;
  const before = await written();
  expect(before.attempt.status).toBe("OPEN");

  expect(await saveAnswer(agent, attemptId, red, wrong)).toEqual({ ok: true });
  const changed = await written();
  expect(await writeHandIn(attemptId, read, { auto: false, at: DEMO_AT }, getAttemptPool())).toEqual({
    status: "changed",
  });
  expect(await written()).toEqual(changed);

  expect(await finaliseAttempt(attemptId, { auto: false })).toEqual({ finalised: true, passed: false });
  const done = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  expect(done).toMatchObject({ status: "SUBMITTED", correctCount: correct.length - 1, passed: false });
  expect((await written()).verdicts[red]).toEqual({ correct: false });
  expect(await db.auditEntry.count({ where: { entityId: attemptId, action: "quiz.submitted" } })).toBe(1);
});

it("an answer that commits while the hand-in waits for the attempt's lock fails the check too", async () => {
  const read = (await readHandIn(attemptId, agent, getAttemptPool()))!;
  // saveAnswer's statement, held open: the attempt FOR SHARE and the red-line question's row changed, not yet
  // committed.
  const answering = await getPool().connect();
  try {
    await answering.query("BEGIN");
    await answering.query(
      `WITH a AS (SELECT id FROM "QuizAttempt" WHERE id = $1 FOR SHARE)
       UPDATE "QuizAttemptQuestion" SET selected = $2::text[] WHERE "attemptId" = (SELECT id FROM a) AND position = $3`,
      [attemptId, wrong, red],
    );
    const write = writeHandIn(attemptId, read, { auto: false, at: DEMO_AT }, getAttemptPool());
    // The hand-in's statement is waiting for the answer's lock (a condition, not a sleep).
    for (;;) {
      const [{ waiting }] = await db.$queryRaw<Array<{ waiting: number }>>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND query LIKE '%FROM ok%' AND datname = current_database()`;
      if (waiting > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await answering.query("COMMIT");
    expect(await write).toEqual({ status: "changed" });
  } finally {
    answering.release();
  }
  expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "OPEN" });
  expect(await finaliseAttempt(attemptId, { auto: false })).toEqual({ finalised: true, passed: false });
});

it("unchanged since the read: one write hands in; a second with the same read finds the attempt closed", async () => {
  const read = (await readHandIn(attemptId, agent, getAttemptPool()))!;
  expect(await writeHandIn(attemptId, read, { auto: false, at: DEMO_AT }, getAttemptPool())).toEqual({
    status: "written",
    passed: true,
  });
  const after = await written();
  expect(after.attempt).toMatchObject({ status: "SUBMITTED", correctCount: correct.length, passed: true });
  expect(await writeHandIn(attemptId, read, { auto: false, at: DEMO_AT }, getAttemptPool())).toEqual({
    status: "closed",
  });
  expect(await written()).toEqual(after);
});

// When answers keep changing under a hand-in (its check fails OPTIMISTIC_TRIES times), finaliseAttempt ends in the
// locked way: one transaction that reads FOR UPDATE and writes. Here an answer really changes after each unlocked
// read, so every guarded write finds a changed version.
it("answers changing under every unlocked try: the locked hand-in scores the last answer, once", async () => {
  const reads: boolean[] = [];
  afterRead = async (locked) => {
    reads.push(locked);
    // The red-line answer flips after each unlocked read: wrong, right, wrong.
    if (!locked)
      expect(await saveAnswer(agent, attemptId, red, reads.length % 2 ? wrong : correct[red])).toEqual({ ok: true });
  };

  expect(await finaliseAttempt(attemptId, { auto: false }, readThenHook)).toEqual({ finalised: true, passed: false });
  expect(reads).toEqual([...Array<boolean>(OPTIMISTIC_TRIES).fill(false), true]);
  const done = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  expect(done).toMatchObject({ status: "SUBMITTED", passed: false, redLineMissed: true });
  const verdict = await db.quizAttemptQuestion.findFirstOrThrow({ where: { attemptId, position: red } });
  expect(verdict.correct).toBe(false);
  expect(await db.auditEntry.count({ where: { entityId: attemptId, action: "quiz.submitted" } })).toBe(1);
  // Handed in: a later answer is refused and a second hand-in writes nothing.
  afterRead = null;
  expect(await saveAnswer(agent, attemptId, red, correct[red])).not.toEqual({ ok: true });
  expect(await finaliseAttempt(attemptId, { auto: false }, readThenHook)).toEqual({ finalised: false });
  expect(await db.auditEntry.count({ where: { entityId: attemptId, action: "quiz.submitted" } })).toBe(1);
});
