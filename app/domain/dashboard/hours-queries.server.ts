// Training hours from the archive: minutes by the record's department, month and category, and each
// person in scope today with their year's minutes and courses. Set-based: two statements whatever the size.
import type { Category } from "~/domain/plan/fields";
import { sql } from "~/utils/sql.server";

import type { MinutesRow, PersonHours } from "./hours-rules";
import type { YearScope } from "./scope-queries.server";

export function minutesByDepartmentMonth(s: YearScope): Promise<MinutesRow[]> {
  return sql<MinutesRow>(
    `SELECT "departmentId", EXTRACT(MONTH FROM "startsAt" AT TIME ZONE $3)::int AS month,
            category::text AS category, SUM(minutes)::int AS minutes
       FROM "TrainingRecord"
      WHERE "startsAt" >= $1::timestamptz AND "startsAt" < $2::timestamptz AND "departmentId" = ANY($4::text[])
      GROUP BY 1, 2, 3`,
    [s.from, s.to, s.timeZone, s.departmentIds],
  ) as Promise<Array<MinutesRow & { category: Category }>>;
}

export type PersonHoursRow = PersonHours & { employeeNo: string; name: string; post: string; status: string };

/** People in scope today (not left, not disabled), each with minutes and distinct courses attended in the year. */
export function peopleHours(s: YearScope): Promise<PersonHoursRow[]> {
  return sql<PersonHoursRow>(
    `SELECT p.id AS "personId", p."departmentId", p."employeeNo", p.name, p.post, p.status::text AS status,
            COALESCE(SUM(r.minutes), 0)::int AS minutes,
            COUNT(DISTINCT r."courseId") FILTER (WHERE r.minutes > 0)::int AS courses
       FROM "Person" p
       LEFT JOIN "TrainingRecord" r
         ON r."personId" = p.id AND r."startsAt" >= $1::timestamptz AND r."startsAt" < $2::timestamptz
      WHERE p."departmentId" = ANY($3::text[]) AND p.status <> 'LEFT' AND p."disabledAt" IS NULL
      GROUP BY p.id
      ORDER BY p."employeeNo"`,
    [s.from, s.to, s.departmentIds],
  );
}
