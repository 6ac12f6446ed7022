// Demo content for steps 001–003: for every year the demo's months touch (the two months before
// today, today's and the next), the needs survey run at the end of the year before (finished) and
// that year's approved plan. In December that includes next year, so January can be planned.
import { DEFAULT_QUESTIONS } from "../../app/domain/needs/needs-rules";
import type { PlanSnapshot } from "../../app/domain/plan/plan-rules";
import { planSnapshot } from "../../app/domain/plan/plan-subject.server";
import type { Prisma } from "../../app/generated/prisma/client";
import type { Tx } from "../../app/utils/db.server";

import { demoPlanYears } from "./demo-calendar";

type Need = {
  topic: string;
  category: "NEW_HIRE" | "INTERNAL" | "TRANSFER" | "EXTERNAL" | "GROUP";
  targetPeople: string;
  headcount: number;
  months: number[];
  hours: number;
  delivery: "INTERNAL" | "EXTERNAL";
  yuan: number;
  priority: "HIGH" | "MEDIUM" | "LOW";
  reason: string;
  problemArea?: string;
};

const NEEDS: Record<string, Need[]> = {
  COL1: [
    {
      topic: "话术规范培训（B1–B17 逐条解读）",
      category: "INTERNAL",
      targetPeople: "催收员（全员）",
      headcount: 20,
      months: [1, 7],
      hours: 4,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "HIGH",
      reason: "新版话术规范发布，部分催收员对身份核实（B1）和第三方联系次数（B8）掌握不牢。",
      problemArea: "第三方联系、身份核实",
    },
    {
      topic: "投诉处理技巧",
      category: "INTERNAL",
      targetPeople: "催收组长及催收员",
      headcount: 20,
      months: [3],
      hours: 3,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "HIGH",
      reason: "今年客户投诉中，通话语气和随意挂断电话（B10）类占比最高。",
      problemArea: "通话语气、随意挂断",
    },
    {
      topic: "新员工入职培训",
      category: "NEW_HIRE",
      targetPeople: "新入职催收员",
      headcount: 8,
      months: [3, 9],
      hours: 16,
      delivery: "INTERNAL",
      yuan: 2000,
      priority: "HIGH",
      reason: "明年计划扩招，新人须完成岗前培训并通过话术考核后方可作业。",
    },
    {
      topic: "法律法规培训（民法典、个人信息保护法）",
      category: "EXTERNAL",
      targetPeople: "催收组长",
      headcount: 2,
      months: [5],
      hours: 6,
      delivery: "EXTERNAL",
      yuan: 3000,
      priority: "MEDIUM",
      reason: "引用法律条文须准确（B2），组长需系统学习后向组员传达。",
    },
  ],
  COL2: [
    {
      topic: "情绪管理与压力调节",
      category: "INTERNAL",
      targetPeople: "催收员",
      headcount: 20,
      months: [4],
      hours: 3,
      delivery: "EXTERNAL",
      yuan: 4000,
      priority: "HIGH",
      reason: "高强度外呼导致情绪波动，影响通话质量，易引发投诉。",
      problemArea: "情绪失控、语气生硬",
    },
    {
      topic: "谈判与还款协商技巧",
      category: "INTERNAL",
      targetPeople: "催收员",
      headcount: 18,
      months: [6],
      hours: 4,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "HIGH",
      reason: "协商中存在超权限承诺减免的风险（B12、OPS4）。",
      problemArea: "还款协商中承诺减免",
    },
    {
      topic: "转岗培训（客服转催收）",
      category: "TRANSFER",
      targetPeople: "转岗人员",
      headcount: 3,
      months: [2, 8],
      hours: 8,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "MEDIUM",
      reason: "每年有客服专员转岗至催收岗位，需掌握新岗位知识与话术。",
    },
    {
      topic: "行动记载规范",
      category: "INTERNAL",
      targetPeople: "催收员",
      headcount: 20,
      months: [2],
      hours: 2,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "MEDIUM",
      reason: "质检发现行动记载与录音不一致、使用私人缩写（REC1、REC3）。",
      problemArea: "行动记载与录音不一致",
    },
  ],
  CS: [
    {
      topic: "投诉受理与升级处理",
      category: "INTERNAL",
      targetPeople: "客服专员",
      headcount: 6,
      months: [3],
      hours: 4,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "HIGH",
      reason: "客服部承接全部投诉，需统一受理口径与升级流程。",
      problemArea: "投诉升级不及时",
    },
    {
      topic: "电话礼仪与文明用语",
      category: "INTERNAL",
      targetPeople: "客服专员",
      headcount: 6,
      months: [5],
      hours: 2,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "LOW",
      reason: "新进客服专员较多，需规范文明用语。",
    },
    {
      topic: "集团客户服务标准培训",
      category: "GROUP",
      targetPeople: "客服主管",
      headcount: 1,
      months: [10],
      hours: 12,
      delivery: "EXTERNAL",
      yuan: 2000,
      priority: "MEDIUM",
      reason: "集团总部统一组织，要求各子公司客服主管参加。",
    },
  ],
  TRN: [
    {
      topic: "内训师授课技巧（TTT）",
      category: "EXTERNAL",
      targetPeople: "内训讲师",
      headcount: 2,
      months: [4],
      hours: 16,
      delivery: "EXTERNAL",
      yuan: 6000,
      priority: "MEDIUM",
      reason: "提升内训讲师的课程开发与授课能力。",
    },
  ],
  GMO: [
    {
      topic: "商务礼仪与接待",
      category: "INTERNAL",
      targetPeople: "总经办人员",
      headcount: 3,
      months: [6],
      hours: 2,
      delivery: "INTERNAL",
      yuan: 0,
      priority: "LOW",
      reason: "总经办接待来访银行客户较多，需规范商务礼仪。",
    },
  ],
};

