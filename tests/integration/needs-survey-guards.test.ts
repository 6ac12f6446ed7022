// Opening a survey is limited to this year and next and says whom it will ask; a survey opened by
// mistake can be cancelled (with a reason) until someone has answered it.
import { afterEach, describe, expect, it } from "vitest";

import { action as surveyAction } from "~/routes/_app.needs.$surveyId._index";
import { action as formAction } from "~/routes/_app.needs.$surveyId.forms.$formId";
import { action as surveysAction, loader as surveysLoader } from "~/routes/_app.needs._index";
import { action as answerAction } from "~/routes/_app.questionnaire.$surveyId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { cookieFor, flashOf, FREE_YEAR, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));
const ctx = { context: { cspNonce: "" } };
const YEAR = FREE_YEAR;

async function open(year: number) {
  freezeClock(`${YEAR - 1}-11-29T02:00:00Z`);
  return outcome(async () =>
    surveysAction({
      request: requestAs(await cookieFor("T0001"), "/needs", {
        form: { year: String(year), deadline: `${YEAR - 1}-12-20` },
      }),
      params: {},
      ...ctx,
    }),
  );
}

async function opened() {
  const result = await open(YEAR);
  expect(result.status).toBe(302);
  return result.location!.split("/")[2];
}

const act = async (surveyId: string, form: Record<string, string>, employeeNo = "T0001") =>
  outcome(async () =>
    surveyAction({
      request: requestAs(await cookieFor(employeeNo), `/needs/${surveyId}`, { form }),
      params: { surveyId },
      ...ctx,
    }),
  );

describe("opening a survey", () => {
  it("is refused for a year other than the company's this year and next, and nothing is written", async () => {
    const before = { todos: await db.todoItem.count(), surveys: await db.needsSurvey.count() };
    for (const year of [YEAR + 1, YEAR - 2, 2099]) {
      expect(await open(year), String(year)).toMatchObject({
        status: 400,
        body: { errors: { year: `needs.validation.yearRange::{"from":${YEAR - 1},"to":${YEAR}}` } },
      });
    }
    expect({ todos: await db.todoItem.count(), surveys: await db.needsSurvey.count() }).toEqual(before);
  });

  it("the page tells the manager how many departments, heads and people will get a to-do", async () => {
    freezeClock(`${YEAR - 1}-11-29T02:00:00Z`);
    const page = await outcome(async () =>
      surveysLoader({ request: requestAs(await cookieFor("T0001"), "/needs"), params: {}, ...ctx }),
    );
    const { reach } = page.body as { reach: { departments: number; heads: number; people: number } };
    expect(reach.departments).toBe(await db.department.count({ where: { kind: "DEPARTMENT" } }));
    expect(reach.heads).toBeGreaterThan(0);
    expect(reach.people).toBe(await db.person.count({ where: { disabledAt: null, status: { not: "LEFT" } } }));
    const surveyId = await opened();
    const todos = await db.todoItem.count({ where: { kind: { in: ["needs.fill", "needs.answer"] }, doneAt: null } });
    expect(todos).toBe(reach.heads + reach.people);
    expect(surveyId).toBeTruthy();
  });
});

describe("cancelling a survey", () => {
  it("asks why, then closes everyone's to-dos, removes the survey and frees the year", async () => {
    const surveyId = await opened();
    const forms = (await db.departmentNeedsForm.findMany({ where: { surveyId }, select: { id: true } })).map(
      (f) => f.id,
    );
    const openTodos = () => db.todoItem.count({ where: { sourceId: { in: [surveyId, ...forms] }, doneAt: null } });
    expect(await openTodos()).toBeGreaterThan(0);
    expect(await act(surveyId, { intent: "cancel" })).toMatchObject({
      status: 400,
      body: { errors: { reason: "validation.required" } },
    });
    expect((await act(surveyId, { intent: "cancel", reason: "年份填错" }, "D0101")).status).toBe(403);
    const cancelled = await act(surveyId, { intent: "cancel", reason: "年份填错" });
    expect(cancelled).toMatchObject({ status: 302, location: "/needs" });
    expect(await flashOf(cancelled)).toMatchObject({ message: "needs.notices.cancelled" });
    expect(await db.needsSurvey.count({ where: { id: surveyId } })).toBe(0);
    expect(await openTodos()).toBe(0);
    expect(
      await db.auditEntry.findFirst({
        where: { action: "needsSurvey.cancelled", entityId: surveyId },
        select: { reason: true },
      }),
    ).toEqual({ reason: "年份填错" });
    expect((await open(YEAR)).status).toBe(302);
  });

  it("is refused once someone has answered the questionnaire", async () => {
    const surveyId = await opened();
    const questions = await db.surveyQuestion.findMany({ where: { surveyId } });
    const answers = Object.fromEntries(
      questions.map((q) => [`q_${q.id}`, q.kind === "RATING" ? "4" : q.kind === "TEXT" ? "多讲案例" : "0"]),
    );
    const answered = await outcome(async () =>
      answerAction({
        request: requestAs(await cookieFor("C0102"), `/questionnaire/${surveyId}`, { form: answers }),
        params: { surveyId },
        ...ctx,
      }),
    );
    expect(answered.status).toBe(302);
    expect(await act(surveyId, { intent: "cancel", reason: "年份填错" })).toMatchObject({
      status: 409,
      body: { errors: { _form: "needs.cancel.answered" } },
    });
    expect(await db.needsSurvey.count({ where: { id: surveyId } })).toBe(1);
  });

  it("is refused once a department has submitted its form", async () => {
    const surveyId = await opened();
    const form = await db.departmentNeedsForm.findFirstOrThrow({ where: { surveyId, department: { code: "COL1" } } });
    const submitted = await outcome(async () =>
      formAction({
        request: requestAs(await cookieFor("D0101"), `/needs/${surveyId}/forms/${form.id}`, {
          form: { intent: "submit" },
        }),
        params: { surveyId, formId: form.id },
        ...ctx,
      }),
    );
    expect(submitted.status).toBe(302);
    expect((await act(surveyId, { intent: "cancel", reason: "年份填错" })).status).toBe(409);
    expect(await db.needsSurvey.count({ where: { id: surveyId } })).toBe(1);
  });
});
