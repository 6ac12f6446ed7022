// The hand-in's share of RuleTally: a data-modifying CTE for finaliseAttempt's one statement, so the tally
// changes in the same statement (and transaction) that gives the questions their verdicts. It reads the
// questions as they were before that statement (their answer instants and rules) and takes each verdict from
// the same right-answer ids the verdicts are written from, so it counts exactly what the raw rows will say.
// Keys are locked in (day, rule) order: two hand-ins of one department wait for each other briefly (until
// commit) but can never deadlock. The person's row is held FOR SHARE, so a department move (whose trigger
// re-files their history) waits for the hand-in to commit, or the hand-in files under the new department.
// Arguments are SQL expressions of the caller's statement ("$1"); `when`, if given, must hold for anything to
// be counted (and for the person's row to be locked): the guard of a hand-in that checks before it writes.

export function tallyHandInSql(expr: {
  attemptId: string;
  rightIds: string;
  at: string;
  personId: string;
  when?: string;
}) {
  const wrong = `(NOT (q.id = ANY(${expr.rightIds}::text[])))::int`;
  return `INSERT INTO "RuleTally" AS t (day, "departmentId", "ruleId", answered, "answeredWrong", asked, "askedWrong")
         SELECT c.day, p."departmentId", c."ruleId", SUM(c.an), SUM(c.aw), SUM(c.sk), SUM(c.sw)
           FROM (
             SELECT "rule_tally_day"(q."answeredAt") AS day, r."ruleId", 1 AS an, ${wrong} AS aw, 0 AS sk, 0 AS sw
               FROM "QuizAttemptQuestion" q CROSS JOIN LATERAL unnest(q."ruleIds") AS r("ruleId")
              WHERE q."attemptId" = ${expr.attemptId} AND q."answeredAt" IS NOT NULL
             UNION ALL
             SELECT "rule_tally_day"(LEAST(a."deadlineAt", ${expr.at}::timestamptz::timestamp)), r."ruleId",
                    0, 0, 1, ${wrong}
               FROM "QuizAttempt" a JOIN "QuizAttemptQuestion" q ON q."attemptId" = a.id
              CROSS JOIN LATERAL unnest(q."ruleIds") AS r("ruleId")
              WHERE a.id = ${expr.attemptId}
           ) c CROSS JOIN (SELECT "departmentId" FROM "Person"
                            WHERE id = ${expr.personId}${expr.when ? ` AND ${expr.when}` : ""} FOR SHARE) p
          GROUP BY c.day, p."departmentId", c."ruleId"
          ORDER BY c.day, c."ruleId"
         ON CONFLICT (day, "departmentId", "ruleId") DO UPDATE SET
           answered = t.answered + EXCLUDED.answered, "answeredWrong" = t."answeredWrong" + EXCLUDED."answeredWrong",
           asked = t.asked + EXCLUDED.asked, "askedWrong" = t."askedWrong" + EXCLUDED."askedWrong"`;
}
