// A course with everything its page, its budget and its clashes need, in one plain-SQL statement (see
// docs/conventions.md): through Prisma's include each relation was a statement of its own (the approval, the
// lecturer, the monthly item, its plan and annual item, the sessions, the attendees, their people and
// departments, the materials: 10 per view of a course). Same shape as that include.
// Timestamps: `timestamp` columns (createdAt, updatedAt, uploadedAt) are written by Prisma in UTC and read
// `AT TIME ZONE 'UTC'`; inside JSON every timestamp arrives as ISO text and is turned back into a Date here.
import type { Approval, Course, CourseSession, MonthlyPlanItem } from "~/generated/prisma/client";
import type { PersonStatus } from "~/generated/prisma/enums";
import { sql } from "~/utils/sql.server";

export type CourseAttendeeRow = {
  courseId: string;
  personId: string;
  batch: number;
  person: {
    id: string;
    employeeNo: string;
    name: string;
    post: string;
    status: PersonStatus;
    departmentId: string;
    department: { name: string };
  };
};

export type CourseWithParts = Course & {
  approval: Approval;
  lecturer: { id: string; name: string; employeeNo: string; post: string } | null;
  monthlyItem: MonthlyPlanItem & {
    plan: { id: string; year: number; month: number; title: string };
    planItem: { id: string; title: string; budgetFen: number } | null;
  };
  sessions: CourseSession[];
  attendees: CourseAttendeeRow[];
  materials: Array<{ id: string; fileName: string; sizeBytes: number; uploadedAt: Date }>;
};

type Stamped = { createdAt: string; updatedAt: string };
type Row = Course & {
  approval: Omit<Approval, "createdAt" | "updatedAt"> & Stamped;
  lecturer: CourseWithParts["lecturer"];
  monthlyItem: Omit<CourseWithParts["monthlyItem"], "createdAt" | "updatedAt"> & Stamped;
  sessions: Array<Omit<CourseSession, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string }>;
  attendees: CourseAttendeeRow[];
  materials: Array<Omit<CourseWithParts["materials"][number], "uploadedAt"> & { uploadedAt: string }>;
};

const utc = (column: string) => `${column} AT TIME ZONE 'UTC'`;

const COURSE_SQL = `
SELECT c.id, c."monthlyItemId", c.title, c.capacity, c.outline, c."lecturerKind"::text AS "lecturerKind",
       c."lecturerId", c."externalLecturer", c."externalOrg", c."externalContact", c."lecturerFeeFen",
       c."venueFeeFen", c."materialsFeeFen", c."externalFeeFen", c."otherFeeFen", c."approvalId", c."createdById",
       ${utc('c."createdAt"')} AS "createdAt", ${utc('c."updatedAt"')} AS "updatedAt", c."quizId", c."trainerId",
       c."batchCount",
       json_build_object('id', a.id, 'subjectType', a."subjectType", 'state', a.state, 'revision', a.revision,
         'submittedById', a."submittedById", 'createdAt', ${utc('a."createdAt"')},
         'updatedAt', ${utc('a."updatedAt"')}) AS approval,
       CASE WHEN l.id IS NULL THEN NULL
         ELSE json_build_object('id', l.id, 'name', l.name, 'employeeNo', l."employeeNo", 'post', l.post) END
         AS lecturer,
       json_build_object('id', mi.id, 'planId', mi."planId", 'planItemId', mi."planItemId", 'title', mi.title,
         'category', mi.category, 'targetPeople', mi."targetPeople", 'headcount', mi.headcount,
         'sessions', mi.sessions, 'budgetFen', mi."budgetFen", 'unplannedReason', mi."unplannedReason",
         'createdAt', ${utc('mi."createdAt"')}, 'updatedAt', ${utc('mi."updatedAt"')},
         'plan', json_build_object('id', mp.id, 'year', mp.year, 'month', mp.month, 'title', mp.title),
         'planItem', CASE WHEN pi.id IS NULL THEN NULL
           ELSE json_build_object('id', pi.id, 'title', pi.title, 'budgetFen', pi."budgetFen") END) AS "monthlyItem",
       coalesce((SELECT json_agg(json_build_object('id', s.id, 'courseId', s."courseId", 'startsAt', s."startsAt",
           'endsAt', s."endsAt", 'location', s.location, 'sequence', s.sequence, 'roomId', s."roomId",
           'batch', s.batch) ORDER BY s."startsAt", s.id)
         FROM "CourseSession" s WHERE s."courseId" = c.id), '[]') AS sessions,
       coalesce((SELECT json_agg(json_build_object('courseId', ca."courseId", 'personId', ca."personId",
           'batch', ca.batch, 'person', json_build_object('id', p.id, 'employeeNo', p."employeeNo", 'name', p.name,
             'post', p.post, 'status', p.status, 'departmentId', p."departmentId",
             'department', json_build_object('name', d.name))) ORDER BY ca."personId")
         FROM "CourseAttendee" ca JOIN "Person" p ON p.id = ca."personId" JOIN "Department" d ON d.id = p."departmentId"
         WHERE ca."courseId" = c.id), '[]') AS attendees,
       coalesce((SELECT json_agg(json_build_object('id', m.id, 'fileName', m."fileName", 'sizeBytes', m."sizeBytes",
           'uploadedAt', ${utc('m."uploadedAt"')}) ORDER BY m."uploadedAt", m.id)
         FROM "CourseMaterial" m WHERE m."courseId" = c.id), '[]') AS materials
  FROM "Course" c
  JOIN "Approval" a ON a.id = c."approvalId"
  JOIN "MonthlyPlanItem" mi ON mi.id = c."monthlyItemId"
  JOIN "MonthlyPlan" mp ON mp.id = mi."planId"
  LEFT JOIN "PlanItem" pi ON pi.id = mi."planItemId"
  LEFT JOIN "Person" l ON l.id = c."lecturerId"
 WHERE c.id = $1`;

