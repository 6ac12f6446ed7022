// Bench data for the clearance API on top of the demo company: 5,000 more people in the collection
// teams with a realistic history of case-work quiz attempts, and two API keys (one to revoke).
import { randomUUID } from "node:crypto";

import { hashApiKey, keyPrefix } from "../../app/domain/clearance/api-key-rules";
import { now } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { seedDemo } from "../../prisma/seed/demo";

export type ClearanceBenchData = {
  employeeNos: string[];
  certified: string[];
  key: string;
  keyToRevoke: string;
  attempts: number;
};

const DAY = 86_400_000;

export async function seedClearanceBench(people: number): Promise<ClearanceBenchData> {
  await seedDemo();
  const quiz = await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" }, select: { id: true } });
  const ruleVersions = Object.fromEntries(
    (await db.callRule.findMany({ select: { id: true, currentVersion: true } })).map((r) => [r.id, r.currentVersion]),
  );
  const teams = await db.department.findMany({ where: { kind: "TEAM" }, select: { id: true } });
  const at = now();
  const employeeNos = Array.from({ length: people }, (_, i) => `P${String(i + 1).padStart(5, "0")}`);
  const certified: string[] = [];
  for (let start = 0; start < people; start += 1_000) {
    const created = await db.person.createManyAndReturn({
      data: employeeNos.slice(start, start + 1_000).map((employeeNo, k) => ({
        employeeNo,
        name: `坐席${start + k + 1}`,
        departmentId: teams[(start + k) % teams.length].id,
        post: "催收员",
        mustChangePassword: false,
      })),
      select: { id: true, employeeNo: true },
    });
    const attempts: Array<Record<string, unknown>> = [];
    for (const [k, p] of created.entries()) {
      const n = start + k;
      const attempt = (daysAgo: number, passed: boolean) => {
        const submittedAt = new Date(at.getTime() - daysAgo * DAY);
        attempts.push({
          id: randomUUID(),
          quizId: quiz.id,
          personId: p.id,
          mode: "FULL",
          status: "SUBMITTED",
          startedAt: new Date(submittedAt.getTime() - 20 * 60_000),
          deadlineAt: submittedAt,
          submittedAt,
          passPercent: 90,
          ruleVersions,
          questionCount: 24,
          correctCount: passed ? 23 : 19,
          scorePercent: passed ? 95 : 79,
          passed,
          redLineMissed: !passed && n % 2 === 0,
          missedRuleIds: passed ? ["B16"] : ["B8", "B3"],
        });
      };
      // 70% certified (a third of them after a failed first try), 10% expired, 20% never passed.
      if (n % 10 < 7) {
        if (n % 3 === 0) attempt(40 + (n % 200), false);
        attempt(30 + (n % 200), true);
        certified.push(p.employeeNo);
      } else if (n % 10 === 7) attempt(400 + (n % 30), true);
      else attempt(5 + (n % 20), false);
    }
    await db.quizAttempt.createMany({ data: attempts as never });
  }
  const key = `tgk_bench_${randomUUID()}`;
  const keyToRevoke = `tgk_bench_${randomUUID()}`;
  await db.apiKey.createMany({
    data: [key, keyToRevoke].map((k, i) => ({
      name: `bench ${i}`,
      prefix: keyPrefix(k),
      keyHash: hashApiKey(k),
      createdAt: at,
    })),
  });
  return { employeeNos, certified, key, keyToRevoke, attempts: await db.quizAttempt.count() };
}
