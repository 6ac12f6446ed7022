// Step 001: the training manager sets up the needs questionnaire (add, change, reorder, delete) until
// the first employee answers; after that the questions are frozen, on the server.
import { afterEach, describe, expect, it } from "vitest";

import { lockQuestionsToChange, lockSurveyToAnswer } from "~/domain/needs/questions-lock.server";
import { action as surveyAction } from "~/routes/_app.needs.$surveyId._index";
import { action as questionsAction, loader as questionsLoader } from "~/routes/_app.needs.$surveyId.questions";
import { action as surveysAction } from "~/routes/_app.needs._index";
import { action as answerAction } from "~/routes/_app.questionnaire.$surveyId";
import { freezeClock, now, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import {
  blockedOrSettled,
  cookieFor,
  flashOf,
  FREE_YEAR,
  outcome,
  personId,
  requestAs,
  demoCompanyBeforeEachTest,
} from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));
const ctx = { context: { cspNonce: "" } };
const YEAR = FREE_YEAR;

async function openSurvey() {
  freezeClock(`${YEAR - 1}-11-29T02:00:00Z`);
  const result = await outcome(async () =>
    surveysAction({
      request: requestAs(await cookieFor("T0001"), "/needs", {
        form: { year: String(YEAR), deadline: `${YEAR - 1}-12-20` },
      }),
      params: {},
      ...ctx,
    }),
  );
  expect(result.status).toBe(302);
  const surveyId = result.location!.split("/")[2].split("?")[0];
  const questions = await db.surveyQuestion.findMany({ where: { surveyId }, orderBy: { position: "asc" } });
  // The standard questionnaire's second question: single choice, six options.
  const single = questions[1];
  expect([single.kind, single.options.length]).toEqual(["SINGLE", 6]);
  return { surveyId, questions, single };
}

const post = async (surveyId: string, form: Record<string, string | string[]>, employeeNo = "T0001") =>
  outcome(async () =>
    questionsAction({
      request: requestAs(await cookieFor(employeeNo), `/needs/${surveyId}/questions`, { form }),
      params: { surveyId },
      ...ctx,
    }),
  );

const edit = (questionId: string, over: Record<string, string> = {}) => ({
  intent: "save",
  questionId,
  kind: "SINGLE",
  text: "您认为投诉最集中的环节是？",
  options: "第三方联系\n还款协商",
  required: "on",
  ...over,
});

/** Answers every question; the single-choice question with its sixth option. */
async function answer(surveyId: string, employeeNo: string) {
  const questions = await db.surveyQuestion.findMany({ where: { surveyId }, orderBy: { position: "asc" } });
  const form = Object.fromEntries(
    questions.map((q) => [
      `q_${q.id}`,
      q.kind === "RATING"
        ? "4"
        : q.kind === "TEXT"
          ? "多讲案例"
          : q.kind === "SINGLE"
            ? String(q.options.length - 1)
            : "0",
    ]),
  );
  form[`q_${questions[1].id}`] = "5";
  return outcome(async () =>
    answerAction({
      request: requestAs(await cookieFor(employeeNo), `/questionnaire/${surveyId}`, { form }),
      params: { surveyId },
      ...ctx,
    }),
  );
}

const snapshot = (surveyId: string) =>
  db.surveyQuestion.findMany({
    where: { surveyId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, kind: true, text: true, options: true, required: true },
  });
const page = async (surveyId: string) =>
  (
    await outcome(async () =>
      questionsLoader({
        request: requestAs(await cookieFor("T0001"), `/needs/${surveyId}/questions`),
        params: { surveyId },
        ...ctx,
      }),
    )
  ).body as { frozen: string | null; questions: Array<{ id: string }> };

