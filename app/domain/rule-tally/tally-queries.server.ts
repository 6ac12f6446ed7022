// Rule counts over any window of instants, for people in view (their department today): the whole days from
// RuleTally, the part days at the window's ends from the raw answers (tally-window.ts). Each is one
// statement; a figure equals the raw count over the whole window (raw-counts.server.ts, the tests' oracle).
import { sql } from "~/utils/sql.server";

import { splitWindow } from "./tally-window";

export type Window = { from: Date; to: Date };
/** Per rule and department: n counted, m of them wrong. */
export type RuleDepartmentCount = { ruleId: string; departmentId: string; n: number; m: number };

// An empty day range when the window holds no whole day.
const NO_DAYS = { firstDay: "1970-01-01", endDay: "1970-01-01" };

function params(window: Window, departmentIds: string[] | null, ruleId: string | null) {
  const s = splitWindow(window);
  const days = s.days ?? NO_DAYS;
  return [days.firstDay, days.endDay, s.head.from, s.head.to, s.tail.from, s.tail.to, departmentIds, ruleId];
}

const EDGES = (column: string) =>
  `((${column} >= $3::timestamptz::timestamp AND ${column} < $4::timestamptz::timestamp)
     OR (${column} >= $5::timestamptz::timestamp AND ${column} < $6::timestamptz::timestamp))`;

// Whole days summed from the tally's two columns, part days counted from the raw answers (`rawFrom`: the
// joins naming the answer `q`, its attempt `a` and person `p`; `rawWhere`: what counts, with the edge instants).
// `ruleId`: that rule's rows only (a rule's page; the tally's (ruleId, day) index), or null for every rule.
function countsByRule(
  tally: { n: string; m: string },
  rawFrom: string,
  rawWhere: string,
  window: Window,
  departmentIds: string[] | null,
  ruleId: string | null = null,
): Promise<RuleDepartmentCount[]> {
  return sql<RuleDepartmentCount>(
    `SELECT u."ruleId", u."departmentId", SUM(u.n)::int AS n, SUM(u.m)::int AS m FROM (
       SELECT t."ruleId", t."departmentId", SUM(t.${tally.n}) AS n, SUM(t.${tally.m}) AS m
         FROM "RuleTally" t
        WHERE t.day >= $1::date AND t.day < $2::date AND ($7::text[] IS NULL OR t."departmentId" = ANY($7::text[]))
          AND ($8::text IS NULL OR t."ruleId" = $8::text)
        GROUP BY 1, 2
       UNION ALL
       SELECT r."ruleId", p."departmentId", COUNT(*), COUNT(*) FILTER (WHERE q.correct = false)
         FROM ${rawFrom}
         JOIN "Person" p ON p.id = a."personId"
        CROSS JOIN LATERAL unnest(q."ruleIds") AS r("ruleId")
        WHERE ${rawWhere} AND ($7::text[] IS NULL OR p."departmentId" = ANY($7::text[]))
          AND ($8::text IS NULL OR r."ruleId" = $8::text)
        GROUP BY 1, 2
     ) u GROUP BY 1, 2 HAVING SUM(u.n) > 0`,
    params(window, departmentIds, ruleId),
  );
}

/** Scored answers (n) and those answered wrong (m), by the day they were answered: the rule loop's meaning
 * (of one rule when `ruleId` is given). */
export function answeredByRule(
  window: Window,
  departmentIds: string[] | null,
  ruleId: string | null = null,
): Promise<RuleDepartmentCount[]> {
  return countsByRule(
    { n: "answered", m: `"answeredWrong"` },
    `"QuizAttemptQuestion" q JOIN "QuizAttempt" a ON a.id = q."attemptId"`,
    `q.correct IS NOT NULL AND ${EDGES(`q."answeredAt"`)}`,
    window,
    departmentIds,
    ruleId,
  );
}

/** Questions of submitted attempts (n) and those missed (m), by the day of the hand-in: the dashboard's meaning. */
export function askedByRule(window: Window, departmentIds: string[]): Promise<RuleDepartmentCount[]> {
  return countsByRule(
    { n: "asked", m: `"askedWrong"` },
    `"QuizAttempt" a JOIN "QuizAttemptQuestion" q ON q."attemptId" = a.id`,
    `a.status = 'SUBMITTED' AND ${EDGES(`a."submittedAt"`)}`,
    window,
    departmentIds,
  );
}

/** Summed over departments: per rule. */
export function perRule(rows: RuleDepartmentCount[]): Map<string, { n: number; m: number }> {
  const out = new Map<string, { n: number; m: number }>();
  for (const r of rows) {
    const f = out.get(r.ruleId) ?? out.set(r.ruleId, { n: 0, m: 0 }).get(r.ruleId)!;
    f.n += r.n;
    f.m += r.m;
  }
  return out;
}
