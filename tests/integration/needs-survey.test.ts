// Step 001 through the routes: opening the survey, department forms in scope, the questionnaire.
import { afterEach, describe, expect, it } from "vitest";

import { action as surveyAction, loader as surveyLoader } from "~/routes/_app.needs.$surveyId._index";
import { loader as answersLoader } from "~/routes/_app.needs.$surveyId.answers";
import { loader as exportLoader } from "~/routes/_app.needs.$surveyId.export";
import { action as formAction, loader as formLoader } from "~/routes/_app.needs.$surveyId.forms.$formId";
import { loader as summaryLoader } from "~/routes/_app.needs.$surveyId.summary";
import { action as surveysAction } from "~/routes/_app.needs._index";
import { action as answerAction } from "~/routes/_app.questionnaire.$surveyId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { cookieFor, flashOf, FREE_YEAR, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));
const ctx = { context: { cspNonce: "" } };
const YEAR = FREE_YEAR;
const DEADLINE = `${YEAR - 1}-12-20`;

const need = (over: Record<string, string | string[]> = {}) => ({
  intent: "saveItem",
  topic: "话术规范培训",
  category: "INTERNAL",
  targetPeople: "催收员",
  headcount: "20",
  months: ["3"],
  hours: "4",
  delivery: "INTERNAL",
  cost: "0",
  priority: "HIGH",
  reason: "投诉较多",
  problemArea: "",
  ...over,
});

async function openSurvey() {
  freezeClock(`${YEAR - 1}-11-29T02:00:00Z`);
  const cookie = await cookieFor("T0001");
  const result = await outcome(() =>
    surveysAction({
      request: requestAs(cookie, "/needs", { form: { year: String(YEAR), deadline: DEADLINE, note: "请按时填写" } }),
      params: {},
      ...ctx,
    }),
  );
  expect(result.status).toBe(302);
  const surveyId = result.location!.split("/")[2];
  expect(result.location).toBe(`/needs/${surveyId}`);
  expect(await flashOf(result)).toMatchObject({ tone: "success", message: "needs.notices.opened" });
  const formOf = async (code: string) =>
    (await db.departmentNeedsForm.findFirstOrThrow({ where: { surveyId, department: { code } } })).id;
  return { surveyId, col1: await formOf("COL1"), col2: await formOf("COL2") };
}

const postForm = async (
  employeeNo: string,
  surveyId: string,
  formId: string,
  form: Record<string, string | string[]>,
) =>
  outcome(async () =>
    formAction({
      request: requestAs(await cookieFor(employeeNo), `/needs/${surveyId}/forms/${formId}`, { form }),
      params: { surveyId, formId },
      ...ctx,
    }),
  );

describe("opening the year-end survey", () => {
  it("creates a form per department, asks each department head and every employee via the to-do list", async () => {
    const { surveyId } = await openSurvey();
    expect(await db.departmentNeedsForm.count({ where: { surveyId } })).toBe(5);
    expect(await db.surveyQuestion.count({ where: { surveyId } })).toBeGreaterThan(3);
    const d0101 = await db.todoItem.findFirstOrThrow({
      where: { person: { employeeNo: "D0101" }, kind: "needs.fill" },
    });
    expect(d0101.params).toMatchObject({ year: YEAR, department: "催收一部" });
    expect(
      await db.todoItem.count({ where: { person: { employeeNo: "C0101" }, kind: "needs.answer", doneAt: null } }),
    ).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "needsSurvey.opened", entityId: surveyId } })).toBe(1);
  });

  it("a second survey for the same year is refused", async () => {
    await openSurvey();
    const cookie = await cookieFor("T0001");
    const again = await outcome(() =>
      surveysAction({
        request: requestAs(cookie, "/needs", { form: { year: String(YEAR), deadline: DEADLINE } }),
        params: {},
        ...ctx,
      }),
    );
    expect(again).toMatchObject({ status: 400, body: { errors: { year: "needs.yearTaken" } } });
  });
});

describe("the general manager's requirements", () => {
  it("are set by the general manager only; the training manager is refused and nothing changes", async () => {
    const { surveyId } = await openSurvey();
    const post = async (employeeNo: string) =>
      outcome(async () =>
        surveyAction({
          request: requestAs(await cookieFor(employeeNo), `/needs/${surveyId}`, {
            form: { intent: "requirements", requirements: "重点：投诉处理" },
          }),
          params: { surveyId },
          ...ctx,
        }),
      );
    expect((await post("T0001")).status).toBe(403);
    expect((await db.needsSurvey.findUniqueOrThrow({ where: { id: surveyId } })).requirements).toBeNull();
    expect((await post("G0001")).status).toBe(302);
    expect((await db.needsSurvey.findUniqueOrThrow({ where: { id: surveyId } })).requirements).toBe("重点：投诉处理");
  });

  it("cannot be changed once the survey is closed, and an unknown survey is not found", async () => {
    const { surveyId } = await openSurvey();
    const post = async (id: string, intent: string, form: Record<string, string> = {}) =>
      outcome(async () =>
        surveyAction({
          request: requestAs(await cookieFor(intent === "close" ? "T0001" : "G0001"), `/needs/${id}`, {
            form: { intent, ...form },
          }),
          params: { surveyId: id },
          ...ctx,
        }),
      );
    expect((await post(surveyId, "close")).status).toBe(302);
    expect(await post(surveyId, "requirements", { requirements: "太晚了" })).toMatchObject({
      status: 409,
      body: { errors: { _form: "needs.surveyClosed" } },
    });
    expect((await db.needsSurvey.findUniqueOrThrow({ where: { id: surveyId } })).requirements).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "needsSurvey.requirementsSet" } })).toBe(0);
    expect(await post("no-such-survey", "requirements", { requirements: "x" })).toMatchObject({ status: 404 });
  });
});

