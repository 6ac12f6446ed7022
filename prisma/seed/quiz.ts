// Demo data for the call-script quizzes: the rule catalogue, the question bank, the case-work quiz,
// and a history of attempts that certifies about half the agents (some expiring soon, two lapsed by
// a rule change). C0101 is left uncertified for the browser test. createMany keeps it fast.
import { randomUUID } from "node:crypto";

import { now } from "../../app/utils/clock.server";
import type { Tx } from "../../app/utils/db.server";

import { BANK_1 } from "./quiz-bank-1";
import { BANK_2 } from "./quiz-bank-2";
import { seedQuizBank } from "./quiz-factories";
import { RULES } from "./quiz-rules-data";

const DAY = 86_400_000;
export const CASE_WORK_QUIZ = "CASE_WORK";

export async function seedQuiz(tx: Tx, at: Date = now()) {
  const ago = (days: number) => new Date(at.getTime() - days * DAY);
  const quizId = await seedQuizBank(tx, {
    rules: RULES,
    questions: [...BANK_1, ...BANK_2],
    rulesEffectiveAt: ago(400),
  });

  // OPS3 was reworded 20 days ago (enterprise WeChat named explicitly): version 2.
  const ops3 = RULES.find((r) => r.id === "OPS3")!;
  const ops3Changed = ago(20);
  await tx.callRuleVersion.create({
    data: {
      ruleId: "OPS3",
      version: 2,
      titleZh: ops3.titleZh,
      titleEn: ops3.titleEn,
      redLine: true,
      effectiveAt: ops3Changed,
      textZh: ops3.textZh.replace("微博、E-mail", "微博、企业微信、E-mail"),
      textEn: ops3.textEn.replace("Weibo, e-mail", "Weibo, enterprise WeChat, e-mail"),
      changeNote: "明确企业微信同样不得用于催收。",
    },
  });
  await tx.callRule.update({ where: { id: "OPS3" }, data: { currentVersion: 2 } });

  const agents = await tx.person.findMany({
    where: { employeeNo: { startsWith: "C0" } },
    select: { id: true, employeeNo: true, status: true },
    orderBy: { employeeNo: "asc" },
  });
  const allV1 = Object.fromEntries(RULES.map((r) => [r.id, 1]));
  const attempts: Array<Record<string, unknown>> = [];
  const attempt = (personId: string, submittedAt: Date, over: Record<string, unknown>) =>
    attempts.push({
      id: randomUUID(),
      quizId,
      personId,
      mode: "FULL",
      status: "SUBMITTED",
      startedAt: new Date(submittedAt.getTime() - 18 * 60_000),
      deadlineAt: new Date(submittedAt.getTime() + 12 * 60_000),
      submittedAt,
      passPercent: 90,
      ruleVersions: allV1,
      questionCount: RULES.length,
      correctCount: RULES.length,
      scorePercent: 100,
      passed: true,
      redLineMissed: false,
      missedRuleIds: [],
      ...over,
    });
  // A failure either misses a red-line rule or falls under the 90% pass mark (3 of 24 wrong).
  const MISSED = [
    ["B8"],
    ["OPS4", "B12"],
    ["B3"],
    ["B8", "B16"],
    ["REC3", "B16", "B11"],
    ["B5"],
    ["B8"],
    ["OPS1", "B13"],
  ];
  const failed = (personId: string, submittedAt: Date, k: number) => {
    const missed = MISSED[k % MISSED.length];
    const red = missed.some((id) => RULES.find((r) => r.id === id)?.redLine);
    attempt(personId, submittedAt, {
      correctCount: RULES.length - missed.length,
      scorePercent: Math.floor(((RULES.length - missed.length) * 100) / RULES.length),
      passed: false,
      redLineMissed: red,
      missedRuleIds: missed,
    });
  };

  for (const [i, agent] of agents.entries()) {
    const n = Number(agent.employeeNo.slice(3));
    if (agent.employeeNo === "C0101" || agent.status !== "ACTIVE") continue;
    if (n % 2 === 0 || n % 5 === 0) {
      // Certified. A first failed try for some, so the board has rules "most often missed".
      const expiringSoon = n === 4 || n === 14;
      const daysAgo = expiringSoon ? 365 - 8 - (n % 10) : 25 + ((n * 37 + i * 11) % 300);
      if (n % 4 === 0) failed(agent.id, ago(daysAgo + 2), i);
      const certifiedAt = ago(daysAgo);
      const afterChange = certifiedAt > ops3Changed;
      attempt(agent.id, certifiedAt, {
        ruleVersions: afterChange ? { ...allV1, OPS3: 2 } : allV1,
        missedRuleIds: n % 3 === 0 ? ["B16"] : [],
        correctCount: n % 3 === 0 ? RULES.length - 1 : RULES.length,
        scorePercent: n % 3 === 0 ? 95 : 100,
      });
      // Everyone certified before the change passed the OPS3 re-quiz, except two agents whose certification lapsed.
      const lapsed = agent.employeeNo === "C0106" || agent.employeeNo === "C0210";
      if (!afterChange && !lapsed)
        attempt(agent.id, ago(10 + (n % 5)), {
          mode: "REQUIZ",
          ruleVersions: { OPS3: 2 },
          questionCount: 2,
          correctCount: 2,
        });
    } else if (n % 3 === 0) {
      failed(agent.id, ago(3 + (n % 9)), i);
    }
  }
  await tx.quizAttempt.createMany({ data: attempts as never });

  // New hires and the transferring agent were assigned the quiz automatically; C0101 by the training manager.
  const trainer = await tx.person.findUnique({ where: { employeeNo: "T0001" }, select: { id: true } });
  const assigned = agents.filter((a) => a.status !== "ACTIVE" || a.employeeNo === "C0101");
  await tx.quizAssignment.createMany({
    data: assigned.map((a) => ({
      quizId,
      personId: a.id,
      reason: a.employeeNo === "C0101" ? "MANUAL" : a.status === "NEW_HIRE" ? "NEW_HIRE" : "TRANSFER",
      assignedById: a.employeeNo === "C0101" ? (trainer?.id ?? null) : null,
      createdAt: ago(2),
    })) as never,
  });
  await tx.todoItem.createMany({
    data: [
      ...assigned.map((a) => ({
        personId: a.id,
        kind: "quizAssigned",
        sourceType: "Quiz",
        sourceId: quizId,
        href: "/quiz",
        createdAt: ago(2),
      })),
      ...agents
        .filter((a) => a.employeeNo === "C0106" || a.employeeNo === "C0210")
        .map((a) => ({
          personId: a.id,
          kind: "quizRequiz",
          sourceType: "Quiz",
          sourceId: quizId,
          href: "/quiz",
          params: { rules: "OPS3" },
          createdAt: ops3Changed,
        })),
    ],
  });
}