const date = (iso: string) => new Date(iso);

/** The course with its parts, or null when there is none with this id. */
export async function readCourseWithParts(courseId: string): Promise<CourseWithParts | null> {
  const [row] = await sql<Row>(COURSE_SQL, [courseId]);
  if (!row) return null;
  const { approval, monthlyItem, sessions, materials } = row;
  return {
    ...row,
    approval: { ...approval, createdAt: date(approval.createdAt), updatedAt: date(approval.updatedAt) },
    monthlyItem: { ...monthlyItem, createdAt: date(monthlyItem.createdAt), updatedAt: date(monthlyItem.updatedAt) },
    sessions: sessions.map((s) => ({ ...s, startsAt: date(s.startsAt), endsAt: date(s.endsAt) })),
    materials: materials.map((m) => ({ ...m, uploadedAt: date(m.uploadedAt) })),
  };
}

export type ClashingCourse = {
  id: string;
  title: string;
  capacity: number;
  lecturerId: string | null;
  attendees: Array<{ personId: string; batch: number }>;
  sessions: Array<{ id: string; startsAt: Date; endsAt: Date; location: string; roomId: string | null; batch: number }>;
};

/** The other courses with a session overlapping one of these sessions, each with all its sessions and attendees:
 * one statement (through Prisma three). */
export async function readClashingCourses(
  courseId: string,
  sessions: Array<{ startsAt: Date; endsAt: Date }>,
): Promise<ClashingCourse[]> {
  if (sessions.length === 0) return [];
  const rows = await sql<Omit<ClashingCourse, "sessions"> & { sessions: Array<Record<string, unknown>> }>(
    `SELECT c.id, c.title, c.capacity, c."lecturerId",
            coalesce((SELECT json_agg(json_build_object('personId', ca."personId", 'batch', ca.batch))
                        FROM "CourseAttendee" ca WHERE ca."courseId" = c.id), '[]') AS attendees,
            coalesce((SELECT json_agg(json_build_object('id', s.id, 'startsAt', s."startsAt", 'endsAt', s."endsAt",
                        'location', s.location, 'roomId', s."roomId", 'batch', s.batch))
                        FROM "CourseSession" s WHERE s."courseId" = c.id), '[]') AS sessions
       FROM "Course" c
      WHERE c.id <> $1
        AND c.id IN (SELECT o."courseId" FROM "CourseSession" o
                       JOIN unnest($2::timestamptz[], $3::timestamptz[]) AS w("startsAt", "endsAt")
                         ON o."startsAt" < w."endsAt" AND o."endsAt" > w."startsAt")
      ORDER BY c.id`,
    [courseId, sessions.map((s) => s.startsAt), sessions.map((s) => s.endsAt)],
  );
  return rows.map((r) => ({
    ...r,
    sessions: r.sessions.map((s) => ({
      ...(s as Omit<ClashingCourse["sessions"][number], "startsAt" | "endsAt">),
      startsAt: date(s.startsAt as string),
      endsAt: date(s.endsAt as string),
    })),
  }));
}
