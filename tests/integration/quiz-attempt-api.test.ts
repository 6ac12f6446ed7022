// The attempt page's JSON calls over real HTTP (the fast path the server asks before express and
// Remix): the same rules as the pages — signed in, permission, own attempt only, same-origin
// writes, no correct answer before submission — and bad input answered, never half-written.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, beforeEach, expect, it } from "vitest";

import { quizAttemptsFastPath } from "~/fast-paths/quiz-attempts.server";
import { db } from "~/utils/db.server";

import { makePerson } from "../../prisma/seed/factories";

import { cookieFor, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

let server: Server;
let base: string;
let agent: string;
let quizId: string;
let seeded: number;
const attemptsAdded = async () => (await db.quizAttempt.count()) - seeded;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  agent = await cookieFor("C0101");
  quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
  seeded = await db.quizAttempt.count();
  const handle = quizAttemptsFastPath({ isSecure: () => false });
  server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => new Promise((r) => server.close(r)));

// The JSON answers of the attempt API, as far as these tests read them (ADR 0010).
type ApiJson = {
  [field: string]: unknown;
  attemptId: string;
  kind?: string;
  questions: Array<{ options: Array<{ id: string }> }>;
  finalised?: boolean;
  resultUrl?: string;
  error?: string;
};
type Init = { cookie?: string | null; body?: unknown; raw?: string; origin?: string | null; method?: string };
async function call(path: string, init: Init = {}) {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (init.cookie !== null) headers.Cookie = init.cookie ?? agent;
  if (init.origin !== null) headers.Origin = init.origin ?? base;
  const hasBody = init.body !== undefined || init.raw !== undefined;
  if (hasBody) headers["Content-Type"] = "application/json";
  const res = await fetch(base + path, {
    method: init.method ?? (hasBody ? "POST" : "GET"),
    headers,
    body: init.raw ?? (hasBody ? JSON.stringify(init.body) : undefined),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (text ? JSON.parse(text) : null) as ApiJson,
    headers: res.headers,
  };
}
const start = (init: Init = {}) => call("/api/quiz/attempts", { body: { quizId, mode: "FULL" }, ...init });

it("start opens one attempt, and starting again resumes it", async () => {
  const first = await start();
  expect(first.status).toBe(201);
  expect(first.json).toMatchObject({ ok: true, resumed: false });
  const again = await start();
  expect(again.json).toEqual({ ok: true, attemptId: first.json.attemptId, resumed: true });
  expect(await db.quizAttempt.count({ where: { status: "OPEN", person: { employeeNo: "C0101" } } })).toBe(1);
  expect(first.headers.get("cache-control")).toBe("no-store");
});

it("the attempt's data holds the questions in stored order, never the right option or the explanation", async () => {
  const { attemptId } = (await start()).json;
  const loaded = await call(`/api/quiz/attempts/${attemptId}`);
  expect(loaded.status).toBe(200);
  expect(loaded.json.kind).toBe("open");
  expect(loaded.json.questions).toHaveLength(24);
  expect(loaded.text).not.toMatch(/isCorrect|explanation|"correct"/);
  for (const { explanation } of await db.quizQuestion.findMany({ select: { explanation: true } }))
    expect(loaded.text).not.toContain(explanation);
  const stored = await db.quizAttemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
  expect(loaded.json.questions.map((q: { options: Array<{ id: string }> }) => q.options.map((o) => o.id))).toEqual(
    stored.map((s) => s.optionOrder),
  );
});

it("an answer is saved at once, submitting finalises once, and a later answer is refused", async () => {
  const { attemptId } = (await start()).json;
  const row = await db.quizAttemptQuestion.findFirstOrThrow({ where: { attemptId, position: 0 } });
  expect(
    (await call(`/api/quiz/attempts/${attemptId}/answers`, { body: { position: 0, option: [row.optionOrder[1]] } }))
      .json,
  ).toEqual({ ok: true });
  expect((await db.quizAttemptQuestion.findUniqueOrThrow({ where: { id: row.id } })).selected).toEqual([
    row.optionOrder[1],
  ]);

  const [a, b] = await Promise.all([
    call(`/api/quiz/attempts/${attemptId}/submit`, { body: {} }),
    call(`/api/quiz/attempts/${attemptId}/submit`, { body: {} }),
  ]);
  expect([a.json.finalised, b.json.finalised].sort()).toEqual([false, true]);
  expect(a.json.resultUrl).toBe(`/quiz/attempts/${attemptId}/result`);
  expect(await db.auditEntry.count({ where: { action: "quiz.submitted", entityId: attemptId } })).toBe(1);

  const late = await call(`/api/quiz/attempts/${attemptId}/answers`, {
    body: { position: 1, option: [row.optionOrder[0]] },
  });
  expect(late.status).toBe(409);
  expect(late.json.error).toBe("quiz.alreadySubmitted");
  expect((await call(`/api/quiz/attempts/${attemptId}`)).json).toEqual({
    kind: "submitted",
    resultUrl: `/quiz/attempts/${attemptId}/result`,
  });
});

it("another agent can neither load, answer nor submit the attempt", async () => {
  const { attemptId } = (await start()).json;
  const other = await cookieFor("C0102");
  const row = await db.quizAttemptQuestion.findFirstOrThrow({ where: { attemptId, position: 0 } });
  expect((await call(`/api/quiz/attempts/${attemptId}`, { cookie: other })).status).toBe(404);
  expect(
    (
      await call(`/api/quiz/attempts/${attemptId}/answers`, {
        cookie: other,
        body: { position: 0, option: [row.optionOrder[0]] },
      })
    ).status,
  ).toBe(404);
  expect((await call(`/api/quiz/attempts/${attemptId}/submit`, { cookie: other, body: {} })).status).toBe(404);
  const after = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { questions: true } });
  expect(after.status).toBe("OPEN");
  expect(after.questions.every((q) => q.selected.length === 0)).toBe(true);
});

