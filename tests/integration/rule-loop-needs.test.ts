// Next year's needs survey opens with last year's rule figures: a department head turns a rule into a need in
// one click, the general manager a rule into a line of the requirements.
import { describe, expect, it } from "vitest";

import { action as surveyAction, loader as surveyLoader } from "~/routes/_app.needs.$surveyId._index";
import { action as formAction, loader as formLoader } from "~/routes/_app.needs.$surveyId.forms.$formId";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  DEMO_AT,
  flashOf,
  FREE_YEAR,
  outcome,
  personId,
  requestAs,
  demoCompanyBeforeEachTest,
} from "./support";

demoCompanyBeforeEachTest();
const ctx = { context: { cspNonce: "" } };
const DAY = 86_400_000;
const OPENED = DEMO_AT;

// An open survey for the free year, opened at the demo's day, with 催收一部's and 催收二部's forms.
async function survey() {
  const manager = await personId("T0001");
  const s = await db.needsSurvey.create({
    data: {
      year: FREE_YEAR,
      deadline: new Date(OPENED.getTime() + 20 * DAY),
      openedById: manager,
      openedAt: OPENED,
    },
  });
  const form = async (code: string) =>
    (
      await db.departmentNeedsForm.create({
        data: { surveyId: s.id, departmentId: (await db.department.findUniqueOrThrow({ where: { code } })).id },
      })
    ).id;
  // A breach of B6 by C0101 well inside the 12 months before the survey opened.
  await db.caseRuleBreach.create({
    data: {
      at: new Date(OPENED.getTime() - 5 * DAY),
      personId: await personId("C0101"),
      ruleId: "B6",
      actionType: "CALL_DEBTOR",
    },
  });
  return { surveyId: s.id, col1: await form("COL1"), col2: await form("COL2") };
}

/** People of a department (its teams included) who breached or missed the rule in the year before the survey. */
async function concerned(code: string, ruleId: string) {
  const from = new Date(OPENED);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  const window = { gte: from, lt: OPENED };
  const dept = { OR: [{ department: { code } }, { department: { parent: { code } } }] };
  const [breached, missed] = await Promise.all([
    db.caseRuleBreach.findMany({ where: { ruleId, at: window, person: dept }, select: { personId: true } }),
    db.quizAttemptQuestion.findMany({
      where: { correct: false, ruleIds: { has: ruleId }, answeredAt: window, attempt: { person: dept } },
      select: { attempt: { select: { personId: true } } },
    }),
  ]);
  return new Set([...breached.map((b) => b.personId), ...missed.map((m) => m.attempt.personId)]);
}

const post = async (employeeNo: string, surveyId: string, formId: string, form: Record<string, string>) => {
  const cookie = await cookieFor(employeeNo);
  return outcome(() =>
    formAction({
      request: requestAs(cookie, `/needs/${surveyId}/forms/${formId}`, { form }),
      params: { surveyId, formId },
      ...ctx,
    }),
  );
};
const postSurvey = async (employeeNo: string, surveyId: string, form: Record<string, string>) => {
  const cookie = await cookieFor(employeeNo);
  return outcome(() =>
    surveyAction({ request: requestAs(cookie, `/needs/${surveyId}`, { form }), params: { surveyId }, ...ctx }),
  );
};

