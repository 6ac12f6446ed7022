// When answers keep changing under a hand-in (its check fails OPTIMISTIC_TRIES times), finaliseAttempt ends in the
// locked way: one transaction that reads FOR UPDATE and writes (submit-attempt.server.ts, ADR 0035). Here an
// answer really changes after each unlocked read, so every guarded write finds a changed version.
import { afterEach, beforeEach, expect, it } from "vitest";

import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_AT, personId, seedDemoCompany, demoCompanyBeforeEachTest } from "../../../tests/integration/support";

import { saveAnswer } from "./answer-question.server";
import { readHandIn } from "./hand-in.server";
import { startAttempt } from "./start-attempt.server";
import { finaliseAttempt, OPTIMISTIC_TRIES } from "./submit-attempt.server";

// Runs after each read, before the hand-in writes what it read. Passed to finaliseAttempt, not mocked: the
// integration tests share their modules between files (isolate: false), where a module mock does not hold.
let afterRead: ((locked: boolean) => Promise<void>) | null = null;
const readThenHook: typeof readHandIn = async (...args) => {
  const read = await readHandIn(...args);
  await afterRead?.(args[3] === true);
  return read;
};

let agent: string;
let attemptId: string;
let red: number;
let right: string[];
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
    select: { optionOrder: true, redLine: true, question: { select: { options: { where: { isCorrect: true } } } } },
  });
  const correct = rows.map((r) => r.question.options.map((o) => o.id));
  for (const [position, options] of correct.entries())
    expect(await saveAnswer(agent, attemptId, position, options)).toEqual({ ok: true });
  red = rows.findIndex((r) => r.redLine);
  right = correct[red];
  wrong = rows[red].optionOrder.filter((id) => !right.includes(id)).slice(0, 1);
});
afterEach(() => {
  afterRead = null;
  setClock(null);
});

it("answers changing under every unlocked try: the locked hand-in scores the last answer, once", async () => {
  const reads: boolean[] = [];
  afterRead = async (locked) => {
    reads.push(locked);
    // The red-line answer flips after each unlocked read: wrong, right, wrong.
    if (!locked)
      expect(await saveAnswer(agent, attemptId, red, reads.length % 2 ? wrong : right)).toEqual({ ok: true });
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
  expect(await saveAnswer(agent, attemptId, red, right)).not.toEqual({ ok: true });
  expect(await finaliseAttempt(attemptId, { auto: false }, readThenHook)).toEqual({ finalised: false });
  expect(await db.auditEntry.count({ where: { entityId: attemptId, action: "quiz.submitted" } })).toBe(1);
});