// What the training manager made of the needs that no plan item answers: "DEPT:index" → reason.
const NOT_ADOPTED: Record<string, string> = {
  "GMO:0": "人数少且非年度重点，由总经办安排内部学习，不纳入年度计划。",
};

// 人数, 负责部门 and 讲师 of the plan items, by title: [headcount (0: what its needs ask for), department
// code, lecturer: an employee number or an outside trainer's name, or "" when not yet decided].
const ITEM_DETAILS: Record<string, [number, string, string]> = {
  话术规范培训: [0, "TRN", "T0001"],
  新员工入职培训: [0, "TRN", "T0003"],
  投诉处理技巧: [0, "CS", "K0001"],
  情绪管理与压力调节: [0, "TRN", "外聘心理咨询师（心悦咨询）"],
  法律法规培训: [0, "COL1", "华律律师事务所"],
  谈判与还款协商技巧: [0, "COL2", "D0201"],
  "转岗培训（客服转催收）": [0, "TRN", "T0003"],
  行动记载规范: [0, "COL2", "T0001"],
  电话礼仪与文明用语: [0, "CS", "K0001"],
  集团客户服务标准培训: [0, "CS", "集团客户服务中心"],
  "内训师授课技巧（TTT）": [0, "TRN", ""],
  "年终合规复训（话术规范与投诉案例）": [40, "TRN", "T0001"],
  集团年度合规培训: [4, "TRN", "集团合规部"],
};

// Plan items: [title, category, months, target, sessions, hours, delivery, lecturer, yuan, needs as "DEPT:index"]
const ITEMS: Array<
  [
    string,
    Need["category"],
    number[],
    string,
    number,
    number,
    "INTERNAL" | "EXTERNAL",
    "INTERNAL" | "EXTERNAL" | "GROUP",
    number,
    string[],
  ]