describe("before the first answer", () => {
  it("the training manager fixes a question's wording and options; audited with before and after", async () => {
    const { surveyId, single } = await openSurvey();
    const result = await post(surveyId, edit(single.id, { required: "" }));
    expect(result).toMatchObject({ status: 302, location: `/needs/${surveyId}/questions` });
    expect(await flashOf(result)).toMatchObject({ tone: "success", message: "needs.notices.questionSaved" });
    expect(await db.surveyQuestion.findUniqueOrThrow({ where: { id: single.id } })).toMatchObject({
      text: "您认为投诉最集中的环节是？",
      options: ["第三方联系", "还款协商"],
      required: false,
      position: 2,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "questionnaire.questionChanged", entityId: single.id },
    });
    expect(audit.summary).toMatchObject({
      year: YEAR,
      before: { text: single.text, options: single.options, required: true },
      after: { options: ["第三方联系", "还款协商"], required: false },
    });
    expect((await page(surveyId)).frozen).toBeNull();
  });

  it("a question changed to a text question keeps no options", async () => {
    const { surveyId, single } = await openSurvey();
    expect((await post(surveyId, edit(single.id, { kind: "TEXT", text: "哪个环节投诉最多？" }))).status).toBe(302);
    expect(await db.surveyQuestion.findUniqueOrThrow({ where: { id: single.id } })).toMatchObject({
      kind: "TEXT",
      options: [],
    });
  });

  it("questions move up and down with plain posts, and never off either end", async () => {
    const { surveyId, questions } = await openSurvey();
    const ids = questions.map((q) => q.id);
    const moved = await post(surveyId, { intent: "move", questionId: ids[2], direction: "up" });
    expect(moved).toMatchObject({ status: 302, location: `/needs/${surveyId}/questions#question-${ids[2]}` });
    expect((await snapshot(surveyId)).map((q) => q.id)).toEqual([ids[0], ids[2], ids[1], ...ids.slice(3)]);
    expect((await post(surveyId, { intent: "move", questionId: ids[0], direction: "down" })).status).toBe(302);
    expect((await page(surveyId)).questions.map((q) => q.id)).toEqual([ids[2], ids[0], ids[1], ...ids.slice(3)]);
    expect(await db.auditEntry.count({ where: { action: "questionnaire.questionMoved" } })).toBe(2);

    const before = await snapshot(surveyId);
    expect((await post(surveyId, { intent: "move", questionId: ids[2], direction: "up" })).body).toMatchObject({
      errors: { _form: "needs.questions.cannotMove" },
    });
    expect((await post(surveyId, { intent: "move", questionId: ids[1], direction: "sideways" })).status).toBe(400);
    expect(await snapshot(surveyId)).toEqual(before);
  });

  it("positions are numbered afresh after a deletion left a gap", async () => {
    const { surveyId, questions } = await openSurvey();
    const deleted = await post(surveyId, { intent: "delete", questionId: questions[1].id });
    expect(deleted.location).toBe(`/needs/${surveyId}/questions`);
    expect(await flashOf(deleted)).toMatchObject({ message: "needs.notices.questionDeleted" });
    expect((await post(surveyId, { intent: "move", questionId: questions[2].id, direction: "up" })).status).toBe(302);
    expect((await snapshot(surveyId)).map((q) => [q.id, q.position])).toEqual([
      [questions[2].id, 1],
      [questions[0].id, 2],
      ...questions.slice(3).map((q, i) => [q.id, i + 3]),
    ]);
  });

  it("bad input is named per field, what was typed comes back, and nothing changes", async () => {
    const { surveyId, single } = await openSurvey();
    const [before, audits] = [await snapshot(surveyId), await db.auditEntry.count()];
    const typed = edit(single.id, { text: "", options: "只有一个选项" });
    const result = await post(surveyId, typed);
    expect(result).toMatchObject({
      status: 400,
      body: {
        intent: "save",
        errors: { text: "validation.required", options: "needs.validation.twoOptions" },
        values: { text: "", options: "只有一个选项", questionId: single.id },
      },
    });
    expect((await post(surveyId, edit(single.id, { text: "很".repeat(301) }))).body).toMatchObject({
      errors: { text: 'validation.tooLong::{"max":300}' },
    });
    expect((await post(surveyId, edit("no-such-question"))).status).toBe(404);
    expect((await post(surveyId, { intent: "rename" })).status).toBe(400);
    expect([await snapshot(surveyId), await db.auditEntry.count()]).toEqual([before, audits]);
  });

  it("an agent cannot change the questions", async () => {
    const { surveyId, single } = await openSurvey();
    expect((await post(surveyId, edit(single.id), "C0101")).status).toBe(403);
    expect(await db.surveyQuestion.findUniqueOrThrow({ where: { id: single.id } })).toMatchObject({
      text: single.text,
    });
  });
});

