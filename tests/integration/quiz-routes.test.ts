// The quiz pages as the browser reaches them: the loaders' data never carries the correct answers before
// submission, and an agent's attempt is invisible to every other agent.
import { beforeEach, expect, it } from "vitest";

import * as testClock from "~/routes/[__test].clock";
import * as myQuizzes from "~/routes/_app.quiz._index";
import * as attemptPage from "~/routes/_app.quiz.attempts.$attemptId._index";
import * as resultPage from "~/routes/_app.quiz.attempts.$attemptId.result";
import { db } from "~/utils/db.server";

import { cookieFor, outcome, requestAs, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

const context = { cspNonce: "" };
let agent: string;
let attemptId: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  agent = await cookieFor("C0101");
  const quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
  const started = await outcome(() =>
    myQuizzes.action({
      request: requestAs(agent, "/quiz?index", { form: { quizId, mode: "FULL" } }),
      params: {},
      context,
    }),
  );
  expect(started.status).toBe(302);
  attemptId = started.location!.split("/").pop()!;
});

const load = (cookie: string) =>
  outcome(() =>
    attemptPage.loader({ request: requestAs(cookie, `/quiz/attempts/${attemptId}`), params: { attemptId }, context }),
  );

it("the attempt page's data: the question and shuffled options, never the right one or the explanation", async () => {
  const explanations = (await db.quizQuestion.findMany({ select: { explanation: true } })).map((q) => q.explanation);
  const page = await load(agent);
  expect(page.status).toBe(200);
  const body = page.body as { questions: Array<{ options: unknown[] }> };
  expect(body.questions).toHaveLength(24);
  const json = JSON.stringify(body);
  expect(json).not.toMatch(/isCorrect|explanation|"correct"/);
  for (const e of explanations) expect(json).not.toContain(e);
});

it("the same attempt shows the same option order every time (stored on the server)", async () => {
  const a = JSON.stringify(((await load(agent)).body as { questions: unknown }).questions);
  const b = JSON.stringify(((await load(agent)).body as { questions: unknown }).questions);
  expect(a).toBe(b);
});

it("another agent can neither open, answer nor see the result of the attempt", async () => {
  const other = await cookieFor("C0102");
  expect((await load(other)).status).toBe(404);
  const row = await db.quizAttemptQuestion.findFirstOrThrow({ where: { attemptId, position: 0 } });
  const answer = await outcome(() =>
    attemptPage.action({
      request: requestAs(other, `/quiz/attempts/${attemptId}`, {
        form: { intent: "save", position: "0", option: row.optionOrder[0] },
      }),
      params: { attemptId },
      context,
    }),
  );
  expect(answer.status).toBe(404);
  expect(
    (
      await outcome(() =>
        resultPage.loader({
          request: requestAs(other, `/quiz/attempts/${attemptId}/result`),
          params: { attemptId },
          context,
        }),
      )
    ).status,
  ).toBe(404);
  const submit = await outcome(() =>
    attemptPage.action({
      request: requestAs(other, `/quiz/attempts/${attemptId}`, { form: { intent: "submit" } }),
      params: { attemptId },
      context,
    }),
  );
  expect(submit.status).toBe(404);
  expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("OPEN");
});

it("without JavaScript each button saves the answer; the submitted result names the rules missed", async () => {
  const row = await db.quizAttemptQuestion.findFirstOrThrow({
    where: { attemptId, position: 0 },
    include: { question: { include: { options: true } } },
  });
  const wrong = row.question.options.find((o) => !o.isCorrect)!;
  const saved = await outcome(() =>
    attemptPage.action({
      request: requestAs(agent, `/quiz/attempts/${attemptId}`, {
        form: { intent: "next", position: "0", option: wrong.id },
      }),
      params: { attemptId },
      context,
    }),
  );
  expect(saved.location).toBe(`/quiz/attempts/${attemptId}?q=2`);
  expect((await db.quizAttemptQuestion.findUniqueOrThrow({ where: { id: row.id } })).selected).toEqual([wrong.id]);
  const submitted = await outcome(() =>
    attemptPage.action({
      request: requestAs(agent, `/quiz/attempts/${attemptId}`, { form: { intent: "submit", position: "0" } }),
      params: { attemptId },
      context,
    }),
  );
  expect(submitted.location).toBe(`/quiz/attempts/${attemptId}/result`);
  const result = (
    await outcome(() =>
      resultPage.loader({
        request: requestAs(agent, `/quiz/attempts/${attemptId}/result`),
        params: { attemptId },
        context,
      }),
    )
  ).body as { passed: boolean; wrong: unknown[]; missedRules: unknown[] };
  expect(result.passed).toBe(false);
  // A failed attempt names the rules missed, not the answers (tests/integration/quiz-harvesting.test.ts).
  expect(result.wrong).toEqual([]);
  expect(JSON.stringify(result)).not.toContain(row.question.explanation);
  expect(result.missedRules.length).toBeGreaterThan(0);
  // Answering after submission is refused.
  const late = await outcome(() =>
    attemptPage.action({
      request: requestAs(agent, `/quiz/attempts/${attemptId}`, {
        form: { intent: "next", position: "1", option: row.optionOrder[0] },
      }),
      params: { attemptId },
      context,
    }),
  );
  expect(late.location).toBe(`/quiz/attempts/${attemptId}/result`);
});

it("the test clock route does not exist unless the server runs with TRAINGATE_TEST_CLOCK=1", async () => {
  delete process.env.TRAINGATE_TEST_CLOCK;
  expect((await outcome(() => testClock.loader())).status).toBe(404);
  expect(
    (
      await outcome(() =>
        testClock.action({
          request: requestAs(null, "/__test/clock", { form: { advanceMinutes: "60" } }),
          params: {},
          context,
        }),
      )
    ).status,
  ).toBe(404);
});
