// Bench data on top of the demo company: a 5-question quiz (one question from each of five rules, no
// daily limit, no cooldown) and signed-in agents, their session cookies made directly (the login's
// password hashing is not what is measured).
import { db } from "../../app/utils/db.server";
import { createSession, sessionCookieHeader } from "../../app/utils/session.server";
import { seedDemo } from "../../prisma/seed/demo";

export type BenchAgents = { quizId: string; cookies: string[] };

/** `onBenchCompany`: the data is there already (bench/data); the quiz and agents are added once, kept after. */
export async function seedQuizBench(agentCount: number, onBenchCompany = false): Promise<BenchAgents> {
  if (!onBenchCompany) await seedDemo();
  const rules = ["B3", "B5", "B6", "B8", "OPS3"];
  const existing = await db.quiz.findUnique({ where: { code: "BENCH5" }, select: { id: true } });
  const quiz =
    existing ??
    (await db.quiz.create({
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
    }));
  const team = await db.department.findUniqueOrThrow({ where: { code: "COL1-1" }, select: { id: true } });
  // QB…: apart from the bench company's own B00001… agents.
  const employeeNos = Array.from({ length: agentCount }, (_, i) => `QB${String(i + 1).padStart(4, "0")}`);
  await db.person.createMany({
    skipDuplicates: true,
    data: employeeNos.map((employeeNo, i) => ({
      employeeNo,
      name: `压测${i + 1}`,
      departmentId: team.id,
      post: "催收员",
      mustChangePassword: false,
    })),
  });
  const people = await db.person.findMany({
    where: { employeeNo: { in: employeeNos } },
    orderBy: { employeeNo: "asc" },
    select: { id: true },
  });
  await db.roleAssignment.createMany({
    skipDuplicates: true,
    data: people.map((p) => ({ personId: p.id, role: "EMPLOYEE" as const })),
  });
  const cookies: string[] = [];
  const request = new Request("http://localhost/");
  for (const p of people) {
    const token = await db.$transaction((tx) => createSession(tx, p.id));
    cookies.push((await sessionCookieHeader(request, token)).split(";")[0]);
  }
  return { quizId: quiz.id, cookies };
}