> = [
  ["话术规范培训", "INTERNAL", [1, 7], "全体催收员", 4, 3, "INTERNAL", "INTERNAL", 0, ["COL1:0"]],
  ["新员工入职培训", "NEW_HIRE", [3, 9], "新入职催收员", 2, 16, "INTERNAL", "INTERNAL", 2000, ["COL1:2"]],
  ["投诉处理技巧", "INTERNAL", [3], "催收员、客服专员", 3, 3, "INTERNAL", "INTERNAL", 0, ["COL1:1", "CS:0"]],
  ["情绪管理与压力调节", "INTERNAL", [4], "催收员", 2, 3, "EXTERNAL", "EXTERNAL", 4000, ["COL2:0"]],
  ["法律法规培训", "EXTERNAL", [5], "催收组长", 1, 6, "EXTERNAL", "EXTERNAL", 3000, ["COL1:3"]],
  ["谈判与还款协商技巧", "INTERNAL", [6], "催收员", 2, 4, "INTERNAL", "INTERNAL", 0, ["COL2:1"]],
  ["转岗培训（客服转催收）", "TRANSFER", [2, 8], "转岗人员", 2, 8, "INTERNAL", "INTERNAL", 0, ["COL2:2"]],
  ["行动记载规范", "INTERNAL", [2], "催收员", 2, 2, "INTERNAL", "INTERNAL", 0, ["COL2:3"]],
  ["电话礼仪与文明用语", "INTERNAL", [5], "客服专员", 1, 2, "INTERNAL", "INTERNAL", 0, ["CS:1"]],
  ["集团客户服务标准培训", "GROUP", [10], "客服主管", 1, 12, "EXTERNAL", "GROUP", 2000, ["CS:2"]],
  ["内训师授课技巧（TTT）", "EXTERNAL", [4], "内训讲师", 1, 16, "EXTERNAL", "EXTERNAL", 6000, ["TRN:0"]],
  // Year-end items, so the monthly plans of November and December have annual items to start from.
  [
    "年终合规复训（话术规范与投诉案例）",
    "INTERNAL",
    [11, 12],
    "全体催收员",
    4,
    3,
    "INTERNAL",
    "INTERNAL",
    3000,
    ["COL1:0"],
  ],
  ["集团年度合规培训", "GROUP", [12], "催收组长", 1, 6, "EXTERNAL", "GROUP", 2500, []],
];

const DAY = 86_400_000;

export async function seedTrainingPlan(tx: Tx, today: Date) {
  for (const year of demoPlanYears(today)) await seedYear(tx, year, today);
}

