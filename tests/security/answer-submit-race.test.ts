// Attack: answer every question and hand in a few milliseconds later, all at once, hoping that an
// answer acknowledged with 200 is left out of the score (or lands after the submit and still counts
// as saved). Every acknowledged answer must be scored; every later one refused with 409.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, beforeEach, expect, it, vi } from "vitest";

import { quizAttemptsFastPath } from "~/fast-paths/quiz-attempts.server";
import { freezeClock, now, setClock } from "~/utils/clock.server";
import { db, getPool } from "~/utils/db.server";

import { blockedOrSettled, cookieFor, seedDemoCompany, demoCompanyBeforeEachTest } from "../integration/support";

// The server's default pool (tests use 4): as many answers in the database at once as in production.
vi.hoisted(() => {
  process.env.DATABASE_POOL_SIZE = "10";
});

let server: Server;
let base: string;
let agent: string;
let quizId: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  agent = await cookieFor("C0101");
  quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
  const handle = quizAttemptsFastPath({ isSecure: () => false });
  server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  setClock(null);
  await new Promise((r) => server.close(r));
});

async function post(path: string, body: unknown) {
  const res = await fetch(base + path, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json", Cookie: agent, Origin: base },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok?: boolean; error?: string; attemptId?: string } };
}

/** A new attempt for the agent, with each question's right options. */
async function openAttempt() {
  const started = await post("/api/quiz/attempts", { quizId, mode: "FULL" });
  expect(started.status).toBe(201);
  const attemptId = started.json.attemptId!;
  const questions = await db.quizAttemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: { position: true, question: { select: { options: { where: { isCorrect: true }, select: { id: true } } } } },
  });
  return {
    attemptId,
    answers: questions.map((q) => ({ position: q.position, option: q.question.options.map((o) => o.id) })),
  };
}

it("20 times over: every answer acknowledged before a racing submit is scored, every other one refused", async () => {
  for (let round = 0; round < 20; round++) {
    const { attemptId, answers } = await openAttempt();
    // All answers leave together; the submit follows at once (even rounds) or as soon as the first
    // answer is acknowledged (odd rounds, so it lands among answers the database is still writing).
    const sent = answers.map((a) => post(`/api/quiz/attempts/${attemptId}/answers`, a));
    if (round % 2 === 1) await Promise.race(sent);
    const submitted = post(`/api/quiz/attempts/${attemptId}/submit`, {});
    const replies = await Promise.all(sent);
    expect((await submitted).status).toBe(200);

    const acknowledged = answers.filter((_, i) => replies[i].status === 200).map((a) => a.position);
    for (const reply of replies.filter((r) => r.status !== 200)) {
      expect(reply.status).toBe(409);
      expect(reply.json.error).toBe("quiz.alreadySubmitted");
    }

    const stored = await db.quizAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      include: { questions: { orderBy: { position: "asc" } } },
    });
    expect(stored.status).toBe("SUBMITTED");
    expect({ round, correctCount: stored.correctCount }).toEqual({ round, correctCount: acknowledged.length });
    const answered = stored.questions.filter((q) => q.selected.length > 0).map((q) => q.position);
    expect({ round, answered }).toEqual({ round, answered: acknowledged });
    expect(stored.questions.filter((q) => q.correct).map((q) => q.position)).toEqual(acknowledged);
    for (const q of stored.questions.filter((q) => q.answeredAt))
      expect(q.answeredAt!.getTime()).toBeLessThanOrEqual(stored.submittedAt!.getTime());

    // The next round starts afresh: the quiz's daily limit is not what this test is about.
    await db.quizAttempt.delete({ where: { id: attemptId } });
  }
  // Whether a round's answers lose the race depends on the machine; an answer that certainly arrives
  // after the submit is refused, never silently dropped.
  const { attemptId, answers } = await openAttempt();
  expect((await post(`/api/quiz/attempts/${attemptId}/submit`, {})).status).toBe(200);
  const late = await post(`/api/quiz/attempts/${attemptId}/answers`, answers[0]);
  expect({ status: late.status, error: late.json.error }).toEqual({ status: 409, error: "quiz.alreadySubmitted" });
});

it("an answer acknowledged while the submit waits for the attempt is scored", async () => {
  const { attemptId, answers } = await openAttempt();
  // Another answer is mid-way (it holds the attempt as every answer does) when the agent hands in.
  const pool = getPool();
  const midway = await pool.connect();
  try {
    await midway.query("BEGIN");
    await midway.query(`SELECT 1 FROM "QuizAttempt" WHERE id = $1 FOR SHARE`, [attemptId]);
    const submitted = post(`/api/quiz/attempts/${attemptId}/submit`, {});
    expect(await blockedOrSettled(submitted)).toBe("blocked");
    // This answer does not wait (it only shares the attempt) and is acknowledged before the submit goes on.
    const reply = await post(`/api/quiz/attempts/${attemptId}/answers`, answers[0]);
    expect(reply.status).toBe(200);
    await midway.query("COMMIT");
    expect((await submitted).status).toBe(200);
  } finally {
    midway.release();
  }
  const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  expect(stored.correctCount).toBe(1);
});

it("an answer posted after the submit is refused with 409 and never stored", async () => {
  const { attemptId, answers } = await openAttempt();
  expect((await post(`/api/quiz/attempts/${attemptId}/answers`, answers[0])).status).toBe(200);
  expect((await post(`/api/quiz/attempts/${attemptId}/submit`, {})).status).toBe(200);

  const late = await post(`/api/quiz/attempts/${attemptId}/answers`, answers[1]);
  expect(late.status).toBe(409);
  expect(late.json).toEqual({ ok: false, error: "quiz.alreadySubmitted" });
  const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { questions: true } });
  expect(stored.questions.filter((q) => q.selected.length > 0).map((q) => q.position)).toEqual([answers[0].position]);
  expect(stored.correctCount).toBe(1);
});

it("an answer after the deadline is refused (409 quiz.expired), not scored, before and after the sweep", async () => {
  const { attemptId, answers } = await openAttempt();
  expect((await post(`/api/quiz/attempts/${attemptId}/answers`, answers[0])).status).toBe(200);
  const { deadlineAt } = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  freezeClock(new Date(Math.max(deadlineAt.getTime(), now().getTime()) + 1));
  agent = await cookieFor("C0101"); // a session as fresh as the clock

  for (const late of [answers[1], answers[2]]) {
    const reply = await post(`/api/quiz/attempts/${attemptId}/answers`, late);
    expect(reply.status).toBe(409);
    expect(reply.json).toEqual({ ok: false, error: "quiz.expired" });
  }
  const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { questions: true } });
  expect(stored).toMatchObject({ status: "SUBMITTED", autoSubmitted: true, correctCount: 1 });
  expect(stored.submittedAt).toEqual(deadlineAt);
  expect(stored.questions.filter((q) => q.selected.length > 0).map((q) => q.position)).toEqual([answers[0].position]);
});
