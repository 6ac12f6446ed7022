// An annual plan with its approval and items (each with its needs, department and lecturer names) in one
// plain-SQL statement (see docs/conventions.md): through Prisma's include it was six statements per view.
// Same shape as that include. Timestamps: the `timestamp` columns are written by Prisma in UTC and read
// `AT TIME ZONE 'UTC'`; inside JSON they arrive as ISO text and are turned back into Dates here.
import type { AnnualPlan, Approval, NeedItem, PlanItem } from "~/generated/prisma/client";
import { sql } from "~/utils/sql.server";

export type PlanItemWithNames = PlanItem & {
  needs: Array<{ needItemId: string }>;
  department: { name: string } | null;
  lecturer: { name: string } | null;
};
export type PlanWithItems = AnnualPlan & { approval: Approval; items: PlanItemWithNames[] };

type Stamped<T> = Omit<T, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };
type Row = AnnualPlan & { approval: Stamped<Approval>; items: Array<Stamped<PlanItemWithNames>> };

const utc = (column: string) => `${column} AT TIME ZONE 'UTC'`;

const PLAN_SQL = `
SELECT ap.id, ap.year, ap.title, ap."approvalId", ap."createdById", ${utc('ap."createdAt"')} AS "createdAt",
       ${utc('ap."updatedAt"')} AS "updatedAt",
       json_build_object('id', a.id, 'subjectType', a."subjectType", 'state', a.state, 'revision', a.revision,
         'submittedById', a."submittedById", 'createdAt', ${utc('a."createdAt"')},
         'updatedAt', ${utc('a."updatedAt"')}) AS approval,
       coalesce((SELECT json_agg(json_build_object('id', i.id, 'planId', i."planId", 'title', i.title,
           'category', i.category, 'months', coalesce(i.months, '{}'), 'targetPeople', i."targetPeople",
           'sessions', i.sessions, 'hoursTenths', i."hoursTenths", 'delivery', i.delivery,
           'lecturerType', i."lecturerType", 'budgetFen', i."budgetFen", 'createdAt', ${utc('i."createdAt"')},
           'updatedAt', ${utc('i."updatedAt"')}, 'departmentId', i."departmentId", 'headcount', i.headcount,
           'lecturerId', i."lecturerId", 'lecturerName', i."lecturerName",
           'needs', coalesce((SELECT json_agg(json_build_object('needItemId', n."needItemId"))
                                FROM "PlanItemNeed" n WHERE n."planItemId" = i.id), '[]'),
           'department', CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('name', d.name) END,
           'lecturer', CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('name', l.name) END)
           ORDER BY i."createdAt", i.id)
         FROM "PlanItem" i
         LEFT JOIN "Department" d ON d.id = i."departmentId"
         LEFT JOIN "Person" l ON l.id = i."lecturerId"
        WHERE i."planId" = ap.id), '[]') AS items
  FROM "AnnualPlan" ap JOIN "Approval" a ON a.id = ap."approvalId"
 WHERE ap.id = $1`;

const date = (iso: string) => new Date(iso);
const dated = <T extends { createdAt: string; updatedAt: string }>(x: T) => ({
  ...x,
  createdAt: date(x.createdAt),
  updatedAt: date(x.updatedAt),
});

/** The plan with its approval and items (oldest first), or null when there is none with this id. */
export async function readPlanWithItems(planId: string): Promise<PlanWithItems | null> {
  const [row] = await sql<Row>(PLAN_SQL, [planId]);
  if (!row) return null;
  return { ...row, approval: dated(row.approval), items: row.items.map(dated) };
}

type NeedFields =
  | "id"
  | "topic"
  | "category"
  | "headcount"
  | "months"
  | "hoursTenths"
  | "costFen"
  | "priority"
  | "delivery"
  | "targetPeople"
  | "outcome"
  | "outcomeReason";
export type YearNeed = Pick<NeedItem, NeedFields> & { department: string; departmentId: string; updatedAt: Date };

const NEEDS_SQL = `
SELECT s.id AS "surveyId",
       coalesce((SELECT json_agg(json_build_object('id', n.id, 'topic', n.topic, 'category', n.category,
           'department', d.name, 'departmentId', f."departmentId", 'headcount', n.headcount,
           'months', coalesce(n.months, '{}'), 'hoursTenths', n."hoursTenths", 'costFen', n."costFen",
           'priority', n.priority, 'delivery', n.delivery, 'targetPeople', n."targetPeople", 'outcome', n.outcome,
           'outcomeReason', n."outcomeReason", 'updatedAt', ${utc('n."updatedAt"')})
           ORDER BY d."sortOrder", n."createdAt", n.id)
         FROM "NeedItem" n
         JOIN "DepartmentNeedsForm" f ON f.id = n."formId"
         JOIN "Department" d ON d.id = f."departmentId"
        WHERE f."surveyId" = s.id AND f.status = 'SUBMITTED'), '[]') AS needs
  FROM "NeedsSurvey" s
 WHERE s.year = $1`;

/** The needs submitted in the survey of this year (by department, oldest first), shaped for linking and
 * coverage: one statement (through Prisma four). */
export async function readNeedsForYear(year: number): Promise<{ surveyId: string | null; needs: YearNeed[] }> {
  const [row] = await sql<{ surveyId: string; needs: Array<Omit<YearNeed, "updatedAt"> & { updatedAt: string }> }>(
    NEEDS_SQL,
    [year],
  );
  if (!row) return { surveyId: null, needs: [] };
  return { surveyId: row.surveyId, needs: row.needs.map((n) => ({ ...n, updatedAt: date(n.updatedAt) })) };
}
