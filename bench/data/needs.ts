// Three years of year-end needs surveys (every department's form, every person's questionnaire) and the
// annual plans built from them, each approved after one rejection, for the years the demo leaves out.
import { by, DAY, shanghai, type Ctx } from "./context";
import { copyRows } from "./copy";
import { COURSE_TOPICS, PROBLEMS } from "./vocabulary";

const QUESTIONS = [
  ["SINGLE", "您最希望提升的能力是？", ["话术技巧", "合规知识", "系统操作", "情绪管理"]],
  ["MULTIPLE", "您希望的培训形式（可多选）", ["集中授课", "案例研讨", "录音复盘", "线上课程"]],
  ["RATING", "您对今年培训的总体满意度", []],
  ["TEXT", "其他建议", []],
] as const;

export type PlanItems = Map<number, string[]>;

export async function addNeedsAndAnnualPlans(ctx: Ctx): Promise<{ planItems: PlanItems; responses: number }> {
  const { client, r, id, company } = ctx;
  const surveyed = new Set((await client.query(`SELECT year FROM "NeedsSurvey"`)).rows.map((x) => x.year as number));
  const planned = new Set((await client.query(`SELECT year FROM "AnnualPlan"`)).rows.map((x) => x.year as number));
  const divisions = (await client.query(`SELECT id, name FROM "Department" WHERE kind = 'DEPARTMENT'`)).rows as Array<{
    id: string;
    name: string;
  }>;

  const surveys: unknown[][] = [];
  const questions: unknown[][] = [];
  const forms: unknown[][] = [];
  const needs: Array<{ id: string; year: number; row: unknown[] }> = [];
  const responses: unknown[][] = [];
  const answers: unknown[][] = [];
  for (const year of ctx.years.filter((y) => !surveyed.has(y))) {
    const surveyId = id("ns");
    const openedAt = shanghai(year - 1, 11, 1, 9);
    surveys.push([
      surveyId,
      year,
      shanghai(year - 1, 11, 30, 23, 59),
      "CLOSED",
      ctx.manager.id,
      openedAt,
      shanghai(year - 1, 12, 5, 10),
      openedAt,
    ]);
    const qIds = QUESTIONS.map(([kind, text, options], position) => {
      const qid = id("sq");
      questions.push([qid, surveyId, position, kind, text, [...options], kind !== "TEXT"]);
      return qid;
    });
    for (const d of divisions) {
      const formId = id("nf");
      const head = company.heads.get(d.id);
      forms.push([
        formId,
        surveyId,
        d.id,
        "SUBMITTED",
        shanghai(year - 1, 11, r.int(15, 29), 16),
        head?.id ?? ctx.manager.id,
        openedAt,
      ]);
      for (let k = 0; k < 6; k++) {
        const [topic, category] = r.pick(COURSE_TOPICS);
        const nid = id("ni");
        needs.push({
          id: nid,
          year,
          row: [
            nid,
            formId,
            topic,
            category,
            `${d.name}催收员`,
            r.int(10, 150),
            [r.int(1, 12)],
            r.int(2, 16) * 10,
            category === "EXTERNAL" ? "EXTERNAL" : "INTERNAL",
            r.int(0, 20) * 100_000,
            r.pick(["HIGH", "MEDIUM", "LOW"]),
            `${r.pick(PROBLEMS)}，需要专项培训。`,
            r.pick(PROBLEMS),
            openedAt,
          ],
        });
      }
    }
    respond(
      surveyId,
      openedAt,
      qIds.map((qid, k) => ({ id: qid, kind: QUESTIONS[k][0], options: QUESTIONS[k][2].length })),
    );
  }
  // The surveys the demo made itself: the bench company's people answer them too.
  const demoSurveys = (await client.query(`SELECT id, year, "openedAt" FROM "NeedsSurvey"`)).rows.filter((s) =>
    ctx.years.includes(s.year),
  );
  for (const survey of demoSurveys) {
    const qs = (
      await client.query(
        `SELECT id, kind, cardinality(options) AS options FROM "SurveyQuestion"
         WHERE "surveyId" = $1 ORDER BY position`,
        [survey.id],
      )
    ).rows;
    respond(survey.id, survey.openedAt as Date, qs);
  }
  function respond(surveyId: string, openedAt: Date, qs: Array<{ id: string; kind: string; options: number }>) {
    for (const p of company.people) {
      if (p.hireDate.getTime() > openedAt.getTime() || !r.chance(0.9)) continue;
      const submittedAt = new Date(openedAt.getTime() + r.int(1, 25) * DAY);
      if (submittedAt.getTime() > ctx.at.getTime()) continue;
      const rid = id("qr");
      responses.push([rid, surveyId, p.id, p.departmentId, submittedAt]);
      for (const q of qs) {
        if (q.kind === "SINGLE")
          answers.push([id("qa"), rid, q.id, [r.int(0, Math.max(0, q.options - 1))], null, null]);
        else if (q.kind === "MULTIPLE")
          answers.push([
            id("qa"),
            rid,
            q.id,
            [0, r.int(1, Math.max(1, q.options - 1))].filter((x) => x < Math.max(1, q.options)),
            null,
            null,
          ]);
        else if (q.kind === "RATING") answers.push([id("qa"), rid, q.id, [], null, r.int(3, 5)]);
        else if (r.chance(0.2)) answers.push([id("qa"), rid, q.id, [], "希望多安排录音复盘和案例讨论。", null]);
      }
    }
  }
  await copyRows(
    client,
    "NeedsSurvey",
    ["id", "year", "deadline", "status", "openedById", "openedAt", "closedAt", "updatedAt"],
    surveys,
  );
  await copyRows(
    client,
    "SurveyQuestion",
    ["id", "surveyId", "position", "kind", "text", "options", "required"],
    questions,
  );
  await copyRows(
    client,
    "DepartmentNeedsForm",
    ["id", "surveyId", "departmentId", "status", "submittedAt", "submittedById", "updatedAt"],
    forms,
  );
  await copyRows(
    client,
    "NeedItem",
    [
      "id",
      "formId",
      "topic",
      "category",
      "targetPeople",
      "headcount",
      "months",
      "hoursTenths",
      "delivery",
      "costFen",
      "priority",
      "reason",
      "problemArea",
      "updatedAt",
    ],
    needs.map((n) => n.row),
  );
  await copyRows(
    client,
    "QuestionnaireResponse",
    ["id", "surveyId", "personId", "departmentId", "submittedAt"],
    responses,
  );
  await copyRows(client, "QuestionAnswer", ["id", "responseId", "questionId", "choices", "text", "rating"], answers);

  // Annual plans: ~24 items per year, each linked to two of that year's needs.
  const approvals: unknown[][] = [];
  const decisions: unknown[][] = [];
  const plans: unknown[][] = [];
  const items: unknown[][] = [];
  const links: unknown[][] = [];
  const planItems: PlanItems = new Map();
  for (const year of ctx.years.filter((y) => !planned.has(y))) {
    const approvalId = id("aa");
    const planId = id("ap");
    const t = (month: number, day: number) => shanghai(year - 1, month, day, 10);
    approvals.push([approvalId, "AnnualPlan", "APPROVED", 2, ctx.manager.id, t(12, 8), t(12, 20)]);
    decisions.push(
      [
        id("ad"),
        approvalId,
        1,
        "SUBMIT",
        "DRAFT",
        "SUBMITTED",
        ...by(ctx.manager),
        null,
        { title: `${year} 年度培训计划` },
        t(12, 10),
      ],
      [
        id("ad"),
        approvalId,
        1,
        "REJECT",
        "SUBMITTED",
        "DRAFT",
        ...by(ctx.leader),
        "外训预算偏高，请压缩后重新提交。",
        null,
        t(12, 12),
      ],
      [
        id("ad"),
        approvalId,
        2,
        "SUBMIT",
        "DRAFT",
        "SUBMITTED",
        ...by(ctx.manager),
        null,
        { title: `${year} 年度培训计划` },
        t(12, 15),
      ],
      [id("ad"), approvalId, 2, "APPROVE", "SUBMITTED", "APPROVED", ...by(ctx.leader), null, null, t(12, 20)],
    );
    plans.push([planId, year, `${year} 年度培训计划`, approvalId, ctx.manager.id, t(12, 8)]);
    const yearNeeds = needs.filter((n) => n.year === year);
    const ids: string[] = [];
    for (let k = 0; k < 24; k++) {
      const [topic, category] = COURSE_TOPICS[k % COURSE_TOPICS.length];
      const itemId = id("pi");
      ids.push(itemId);
      items.push([
        itemId,
        planId,
        `${topic}（第${Math.floor(k / COURSE_TOPICS.length) + 1}批）`,
        category,
        [1 + (k % 12)],
        "各催收部门催收员",
        r.int(4, 20),
        r.int(2, 16) * 10,
        category === "EXTERNAL" ? "EXTERNAL" : "INTERNAL",
        category === "EXTERNAL" ? "EXTERNAL" : category === "GROUP" ? "GROUP" : "INTERNAL",
        r.int(1, 30) * 100_000,
        t(12, 8),
      ]);
      for (const n of new Set([yearNeeds[(k * 2) % yearNeeds.length], yearNeeds[(k * 2 + 1) % yearNeeds.length]]))
        if (n) links.push([itemId, n.id]);
    }
    planItems.set(year, ids);
  }
  await copyRows(
    client,
    "Approval",
    ["id", "subjectType", "state", "revision", "submittedById", "createdAt", "updatedAt"],
    approvals,
  );
  await copyRows(
    client,
    "ApprovalDecision",
    [
      "id",
      "approvalId",
      "revision",
      "action",
      "fromState",
      "toState",
      "actorId",
      "actorEmployeeNo",
      "actorName",
      "reason",
      "snapshot",
      "at",
    ],
    decisions,
  );
  await copyRows(client, "AnnualPlan", ["id", "year", "title", "approvalId", "createdById", "updatedAt"], plans);
  await copyRows(
    client,
    "PlanItem",
    [
      "id",
      "planId",
      "title",
      "category",
      "months",
      "targetPeople",
      "sessions",
      "hoursTenths",
      "delivery",
      "lecturerType",
      "budgetFen",
      "updatedAt",
    ],
    items,
  );
  await copyRows(client, "PlanItemNeed", ["planItemId", "needItemId"], links);
  // Years the demo planned itself: their items, for the monthly plans to refer to.
  for (const year of ctx.years.filter((y) => planned.has(y))) {
    const rows = await client.query(
      `SELECT i.id FROM "PlanItem" i JOIN "AnnualPlan" p ON p.id = i."planId" WHERE p.year = $1`,
      [year],
    );
    planItems.set(
      year,
      rows.rows.map((x) => x.id as string),
    );
  }
  return { planItems, responses: responses.length };
}