// One plan year: the survey closes and the plan is approved at the end of the year before, or, when
// that is still ahead (next year's plan in early December), in the days just before today.
async function seedYear(tx: Tx, year: number, today: Date) {
  const prior = year - 1;
  const yearEnd = Date.UTC(prior, 11, 31, 2); // 31 December, 10:00 in Shanghai
  const end = Math.min(yearEnd, today.getTime() - DAY);
  // `at(prior, 12, 20)` keeps its meaning (a day of the prior December), shifted back as a block.
  const at = (y: number, month: number, day: number, hour = 10) =>
    new Date(Date.UTC(y, month - 1, day, hour - 8) - (yearEnd - end));
  const people = await tx.person.findMany({ select: { id: true, employeeNo: true, name: true, departmentId: true } });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const [manager, leader] = [who("T0001"), who("L0001")];
  const departments = await tx.department.findMany({ where: { kind: "DEPARTMENT" }, select: { id: true, code: true } });
  const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
  // Each department's head submits its form (the training manager for a department without one).
  const heads = await tx.roleAssignment.findMany({
    where: { role: "DEPARTMENT_HEAD" },
    select: { departmentId: true, personId: true },
  });

  const survey = await tx.needsSurvey.create({
    data: {
      year,
      deadline: at(prior, 12, 20, 23),
      status: "CLOSED",
      openedById: manager.id,
      openedAt: at(prior, 11, 20),
      closedAt: at(prior, 12, 22),
      note: "请各部门结合年度经营目标和本年度质检、投诉情况填写，12 月 20 日前提交。",
      requirements:
        "一、话术规范培训覆盖全体催收员，考核通过后方可作业；二、投诉率高的环节必须有针对性培训；三、培训费用控制在 3 万元以内。",
    },
  });
  const needIds: Record<string, string[]> = {};
  for (const d of departments) {
    const head = people.find((p) => p.id === heads.find((h) => h.departmentId === d.id)?.personId) ?? manager;
    const form = await tx.departmentNeedsForm.create({
      data: {
        surveyId: survey.id,
        departmentId: d.id,
        status: "SUBMITTED",
        submittedAt: at(prior, 12, 15 + (d.code.length % 4)),
        submittedById: head.id,
      },
    });
    const rows = await tx.needItem.createManyAndReturn({
      data: (NEEDS[d.code] ?? []).map((n) => ({
        formId: form.id,
        topic: n.topic,
        category: n.category,
        targetPeople: n.targetPeople,
        headcount: n.headcount,
        months: n.months,
        hoursTenths: n.hours * 10,
        delivery: n.delivery,
        costFen: n.yuan * 100,
        priority: n.priority,
        reason: n.reason,
        problemArea: n.problemArea ?? null,
      })),
      select: { id: true },
    });
    needIds[d.code] = rows.map((r) => r.id);
  }
  await seedAnswers(tx, survey.id, people, (i) => at(prior, 11, 22 + (i % 20), 9 + (i % 8)));

  const approval = await tx.approval.create({
    data: { subjectType: "AnnualPlan", state: "APPROVED", revision: 2, submittedById: manager.id },
  });
  const plan = await tx.annualPlan.create({
    data: { year, title: `${year} 年度培训计划`, approvalId: approval.id, createdById: manager.id },
  });
  const needHeadcount = new Map<string, number>(
    Object.entries(NEEDS).flatMap(([code, list]) => list.map((n, i) => [`${code}:${i}`, n.headcount] as const)),
  );
  for (const [title, category, months, targetPeople, sessions, hours, delivery, lecturerType, yuan, needs] of ITEMS) {
    const [headcount, department, lecturer] = ITEM_DETAILS[title];
    const person = /^[A-Z]\d{4}$/.test(lecturer) ? who(lecturer) : null;
    await tx.planItem.create({
      data: {
        headcount: headcount || needs.reduce((sum, ref) => sum + needHeadcount.get(ref)!, 0),
        departmentId: departmentId(department),
        lecturerId: person?.id ?? null,
        lecturerName: person || !lecturer ? null : lecturer,
        planId: plan.id,
        title,
        category,
        months,
        targetPeople,
        sessions,
        hoursTenths: hours * 10,
        delivery,
        lecturerType,
        budgetFen: yuan * 100,
        needs: { create: needs.map((ref) => ({ needItemId: needIds[ref.split(":")[0]][Number(ref.split(":")[1])] })) },
      },
    });
  }
  // What became of each need: adopted by an item of its own, merged with others into one, or not adopted.
  const decidedAt = at(prior, 12, 25);
  for (const [code, ids] of Object.entries(needIds))
    for (const [index, id] of ids.entries()) {
      const items = ITEMS.filter((item) => item[9].includes(`${code}:${index}`));
      const reason = NOT_ADOPTED[`${code}:${index}`];
      if (items.length === 0 && !reason) continue;
      await tx.needItem.update({
        where: { id },
        data: {
          outcome: reason ? "NOT_ADOPTED" : items.some((item) => item[9].length > 1) ? "MERGED" : "ADOPTED",
          outcomeReason: reason ?? null,
          outcomeAt: decidedAt,
          outcomeById: manager.id,
        },
      });
    }
  // Revision 1, as the leader saw it before sending it back: no 情绪管理, fewer 话术 sessions, a smaller law budget.
  const approved = await planSnapshot(tx, approval.id);
  const first: PlanSnapshot = {
    ...approved,
    items: approved.items
      .filter((i) => i.title !== "情绪管理与压力调节")
      .map((i) =>
        i.title === "话术规范培训"
          ? { ...i, sessions: 2 }
          : i.title === "法律法规培训"
            ? { ...i, budgetFen: 1500_00 }
            : i,
      ),
  };
  const decision = (
    revision: number,
    action: "SUBMIT" | "APPROVE" | "REJECT",
    actor: typeof manager,
    when: Date,
    extra: { reason?: string; snapshot?: PlanSnapshot } = {},
  ) => ({
    approvalId: approval.id,
    revision,
    action,
    fromState: action === "SUBMIT" ? ("DRAFT" as const) : ("SUBMITTED" as const),
    toState:
      action === "SUBMIT" ? ("SUBMITTED" as const) : action === "APPROVE" ? ("APPROVED" as const) : ("DRAFT" as const),
    actorId: actor.id,
    actorEmployeeNo: actor.employeeNo,
    actorName: actor.name,
    at: when,
    reason: extra.reason ?? null,
    snapshot: extra.snapshot as Prisma.InputJsonValue | undefined,
  });
  await tx.approvalDecision.createMany({
    data: [
      decision(1, "SUBMIT", manager, at(prior, 12, 26), { snapshot: first }),
      decision(1, "REJECT", leader, at(prior, 12, 28), {
        reason: "情绪管理是催收二部提出的高优先级需求，未纳入计划；话术规范培训每半年只安排一场不够，请增加场次。",
      }),
      decision(2, "SUBMIT", manager, at(prior, 12, 30), { snapshot: approved }),
      decision(2, "APPROVE", leader, at(prior, 12, 31), { reason: "同意。" }),
    ],
  });
}

