// The training manager creates and edits quiz blueprints; a new quiz never grants the certification.
import { beforeEach, expect, it } from "vitest";

import { caseWorkQuizId } from "~/domain/certification/certification-queries.server";
import { myQuizPage } from "~/domain/quiz/my-quizzes.server";
import * as boardPage from "~/routes/_app.certification";
import * as editPage from "~/routes/_app.quiz.blueprints.$quizId";
import * as newPage from "~/routes/_app.quiz.blueprints.new";
import * as questionPage from "~/routes/_app.quiz.questions.$questionId";
import * as rulePage from "~/routes/_app.quiz.rules.$ruleId";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  flashOf,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const context = { cspNonce: "" };
let manager: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  manager = await cookieFor("T0001");
});

const form = (fields: Record<string, string> = {}) => ({
  code: "b5_review",
  title: "B5 身份表述复习",
  titleEn: "B5 identity refresher",
  timeLimitMinutes: "10",
  passPercent: "80",
  attemptsPerDay: "5",
  cooldownMinutes: "0",
  active: "on",
  draw_B5: "2",
  draw_B6: "1",
  draw_B7: "0",
  ...fields,
});
const create = (fields?: Record<string, string>, cookie = manager) =>
  outcome(() =>
    newPage.action({ request: requestAs(cookie, "/quiz/blueprints/new", { form: form(fields) }), params: {}, context }),
  );
const snapshot = async () => ({
  quizzes: await db.quiz.count(),
  draws: await db.quizRuleDraw.count(),
  audit: await db.auditEntry.count(),
});

it("a manager creates a quiz: saved with draws, audited, opens for editing, shows on agents' quiz page", async () => {
  const certificationQuiz = await caseWorkQuizId();
  const result = await create();
  expect(result.status).toBe(302);
  const id = /^\/quiz\/blueprints\/([^/?]+)$/.exec(result.location ?? "")?.[1];
  expect(id).toBeTruthy();
  expect(await flashOf(result)).toMatchObject({ tone: "success", message: "quiz.blueprint.created" });

  const quiz = await db.quiz.findUniqueOrThrow({ where: { id }, include: { draws: { orderBy: { ruleId: "asc" } } } });
  expect(quiz).toMatchObject({
    code: "B5_REVIEW",
    title: "B5 身份表述复习",
    grantsCertification: false,
    active: true,
    timeLimitMinutes: 10,
    passPercent: 80,
    attemptsPerDay: 5,
    cooldownMinutes: 0,
  });
  expect(quiz.draws.map((d) => [d.ruleId, d.count])).toEqual([
    ["B5", 2],
    ["B6", 1],
  ]);
  const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "quiz.blueprint_created" } });
  expect(audit).toMatchObject({ entityType: "Quiz", entityId: id, actorEmployeeNo: "T0001" });

  const edit = await outcome(() =>
    editPage.loader({ request: requestAs(manager, `/quiz/blueprints/${id}`), params: { quizId: id! }, context }),
  );
  expect(edit.status).toBe(200);
  expect((edit.body as { quiz: { code: string; values: Record<string, string> } }).quiz).toMatchObject({
    code: "B5_REVIEW",
    values: { title: "B5 身份表述复习", draw_B5: "2", active: "on" },
  });

  // Only the case-work quiz grants the certification, still.
  expect(await caseWorkQuizId()).toBe(certificationQuiz);
  const page = await myQuizPage(await personId("C0101"));
  expect(page.quizzes.find((q) => q.id === id)).toMatchObject({
    grantsCertification: false,
    questionCount: 3,
    blocked: null,
  });
});

it("an inactive new quiz is not shown to agents", async () => {
  const result = await create({ code: "DRAFT_QUIZ", active: "" });
  const id = result.location!.split("/").pop()!;
  expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: false });
  expect((await myQuizPage(await personId("C0101"))).quizzes.map((q) => q.id)).not.toContain(id);
});