describe("after the first answer", () => {
  it("changing, moving, deleting, adding questions: refused by the server, no change, the page says why", async () => {
    const { surveyId, questions, single } = await openSurvey();
    expect((await answer(surveyId, "C0102")).status).toBe(302);
    const [before, audits] = [await snapshot(surveyId), await db.auditEntry.count()];
    for (const form of [
      edit(single.id),
      { intent: "move", questionId: questions[2].id, direction: "up" },
      { intent: "delete", questionId: single.id },
      { intent: "save", kind: "TEXT", text: "新问题", options: "" },
    ] as Array<Record<string, string>>) {
      expect(await post(surveyId, form)).toMatchObject({
        status: 409,
        body: { errors: { _form: "needs.questionsLocked" } },
      });
    }
    expect([await snapshot(surveyId), await db.auditEntry.count()]).toEqual([before, audits]);
    expect((await page(surveyId)).frozen).toBe("answered");
  });

  it("a closed survey's questions cannot change either", async () => {
    const { surveyId, single } = await openSurvey();
    const manager = await cookieFor("T0001");
    expect(
      (
        await outcome(() =>
          surveyAction({
            request: requestAs(manager, `/needs/${surveyId}`, { form: { intent: "close" } }),
            params: { surveyId },
            ...ctx,
          }),
        )
      ).status,
    ).toBe(302);
    expect((await post(surveyId, edit(single.id))).body).toMatchObject({ errors: { _form: "needs.surveyClosed" } });
    expect((await page(surveyId)).frozen).toBe("closed");
  });
});

describe("the first answer racing a change of the question it answers", () => {
  // The change cuts the single-choice question to two options; the answer picks its sixth.

  it("a change waits for an answer in flight, then sees it and is refused", async () => {
    const { surveyId, single } = await openSurvey();
    const agent = await db.person.findUniqueOrThrow({ where: { id: await personId("C0103") } });
    let change: Promise<Awaited<ReturnType<typeof post>>> | undefined;
    await db.$transaction(async (tx) => {
      expect(await lockSurveyToAnswer(tx, surveyId)).toBe(true);
      change = post(surveyId, edit(single.id));
      expect(await blockedOrSettled(change)).toBe("blocked");
      await tx.questionnaireResponse.create({
        data: {
          surveyId,
          personId: agent.id,
          departmentId: agent.departmentId,
          submittedAt: now(),
          answers: { create: { questionId: single.id, choices: [5] } },
        },
      });
    });
    expect((await change!).body).toMatchObject({ errors: { _form: "needs.questionsLocked" } });
    expect((await db.surveyQuestion.findUniqueOrThrow({ where: { id: single.id } })).options).toHaveLength(6);
  });

  it("an answer waits for a change in flight, then is checked against the changed question", async () => {
    const { surveyId, single } = await openSurvey();
    let answering: ReturnType<typeof answer> | undefined;
    await db.$transaction(async (tx) => {
      expect(await lockQuestionsToChange(tx, surveyId)).toMatchObject({ ok: true });
      answering = answer(surveyId, "C0104");
      expect(await blockedOrSettled(answering)).toBe("blocked");
      await tx.surveyQuestion.update({ where: { id: single.id }, data: { options: ["第三方联系", "还款协商"] } });
    });
    expect(await answering!).toMatchObject({
      status: 400,
      body: { errors: { [`q_${single.id}`]: "validation.invalidChoice" } },
    });
    expect(await db.questionnaireResponse.count({ where: { surveyId } })).toBe(0);
  });

  it("run at the same time, exactly one of them wins, and every stored answer fits its question", async () => {
    const { surveyId, single } = await openSurvey();
    for (let round = 0; round < 8; round++) {
      await db.questionnaireResponse.deleteMany({ where: { surveyId } });
      await db.surveyQuestion.update({ where: { id: single.id }, data: { options: single.options } });
      const change = () => post(surveyId, edit(single.id));
      // Either one sets off first, in turns.
      const results = await Promise.all(
        round % 2 ? [change(), answer(surveyId, "C0105")] : [answer(surveyId, "C0105"), change()],
      );
      expect(
        results.filter((r) => r.status === 302),
        `round ${round}`,
      ).toHaveLength(1);
      const stored = await db.questionAnswer.findMany({
        where: { questionId: single.id },
        select: { choices: true, question: { select: { options: true } } },
      });
      for (const a of stored) expect(Math.max(...a.choices)).toBeLessThan(a.question.options.length);
    }
  });
});
