// Course evaluations of the year by people in scope (their department today): score sums by the month
// answered, and the survey invitations of the year with how many were answered.
import { sql } from "~/utils/sql.server";

import type { EvaluationSums } from "./satisfaction-rules";
import type { YearScope } from "./scope-queries.server";

export function evaluationSums(s: YearScope): Promise<EvaluationSums[]> {
  return sql<EvaluationSums>(
    `SELECT EXTRACT(MONTH FROM e."submittedAt" AT TIME ZONE $3)::int AS month, COUNT(*)::int AS answers,
            SUM(e."courseScore")::int AS course, SUM(e."lecturerScore")::int AS lecturer,
            SUM(e."venueScore")::int AS venue, SUM(e."usefulnessScore")::int AS usefulness
       FROM "CourseEvaluation" e JOIN "Person" p ON p.id = e."personId"
      WHERE e."submittedAt" >= $1::timestamptz AND e."submittedAt" < $2::timestamptz
        AND p."departmentId" = ANY($4::text[])
      GROUP BY 1`,
    [s.from, s.to, s.timeZone, s.departmentIds],
  );
}

export async function surveyInvites(s: YearScope): Promise<{ invited: number; answered: number }> {
  const [row] = await sql<{ invited: number; answered: number }>(
    `SELECT COUNT(*)::int AS invited, COUNT(i."answeredAt")::int AS answered
       FROM "CourseSurveyInvite" i JOIN "Person" p ON p.id = i."personId"
      WHERE i."invitedAt" >= $1::timestamptz AND i."invitedAt" < $2::timestamptz
        AND p."departmentId" = ANY($3::text[])`,
    [s.from, s.to, s.departmentIds],
  );
  return row ?? { invited: 0, answered: 0 };
}