it("a code already in use is refused with a message; nothing is saved and the form keeps what was typed", async () => {
  const before = await snapshot();
  const result = await create({ code: "case_work" });
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({
    errors: { code: "quiz.blueprint.errors.codeTaken" },
    values: { code: "case_work", title: "B5 身份表述复习", draw_B5: "2" },
  });
  expect(await snapshot()).toEqual(before);
});

it("bad input is answered field by field and changes nothing", async () => {
  const before = await snapshot();
  const result = await create({ code: "5X", title: "", draw_B5: "0", draw_B6: "0" });
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({
    errors: {
      code: "quiz.blueprint.errors.codeFormat",
      title: 'validation.tooShort::{"min":2}',
      draws: "quiz.blueprint.errors.noQuestions",
    },
    values: { code: "5X", title: "", titleEn: "B5 identity refresher" },
  });
  expect(await snapshot()).toEqual(before);
});

it("draws only from rules that do not exist are refused", async () => {
  const before = await snapshot();
  const result = await create({ draw_B5: "0", draw_B6: "0", draw_ZZ9: "3" });
  expect(result).toMatchObject({ status: 400, body: { errors: { draws: "quiz.blueprint.errors.noQuestions" } } });
  expect(await snapshot()).toEqual(before);
});

it("of two managers creating the same code at once, one wins and the other is told the code is taken", async () => {
  const results = await Promise.all([
    create({ code: "SAME_CODE" }),
    create({ code: "SAME_CODE", title: "另一份考卷" }),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
  expect(results.find((r) => r.status === 400)?.body).toMatchObject({
    errors: { code: "quiz.blueprint.errors.codeTaken" },
  });
  expect(await db.quiz.count({ where: { code: "SAME_CODE" } })).toBe(1);
  expect(await db.auditEntry.count({ where: { action: "quiz.blueprint_created" } })).toBe(1);
});

it("a bad edit of a blueprint changes nothing and the form keeps what was typed", async () => {
  const id = (await caseWorkQuizId())!;
  const before = await db.quiz.findUniqueOrThrow({ where: { id } });
  const result = await outcome(() =>
    editPage.action({
      request: requestAs(manager, `/quiz/blueprints/${id}`, { form: { ...form(), code: "", passPercent: "101" } }),
      params: { quizId: id },
      context,
    }),
  );
  expect(result).toMatchObject({
    status: 400,
    body: {
      errors: { passPercent: 'validation.tooBig::{"max":100}' },
      values: { passPercent: "101", title: "B5 身份表述复习" },
    },
  });
  expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toEqual(before);
});

it("an edit leaving draws only on rules that do not exist is refused like a new quiz, changes nothing", async () => {
  const id = (await caseWorkQuizId())!;
  const [quiz, draws, audit] = [
    await db.quiz.findUniqueOrThrow({ where: { id } }),
    await db.quizRuleDraw.findMany({ where: { quizId: id } }),
    await db.auditEntry.count(),
  ];
  const zeroes = Object.fromEntries(draws.map((d) => [`draw_${d.ruleId}`, "0"]));
  const result = await outcome(() =>
    editPage.action({
      request: requestAs(manager, `/quiz/blueprints/${id}`, {
        form: { ...form(), ...zeroes, draw_B5: "0", draw_B6: "0", draw_ZZ9: "3" },
      }),
      params: { quizId: id },
      context,
    }),
  );
  expect(result).toMatchObject({
    status: 400,
    body: { errors: { draws: "quiz.blueprint.errors.noQuestions" }, values: { draw_ZZ9: "3" } },
  });
  expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toEqual(quiz);
  expect(await db.quizRuleDraw.findMany({ where: { quizId: id } })).toEqual(draws);
  expect(await db.auditEntry.count()).toBe(audit);
});

it("a good edit is saved and says so once, on the edit page; an unknown quiz is a 404", async () => {
  const created = await create({ code: "EDIT_ME" });
  const id = created.location!.split("/").pop()!;
  const result = await outcome(() =>
    editPage.action({
      request: requestAs(manager, `/quiz/blueprints/${id}`, { form: { ...form(), passPercent: "90" } }),
      params: { quizId: id },
      context,
    }),
  );
  expect(result).toMatchObject({ status: 302, location: `/quiz/blueprints/${id}` });
  expect(await flashOf(result)).toMatchObject({ tone: "success", message: "common.saved" });
  expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toMatchObject({ passPercent: 90 });
  const unknown = await outcome(() =>
    editPage.action({
      request: requestAs(manager, "/quiz/blueprints/no-such-quiz", { form: form() }),
      params: { quizId: "no-such-quiz" },
      context,
    }),
  );
  expect(unknown.status).toBe(404);
});

it("a new question is saved and opens with a flash; an unknown question is a 404", async () => {
  const post = (questionId: string, fields: Record<string, string | string[]>) =>
    outcome(() =>
      questionPage.action({
        request: requestAs(manager, `/quiz/questions/${questionId}`, { form: fields }),
        params: { questionId },
        context,
      }),
    );
  const fields = {
    kind: "SINGLE",
    stem: "可以向债务人的同事透露欠款金额吗？",
    explanation: "不可以：B5。",
    ruleIds: "B5",
    option0: "可以",
    option1: "不可以",
    correct: "1",
    active: "on",
  };
  const saved = await post("new", fields);
  expect(saved.status).toBe(302);
  expect(saved.location).toMatch(/^\/quiz\/questions\/[^/?]+$/);
  expect(await flashOf(saved)).toMatchObject({ tone: "success", message: "common.saved" });
  expect((await post("no-such-question", fields)).status).toBe(404);
  expect(
    (
      await outcome(() =>
        questionPage.loader({
          request: requestAs(manager, "/quiz/questions/no-such-question"),
          params: { questionId: "no-such-question" },
          context,
        }),
      )
    ).status,
  ).toBe(404);
});

it("a published rule version says how many were given a re-quiz, in a flash; an unknown rule is a 404", async () => {
  const rule = await db.callRuleVersion.findFirstOrThrow({ where: { ruleId: "B8" }, orderBy: { version: "desc" } });
  const fields = {
    titleZh: rule.titleZh,
    titleEn: rule.titleEn,
    textZh: `${rule.textZh}（含短信）`,
    textEn: rule.textEn,
    redLine: rule.redLine ? "on" : "",
    changeNote: "第三方联系包括短信。",
  };
  const published = await outcome(() =>
    rulePage.action({
      request: requestAs(manager, "/quiz/rules/B8", { form: fields }),
      params: { ruleId: "B8" },
      context,
    }),
  );
  expect(published).toMatchObject({ status: 302, location: "/quiz/rules/B8" });
  expect((await flashOf(published))?.message).toMatch(/^quiz\.rules\.published::\{"count":\d+\}$/);
  expect(
    (
      await outcome(() =>
        rulePage.loader({ request: requestAs(manager, "/quiz/rules/ZZ9"), params: { ruleId: "ZZ9" }, context }),
      )
    ).status,
  ).toBe(404);
});

it("assigning the case-work quiz by employee number: a flash, unknown numbers named above the form", async () => {
  const assign = (employeeNos: string) =>
    outcome(() =>
      boardPage.action({
        request: requestAs(manager, "/certification", { form: { employeeNos } }),
        params: {},
        context,
      }),
    );
  const done = await assign("C0101，c0102");
  expect(done).toMatchObject({ status: 302, location: "/certification" });
  expect(await flashOf(done)).toMatchObject({ tone: "success", message: 'certification.assign.done::{"count":2}' });
  expect(await assign("C0101 X9999")).toMatchObject({
    status: 400,
    body: { errors: { _form: 'certification.assign.unknown::{"numbers":"X9999"}' } },
  });
  expect(await assign("")).toMatchObject({
    status: 400,
    body: { errors: { _form: "certification.assign.noneGiven" } },
  });
});