describe("a department head's needs form", () => {
  it("shows the department's most-breached rules, and one click adds a prefilled need, audited", async () => {
    const { surveyId, col1 } = await survey();
    const cookie = await cookieFor("D0101");
    const page = await outcome(() =>
      formLoader({
        request: requestAs(cookie, `/needs/${surveyId}/forms/${col1}`),
        params: { surveyId, formId: col1 },
        ...ctx,
      }),
    );
    const rules = (page.body as { rules: { breached: Array<{ ruleId: string }> } }).rules;
    expect(rules.breached.map((r) => r.ruleId)).toContain("B6");

    const added = await post("D0101", surveyId, col1, { intent: "addRuleNeed", ruleId: "B6" });
    expect(added.status).toBe(302);
    expect(await flashOf(added)).toMatchObject({ message: "ruleLoop.needs.added" });
    const [item] = await db.needItem.findMany({ where: { formId: col1 } });
    const people = await concerned("COL1", "B6");
    const c0101 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0101" } });
    expect(item).toMatchObject({
      category: "INTERNAL",
      delivery: "INTERNAL",
      priority: "HIGH",
      headcount: people.size,
    });
    expect(item.topic).toMatch(/^话术规范强化：B6 /);
    expect(item.targetPeople).toContain(c0101.name);
    expect(item.reason).toMatch(/违规被拦截 \d+ 次/);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "needsForm.itemAdded", entityId: col1 } });
    expect(entry.actorEmployeeNo).toBe("D0101");
  });

  it("is refused once the form is submitted, for another department's form, and for a rule nobody broke", async () => {
    const { surveyId, col1, col2 } = await survey();
    const other = await post("D0101", surveyId, col2, { intent: "addRuleNeed", ruleId: "B6" });
    expect(other.status).toBe(404);

    // A rule no one in 催收一部 missed or breached in the period gives no need.
    const quiet = (await db.callRule.findMany({ select: { id: true } })).map((r) => r.id);
    let none: string | undefined;
    for (const id of quiet) if ((await concerned("COL1", id)).size === 0) none = none ?? id;
    if (none) {
      const refused = await post("D0101", surveyId, col1, { intent: "addRuleNeed", ruleId: none });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errors: { _form: "ruleLoop.needs.nothingToTrain" } });
    }
    expect((await post("D0101", surveyId, col1, { intent: "addRuleNeed", ruleId: "B99" })).status).toBe(404);

    await db.departmentNeedsForm.update({ where: { id: col1 }, data: { status: "SUBMITTED", submittedAt: OPENED } });
    const late = await post("D0101", surveyId, col1, { intent: "addRuleNeed", ruleId: "B6" });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ errors: { _form: "needs.formSubmitted" } });
    expect(await db.needItem.count({ where: { formId: { in: [col1, col2] } } })).toBe(0);
  });
});

describe("the general manager's requirements", () => {
  it("get a line per rule from the company-wide figures, once; only the general manager may add it", async () => {
    const { surveyId } = await survey();
    const cookie = await cookieFor("G0001");
    const page = await outcome(() =>
      surveyLoader({ request: requestAs(cookie, `/needs/${surveyId}`), params: { surveyId }, ...ctx }),
    );
    expect((page.body as { rules: { breached: Array<{ ruleId: string }> } }).rules.breached.length).toBeGreaterThan(0);

    const added = await postSurvey("G0001", surveyId, { intent: "addRequirement", ruleId: "B6" });
    expect(added.status).toBe(302);
    const after = (await db.needsSurvey.findUniqueOrThrow({ where: { id: surveyId } })).requirements!;
    expect(after).toMatch(/^重点强化话术规范 B6 /);
    expect((await postSurvey("G0001", surveyId, { intent: "addRequirement", ruleId: "B8" })).status).toBe(302);
    expect((await postSurvey("G0001", surveyId, { intent: "addRequirement", ruleId: "B6" })).status).toBe(302);
    const lines = (await db.needsSurvey.findUniqueOrThrow({ where: { id: surveyId } })).requirements!.split("\n");
    expect(lines.map((l) => l.split("：")[0])).toEqual([expect.stringContaining("B6"), expect.stringContaining("B8")]);
    expect(await db.auditEntry.count({ where: { action: "needsSurvey.requirementsSet", entityId: surveyId } })).toBe(2);

    for (const who of ["T0001", "D0101"])
      expect((await postSurvey(who, surveyId, { intent: "addRequirement", ruleId: "B6" })).status).toBe(403);
    await db.needsSurvey.update({ where: { id: surveyId }, data: { status: "CLOSED" } });
    expect((await postSurvey("G0001", surveyId, { intent: "addRequirement", ruleId: "B3" })).status).toBe(409);
  });
});
