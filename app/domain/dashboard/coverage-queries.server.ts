// Sessions planned by the year's approved monthly plans, and sessions of approved courses of those plans
// held: ended by `at` and closed into the archive. Both by the monthly plan's month.
import { sql } from "~/utils/sql.server";

import type { MonthCount } from "./coverage-rules";

export function plannedSessions(year: number): Promise<MonthCount[]> {
  return sql<MonthCount>(
    `SELECT mp.month, SUM(i.sessions)::int AS sessions
       FROM "MonthlyPlanItem" i
       JOIN "MonthlyPlan" mp ON mp.id = i."planId"
       JOIN "Approval" a ON a.id = mp."approvalId"
      WHERE mp.year = $1 AND a.state = 'APPROVED'
      GROUP BY mp.month`,
    [year],
  );
}

export function heldSessions(year: number, at: Date): Promise<MonthCount[]> {
  return sql<MonthCount>(
    `SELECT mp.month, COUNT(*)::int AS sessions
       FROM "CourseSession" s
       JOIN "RosterClosure" rc ON rc."sessionId" = s.id
       JOIN "Course" c ON c.id = s."courseId"
       JOIN "Approval" ca ON ca.id = c."approvalId"
       JOIN "MonthlyPlanItem" i ON i.id = c."monthlyItemId"
       JOIN "MonthlyPlan" mp ON mp.id = i."planId"
      WHERE mp.year = $1 AND ca.state = 'APPROVED' AND s."endsAt" <= $2::timestamptz
      GROUP BY mp.month`,
    [year, at],
  );
}