// Questionnaire answers from agents and customer service, varied but reproducible.
async function seedAnswers(
  tx: Tx,
  surveyId: string,
  people: Array<{ id: string; employeeNo: string; departmentId: string }>,
  submittedAt: (i: number) => Date,
) {
  const questions = await tx.surveyQuestion.createManyAndReturn({
    data: DEFAULT_QUESTIONS.map((q, i) => ({
      surveyId,
      position: i + 1,
      kind: q.kind,
      text: q.text,
      options: [...q.options],
      required: q.required,
    })),
    select: { id: true, kind: true, options: true },
  });
  const respondents = people.filter((p) => /^(C01(0[1-9]|1[0-8])|C02(0[1-9]|1[0-5])|K010[1-5])$/.test(p.employeeNo));
  const responses = await tx.questionnaireResponse.createManyAndReturn({
    data: respondents.map((p, i) => ({
      surveyId,
      personId: p.id,
      departmentId: p.departmentId,
      submittedAt: submittedAt(i),
    })),
    select: { id: true },
  });
  const texts = [
    "希望多一些真实录音的案例复盘。",
    "建议新人培训后安排老员工带教一周。",
    "希望培训安排在非高峰时段。",
    "投诉处理能否请客服部一起讲？",
  ];
  const answers: Prisma.QuestionAnswerCreateManyInput[] = [];
  responses.forEach((r, i) => {
    for (const q of questions) {
      const n = q.options.length;
      if (q.kind === "MULTIPLE")
        answers.push({
          responseId: r.id,
          questionId: q.id,
          choices: [...new Set([i % n, (i * 3 + 1) % n, i % 2 ? 3 : 0])].sort((a, b) => a - b),
        });
      if (q.kind === "SINGLE")
        answers.push({ responseId: r.id, questionId: q.id, choices: [(i * 7 + q.options.length) % n] });
      if (q.kind === "RATING") answers.push({ responseId: r.id, questionId: q.id, rating: 3 + (i % 3) });
      if (q.kind === "TEXT" && i % 5 === 0)
        answers.push({ responseId: r.id, questionId: q.id, text: texts[(i / 5) % texts.length] });
    }
  });
  await tx.questionAnswer.createMany({ data: answers });
}