describe("department needs forms", () => {
  it("a department head fills and submits their own form; submitting twice records it once", async () => {
    const { surveyId, col1 } = await openSurvey();
    expect((await postForm("D0101", surveyId, col1, need())).status).toBe(302);
    const results = await Promise.all([
      postForm("D0101", surveyId, col1, { intent: "submit" }),
      postForm("D0101", surveyId, col1, { intent: "submit" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await db.auditEntry.count({ where: { action: "needsForm.submitted", entityId: col1 } })).toBe(1);
    expect(
      await db.todoItem.count({ where: { person: { employeeNo: "D0101" }, kind: "needs.fill", doneAt: null } }),
    ).toBe(0);
    expect((await postForm("D0101", surveyId, col1, need({ topic: "改" }))).body).toMatchObject({
      errors: { _form: "needs.formSubmitted" },
    });
  });

  it("a department head cannot see or change another department's form, even by its id", async () => {
    const { surveyId, col2 } = await openSurvey();
    const cookie = await cookieFor("D0101");
    const view = await outcome(() =>
      formLoader({
        request: requestAs(cookie, `/needs/${surveyId}/forms/${col2}`),
        params: { surveyId, formId: col2 },
        ...ctx,
      }),
    );
    expect(view.status).toBe(404);
    expect((await postForm("D0101", surveyId, col2, need())).status).toBe(404);
    expect(await db.needItem.count({ where: { formId: col2 } })).toBe(0);
    const overview = (
      await outcome(() =>
        surveyLoader({ request: requestAs(cookie, `/needs/${surveyId}`), params: { surveyId }, ...ctx }),
      )
    ).body as { survey: { forms: Array<{ department: { name: string } }> } };
    expect(overview.survey.forms.map((f) => f.department.name)).toEqual(["催收一部"]);
  });

  it("an agent cannot open or fill a department's form", async () => {
    const { surveyId, col1 } = await openSurvey();
    const cookie = await cookieFor("C0101");
    expect(
      (
        await outcome(() =>
          formLoader({ request: requestAs(cookie, "/x"), params: { surveyId, formId: col1 }, ...ctx }),
        )
      ).status,
    ).toBe(403);
    expect((await postForm("C0101", surveyId, col1, need())).status).toBe(403);
  });

  it("bad figures and a month outside the year are refused per field; nothing is saved", async () => {
    const { surveyId, col1 } = await openSurvey();
    const audits = await db.auditEntry.count();
    const result = await postForm(
      "D0101",
      surveyId,
      col1,
      need({ topic: "", headcount: "-3", cost: "-5", hours: "", months: ["13"], reason: "很".repeat(1001) }),
    );
    expect(result.status).toBe(400);
    expect((result.body as { errors: Record<string, string> }).errors).toEqual({
      topic: "validation.required",
      headcount: "training.validation.negative",
      cost: "training.validation.negative",
      hours: "validation.required",
      months: `training.validation.monthOutsideYear::{"year":${YEAR}}`,
      reason: 'validation.tooLong::{"max":1000}',
    });
    expect([await db.needItem.count({ where: { formId: col1 } }), await db.auditEntry.count()]).toEqual([0, audits]);
  });

  it("after the deadline only the training manager can reopen a form, with a reason the heads are told", async () => {
    const { surveyId, col2 } = await openSurvey();
    freezeClock(`${YEAR}-01-05T02:00:00Z`);
    expect((await postForm("D0201", surveyId, col2, need())).body).toMatchObject({
      errors: { _form: "needs.pastDeadline" },
    });
    const manager = await cookieFor("T0001");
    const reminded = await outcome(() =>
      surveyAction({
        request: requestAs(manager, `/needs/${surveyId}`, { form: { intent: "remind" } }),
        params: { surveyId },
        ...ctx,
      }),
    );
    expect(reminded).toMatchObject({ status: 302, location: `/needs/${surveyId}` });
    expect((await flashOf(reminded))?.message).toMatch(/^needs\.notices\.reminded::/);
    expect(
      (
        await outcome(async () =>
          surveyAction({
            request: requestAs(await cookieFor("D0201"), `/needs/${surveyId}`, {
              form: { intent: "reopen", formId: col2 },
            }),
            params: { surveyId },
            ...ctx,
          }),
        )
      ).status,
    ).toBe(403);
    const reopen = (form: Record<string, string>) =>
      outcome(() =>
        surveyAction({
          request: requestAs(manager, `/needs/${surveyId}`, { form: { intent: "reopen", formId: col2, ...form } }),
          params: { surveyId },
          ...ctx,
        }),
      );
    // Returning a form asks why, and the department heads' to-do says it.
    expect(await reopen({})).toMatchObject({ status: 400, body: { errors: { reason: "validation.required" } } });
    expect((await reopen({ reason: "请补充新员工的培训需求" })).status).toBe(302);
    const refill = await db.todoItem.findFirstOrThrow({
      where: { person: { employeeNo: "D0201" }, kind: "needs.refill", sourceId: col2, doneAt: null },
    });
    expect(refill.params).toMatchObject({ reason: "请补充新员工的培训需求" });
    expect(
      await db.auditEntry.findFirst({
        where: { action: "needsForm.reopened", entityId: col2 },
        select: { reason: true },
      }),
    ).toEqual({ reason: "请补充新员工的培训需求" });
    expect((await postForm("D0201", surveyId, col2, need())).status).toBe(302);
  });
});

describe("the questionnaire", () => {
  it("is answered once per person; a repeated post is harmless", async () => {
    const { surveyId } = await openSurvey();
    const questions = await db.surveyQuestion.findMany({ where: { surveyId }, orderBy: { position: "asc" } });
    const form = Object.fromEntries(
      questions.map((q) => [`q_${q.id}`, q.kind === "RATING" ? "4" : q.kind === "TEXT" ? "多讲案例" : "0"]),
    );
    const cookie = await cookieFor("C0102");
    const post = () =>
      outcome(() =>
        answerAction({
          request: requestAs(cookie, `/questionnaire/${surveyId}`, { form }),
          params: { surveyId },
          ...ctx,
        }),
      );
    const results = await Promise.all([post(), post()]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await db.questionnaireResponse.count({ where: { surveyId } })).toBe(1);
    expect(
      await db.todoItem.count({ where: { person: { employeeNo: "C0102" }, kind: "needs.answer", doneAt: null } }),
    ).toBe(0);
  });

  it("a missing required answer is named, and nothing is saved", async () => {
    const { surveyId } = await openSurvey();
    const result = await outcome(async () =>
      answerAction({
        request: requestAs(await cookieFor("C0103"), `/questionnaire/${surveyId}`, { form: {} }),
        params: { surveyId },
        ...ctx,
      }),
    );
    expect(result.status).toBe(400);
    expect(Object.values((result.body as { errors: Record<string, string> }).errors)).toContain("validation.required");
    expect(await db.questionnaireResponse.count({ where: { surveyId } })).toBe(0);
  });
});

it("the summary exports to a workbook, within the reader's departments", async () => {
  const survey = await db.needsSurvey.findFirstOrThrow();
  const result = await exportLoader({
    request: requestAs(await cookieFor("G0001"), `/needs/${survey.id}/export`),
    params: { surveyId: survey.id },
    ...ctx,
  });
  expect(result.headers.get("Content-Type")).toContain("spreadsheetml");
  expect((await result.arrayBuffer()).byteLength).toBeGreaterThan(5000);
});

it("a department head's summary and answers cover only their own department", async () => {
  const survey = await db.needsSurvey.findFirstOrThrow({ select: { id: true } });
  const params = { surveyId: survey.id };
  const read = async (loader: typeof summaryLoader | typeof answersLoader, employeeNo: string) =>
    (
      await outcome(async () =>
        loader({ request: requestAs(await cookieFor(employeeNo), `/needs/${survey.id}`), params, ...ctx }),
      )
    ).body;
  type Summary = { summary: { byDepartment: Array<{ label: string }>; total: { needs: number } } };
  const [all, own] = [(await read(summaryLoader, "G0001")) as Summary, (await read(summaryLoader, "D0101")) as Summary];
  expect(own.summary.byDepartment.map((d) => d.label)).toEqual(["催收一部"]);
  expect(own.summary.total.needs).toBeLessThan(all.summary.total.needs);
  const col1 = await db.department.findMany({
    where: { OR: [{ code: "COL1" }, { parent: { code: "COL1" } }] },
    select: { id: true },
  });
  const col1Answers = await db.questionnaireResponse.count({
    where: { surveyId: survey.id, departmentId: { in: col1.map((d) => d.id) } },
  });
  expect(col1Answers).toBeGreaterThan(0);
  expect(await read(answersLoader, "D0101")).toMatchObject({ scoped: true, responses: col1Answers });
});
