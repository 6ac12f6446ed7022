// The rules missed in quizzes (each wrong answer counts once per rule its question tests) and breached on
// action records, in the year, by people in scope (their department today).
import { askedByRule, perRule } from "~/domain/rule-tally/tally-queries.server";
import { db } from "~/utils/db.server";
import { sql } from "~/utils/sql.server";

import type { RuleCount, RuleTitle } from "./rule-rank-rules";
import type { YearScope } from "./scope-queries.server";

/**
 * Per rule: the questions of attempts handed in during the year (asked) and those missed (count), by people
 * in scope: the whole days from the rule tally, the part days at the year's ends from the raw answers.
 */
export async function missedRules(s: YearScope): Promise<RuleCount[]> {
  const rows = perRule(await askedByRule(s, s.departmentIds));
  return [...rows].map(([ruleId, f]) => ({ ruleId, count: f.m, asked: f.n }));
}

// CaseRuleBreach keeps UTC instants without a zone: compare them as such.
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
