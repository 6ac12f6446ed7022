// The rules missed in quizzes (each wrong answer counts once per rule its question tests) and breached on
// action records, in the year, by people in scope (their department today).
import { db } from "~/utils/db.server";
import { sql } from "~/utils/sql.server";

import type { RuleCount, RuleTitle } from "./rule-rank-rules";
import type { YearScope } from "./scope-queries.server";

// QuizAttempt and CaseRuleBreach keep UTC instants without a zone: compare them as such.
export function missedRules(s: YearScope): Promise<RuleCount[]> {
  return sql<RuleCount>(
    `SELECT r."ruleId", COUNT(*) FILTER (WHERE q.correct = false)::int AS count, COUNT(*)::int AS asked
       FROM "QuizAttemptQuestion" q
       JOIN "QuizAttempt" a ON a.id = q."attemptId"
       JOIN "Person" p ON p.id = a."personId"
       CROSS JOIN LATERAL unnest(q."ruleIds") AS r("ruleId")
      WHERE a.status = 'SUBMITTED' AND a."submittedAt" >= $1::timestamptz::timestamp
        AND a."submittedAt" < $2::timestamptz::timestamp AND p."departmentId" = ANY($3::text[])
      GROUP BY 1`,
    [s.from, s.to, s.departmentIds],
  );
}

export function breachedRules(s: YearScope): Promise<RuleCount[]> {
  return sql<RuleCount>(
    `SELECT b."ruleId", COUNT(*)::int AS count
       FROM "CaseRuleBreach" b JOIN "Person" p ON p.id = b."personId"
      WHERE b.at >= $1::timestamptz::timestamp AND b.at < $2::timestamptz::timestamp
        AND p."departmentId" = ANY($3::text[])
      GROUP BY 1`,
    [s.from, s.to, s.departmentIds],
  );
}

/** Each rule's latest title. */
export async function ruleTitles(ruleIds: string[]): Promise<RuleTitle[]> {
  const versions = await db.callRuleVersion.findMany({
    where: { ruleId: { in: ruleIds } },
    orderBy: { version: "desc" },
    distinct: ["ruleId"],
    select: { ruleId: true, titleZh: true, titleEn: true },
  });
  return versions;
}
