// Bench data on top of the demo company: a 5-question quiz (one question from each of five rules, no
// daily limit, no cooldown) and signed-in agents, their session cookies made directly (the login's
// password hashing is not what is measured).
import { db } from "../../app/utils/db.server";
import { createSession, sessionCookieHeader } from "../../app/utils/session.server";
import { seedDemo } from "../../prisma/seed/demo";

export type BenchAgents = { quizId: string; cookies: string[] };

export async function seedQuizBench(agentCount: number): Promise<BenchAgents> {
  await seedDemo();
  const rules = ["B3", "B5", "B6", "B8", "OPS3"];
  const quiz = await db.quiz.create({
    data: {
      code: "BENCH5",
      title: "压测：5 题",
      titleEn: "Benchmark: 5 questions",
      timeLimitMinutes: 30,
      passPercent: 80,
      attemptsPerDay: 1_000_000,
      cooldownMinutes: 0,
      draws: { createMany: { data: rules.map((ruleId) => ({ ruleId, count: 1 })) } },
    },
    select: { id: true },
  });
  const team = await db.department.findUniqueOrThrow({ where: { code: "COL1-1" }, select: { id: true } });
  const people = await db.person.createManyAndReturn({
    data: Array.from({ length: agentCount }, (_, i) => ({
      employeeNo: `B${String(i + 1).padStart(4, "0")}`,
      name: `压测${i + 1}`,
      departmentId: team.id,
      post: "催收员",
      mustChangePassword: false,
    })),
    select: { id: true },
  });
  await db.roleAssignment.createMany({ data: people.map((p) => ({ personId: p.id, role: "EMPLOYEE" as const })) });
  const cookies: string[] = [];
  const request = new Request("http://localhost/");
  for (const p of people) {
    const token = await db.$transaction((tx) => createSession(tx, p.id));
    cookies.push((await sessionCookieHeader(request, token)).split(";")[0]);
  }
  return { quizId: quiz.id, cookies };
}
