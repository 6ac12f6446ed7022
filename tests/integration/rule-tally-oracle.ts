// The raw counts the rule tally replaced, kept as the tests' oracle: every figure straight from the answers
// over the whole window, per rule and the answerer's department today.
import { sql } from "~/utils/sql.server";

export type Row = { ruleId: string; departmentId: string; n: number; m: number };
type Window = { from: Date; to: Date };

/** The rule loop's meaning: scored answers by the instant they were answered. */
export function rawAnswered(w: Window, departmentIds: string[] | null): Promise<Row[]> {
  return sql<Row>(
    `SELECT r."ruleId", p."departmentId", COUNT(*)::int AS n, COUNT(*) FILTER (WHERE x.correct = false)::int AS m
       FROM "QuizAttemptQuestion" x
       JOIN "QuizAttempt" a ON a.id = x."attemptId"
       JOIN "Person" p ON p.id = a."personId"
      CROSS JOIN LATERAL unnest(x."ruleIds") AS r("ruleId")
      WHERE x.correct IS NOT NULL AND x."answeredAt" >= $1::timestamptz::timestamp
        AND x."answeredAt" < $2::timestamptz::timestamp
        AND ($3::text[] IS NULL OR p."departmentId" = ANY($3::text[]))
      GROUP BY 1, 2`,
    [w.from, w.to, departmentIds],
  );
}

/** The dashboard's meaning: questions of submitted attempts by the instant the attempt was handed in. */
export function rawAsked(w: Window, departmentIds: string[]): Promise<Row[]> {
  return sql<Row>(
    `SELECT r."ruleId", p."departmentId", COUNT(*)::int AS n, COUNT(*) FILTER (WHERE q.correct = false)::int AS m
       FROM "QuizAttemptQuestion" q
       JOIN "QuizAttempt" a ON a.id = q."attemptId"
       JOIN "Person" p ON p.id = a."personId"
      CROSS JOIN LATERAL unnest(q."ruleIds") AS r("ruleId")
      WHERE a.status = 'SUBMITTED' AND a."submittedAt" >= $1::timestamptz::timestamp
        AND a."submittedAt" < $2::timestamptz::timestamp AND p."departmentId" = ANY($3::text[])
      GROUP BY 1, 2`,
    [w.from, w.to, departmentIds],
  );
}

/** Rows in one order, for comparing. */
export const sorted = (rows: Row[]) =>
  [...rows].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.departmentId.localeCompare(b.departmentId));

/** The tally's rows that count (a row can hold zeros after a move), in one order. */
export async function tallyRows() {
  return sql<{ day: string; departmentId: string; ruleId: string; counts: string }>(
    `SELECT day::text, "departmentId", "ruleId",
            concat_ws('/', answered, "answeredWrong", asked, "askedWrong") AS counts
       FROM "RuleTally" WHERE answered <> 0 OR "answeredWrong" <> 0 OR asked <> 0 OR "askedWrong" <> 0
      ORDER BY 1, 2, 3`,
  );
}