it("without a session: 401 and where to sign in; a forced password change comes first", async () => {
  const anonymous = await start({ cookie: null });
  expect(anonymous.status).toBe(401);
  expect(anonymous.json).toMatchObject({
    ok: false,
    error: "auth.sessionEnded",
    redirect: "/login?redirectTo=%2Fquiz",
  });
  expect(
    (await call("/api/quiz/attempts/abc", { cookie: "tg_session=bm90LWEtc2Vzc2lvbi10b2tlbi1hdC1hbGw%3D" })).json
      .redirect,
  ).toMatch(/^\/login\?redirectTo=%2Fquiz%2Fattempts%2Fabc&reason=expired$/);

  await db.person.update({ where: { employeeNo: "C0101" }, data: { mustChangePassword: true } });
  const forced = await start();
  expect(forced.status).toBe(403);
  expect(forced.json).toMatchObject({ error: "auth.mustChangePassword", redirect: "/password" });
  expect(await attemptsAdded()).toBe(0);
});

it("a person whose roles do not include taking quizzes is refused, and the refusal is audited", async () => {
  const department = await db.department.findFirstOrThrow();
  await db.$transaction((tx) =>
    makePerson(tx, {
      employeeNo: "X0001",
      name: "外聘讲师",
      departmentId: department.id,
      post: "讲师",
      roles: ["LECTURER"],
    }),
  );
  const refused = await start({ cookie: await cookieFor("X0001") });
  expect(refused.status).toBe(403);
  expect(refused.json.error).toBe("errors.forbidden");
  expect(await db.auditEntry.count({ where: { action: "auth.refused", entityId: "/api/quiz/attempts" } })).toBe(1);
  expect(await attemptsAdded()).toBe(0);
});

it("writes from another site are refused before anything is read or written", async () => {
  const refused = await start({ origin: "http://evil.example" });
  expect(refused.status).toBe(403);
  expect(refused.json.error).toBe("errors.crossOrigin");
  expect((await start({ origin: null })).status).toBe(403);
  expect(await attemptsAdded()).toBe(0);
});

it("bad input is answered in words, and nothing is written", async () => {
  expect((await call("/api/quiz/attempts", { raw: "{not json" })).json).toEqual({
    ok: false,
    error: "validation.invalid",
  });
  expect((await call("/api/quiz/attempts", { body: { quizId: "" } })).status).toBe(400);
  expect((await call("/api/quiz/attempts", { body: { quizId: "no-such-quiz" } })).status).toBe(404);
  expect((await call("/api/quiz/attempts", { raw: JSON.stringify({ quizId, pad: "x".repeat(40_000) }) })).status).toBe(
    413,
  );
  expect(await attemptsAdded()).toBe(0);

  const { attemptId } = (await start()).json;
  const answers = `/api/quiz/attempts/${attemptId}/answers`;
  expect((await call(answers, { body: { position: 0, option: ["not-an-option-of-this-question"] } })).json).toEqual({
    ok: false,
    error: "quiz.invalidAnswer",
  });
  expect((await call(answers, { body: { position: -1, option: [] } })).status).toBe(400);
  expect((await call(answers, { body: { position: 0, option: "x" } })).status).toBe(400);
  expect((await db.quizAttemptQuestion.findMany({ where: { attemptId } })).every((q) => q.selected.length === 0)).toBe(
    true,
  );
  expect((await call(`/api/quiz/attempts/${attemptId}`, { method: "DELETE" })).status).toBe(405);
  // Paths that are not the attempt calls are left to the rest of the server.
  expect((await call("/api/quiz/other/things")).status).toBe(418);
});
