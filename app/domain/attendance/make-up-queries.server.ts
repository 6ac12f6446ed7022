// Reads for the make-up pages: every missed session of a course a person attends, with where its make-up
// stands, filtered and paged in the database (a company of thousands: a page reads what it shows).
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { keysetPage, keysetReadOrder, keysetRequest } from "~/utils/keyset";

import type { MakeUpStanding } from "./attendance-rules";
import type { MissReason } from "./make-up-rules";
import { MAKE_UP_PAGE_SIZE, type MakeUpView } from "./make-up-views";

export type MissedRow = {
  personId: string;
  employeeNo: string;
  name: string;
  department: string;
  missedSessionId: string;
  courseId: string;
  courseTitle: string;
  category: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  why: MissReason;
  standing: Exclude<MakeUpStanding, "NONE">;
  makeUp: { sessionId: string; startsAt: Date; endsAt: Date; location: string; courseTitle: string } | null;
};

type Raw = Omit<MissedRow, "makeUp"> & {
  muSessionId: string | null;
  muStartsAt: Date | null;
  muEndsAt: Date | null;
  muLocation: string | null;
  muCourseTitle: string | null;
};

/**
 * One row per (person, missed session): an ABSENT or EXCUSED mark, or an approved leave form with no mark
 * (a mark wins, as in rosterStatus), at an ended session of a course they attend that was not called off.
 * A make-up session missed in turn re-opens the original miss instead of owing one of its own. The
 * standing is makeUpStanding (attendance-rules.ts) in SQL, so that it can be filtered and paged; the
 * make-up tests hold the two to the same answers.
 */
function missedSql(at: Date) {
  return Prisma.sql`
    WITH missed AS (
      SELECT a."sessionId", a."personId", a.mark::text AS why
        FROM "Attendance" a WHERE a.mark IN ('ABSENT', 'EXCUSED')
      UNION ALL
      SELECT l."sessionId", l."personId", 'ON_LEAVE'
        FROM "LeaveRequest" l JOIN "Approval" ap ON ap.id = l."approvalId"
       WHERE ap.state = 'APPROVED'
         AND NOT EXISTS (SELECT 1 FROM "Attendance" x
                          WHERE x."sessionId" = l."sessionId" AND x."personId" = l."personId")
    ), rows AS (
      SELECT p.id AS "personId", p."employeeNo", p.name, p.status::text AS "personStatus",
             p."departmentId", dep.name AS department,
             s.id AS "missedSessionId", c.id AS "courseId", c.title AS "courseTitle", mi.category::text AS category,
             s."startsAt", s."endsAt", s.location, m.why,
             CASE WHEN mu.id IS NULL THEN 'OWED'
                  WHEN ma.mark IN ('PRESENT', 'PRESENT_PAPER', 'LATE') THEN 'DONE'
                  WHEN ms."endsAt" <= ${at} THEN 'OWED'
                  ELSE 'ENROLLED' END AS standing,
             ms.id AS "muSessionId", ms."startsAt" AS "muStartsAt", ms."endsAt" AS "muEndsAt",
             ms.location AS "muLocation", mc.title AS "muCourseTitle"
        FROM missed m
        JOIN "CourseSession" s ON s.id = m."sessionId"
        JOIN "CourseAttendee" ca ON ca."courseId" = s."courseId" AND ca."personId" = m."personId"
        JOIN "Course" c ON c.id = s."courseId"
        JOIN "MonthlyPlanItem" mi ON mi.id = c."monthlyItemId"
        JOIN "Person" p ON p.id = m."personId"
        JOIN "Department" dep ON dep.id = p."departmentId"
        LEFT JOIN "CourseDelivery" d ON d."courseId" = c.id
        LEFT JOIN "MakeUp" mu ON mu."personId" = m."personId" AND mu."missedSessionId" = m."sessionId"
        LEFT JOIN "CourseSession" ms ON ms.id = mu."sessionId"
        LEFT JOIN "Course" mc ON mc.id = ms."courseId"
        LEFT JOIN "Attendance" ma ON ma."sessionId" = mu."sessionId" AND ma."personId" = m."personId"
       WHERE s."endsAt" <= ${at} AND (d.state IS NULL OR d.state <> 'CANCELLED')
    )`;
}

const shape = (r: Raw): MissedRow => ({
  personId: r.personId,
  employeeNo: r.employeeNo,
  name: r.name,
  department: r.department,
  missedSessionId: r.missedSessionId,
  courseId: r.courseId,
  courseTitle: r.courseTitle,
  category: r.category,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  location: r.location,
  why: r.why,
  standing: r.standing,
  makeUp: r.muSessionId
    ? {
        sessionId: r.muSessionId,
        startsAt: r.muStartsAt!,
        endsAt: r.muEndsAt!,
        location: r.muLocation!,
        courseTitle: r.muCourseTitle!,
      }
    : null,
});

const SELECT_COLUMNS = Prisma.sql`"personId", "employeeNo", name, department, "missedSessionId", "courseId",
  "courseTitle", category, "startsAt", "endsAt", location, why, standing,
  "muSessionId", "muStartsAt", "muEndsAt", "muLocation", "muCourseTitle"`;

/** A trainee's own missed sessions, newest first (a person misses few; 100 is far more than enough). */
export async function myMissedSessions(personId: string, at: Date): Promise<MissedRow[]> {
  const rows = await db.$queryRaw<Raw[]>`${missedSql(at)}
    SELECT ${SELECT_COLUMNS} FROM rows WHERE "personId" = ${personId}
     ORDER BY "endsAt" DESC, "missedSessionId" LIMIT 100`;
  return rows.map(shape);
}

/** Sessions still ahead that the trainee's approved leave excuses: a make-up is owed once they are over. */
export function myUpcomingLeave(personId: string, at: Date) {
  return db.leaveRequest.findMany({
    where: { personId, approval: { state: "APPROVED" }, session: { endsAt: { gt: at } } },
    orderBy: { session: { startsAt: "asc" } },
    take: 20,
    select: {
      session: {
        select: { id: true, startsAt: true, endsAt: true, location: true, course: { select: { title: true } } },
      },
    },
  });
}

const VIEW_WHERE: Record<MakeUpView, Prisma.Sql> = {
  owed: Prisma.sql`standing = 'OWED' AND "personStatus" <> 'LEFT'`,
  enrolled: Prisma.sql`standing = 'ENROLLED' AND "personStatus" <> 'LEFT'`,
  // New hires who missed onboarding: whatever became of it, so the training manager sees it through.
  newHires: Prisma.sql`"personStatus" = 'NEW_HIRE' AND category = 'NEW_HIRE'`,
};

/**
 * Each view's order as (rank, instant), then employee number and missed session: owed by when the missed
 * session ended, enrolled by when the make-up starts, new hires by their standing (owed, enrolled, done), then
 * when the missed session ended.
 */
const VIEW_ORDER: Record<MakeUpView, { rank: Prisma.Sql; at: Prisma.Sql }> = {
  owed: { rank: Prisma.sql`0::int`, at: Prisma.sql`"endsAt"` },
  enrolled: { rank: Prisma.sql`0::int`, at: Prisma.sql`"muStartsAt"` },
  newHires: {
    rank: Prisma.sql`(CASE standing WHEN 'OWED' THEN 0 WHEN 'ENROLLED' THEN 1 ELSE 2 END)`,
    at: Prisma.sql`"endsAt"`,
  },
};
const RANK: Record<MissedRow["standing"], number> = { OWED: 0, ENROLLED: 1, DONE: 2 };

/** A row's place in its view's order: "<rank>.<ms>.<missed session id>.<employee number>". */
type MakeUpCursor = { rank: number; at: Date; sessionId: string; employeeNo: string };
const encodeCursor = (c: MakeUpCursor) => `${c.rank}.${c.at.getTime()}.${c.sessionId}.${c.employeeNo}`;
function decodeCursor(value: string | undefined): MakeUpCursor | null {
  const match = value ? /^([0-2])\.(\d{1,15})\.([\w-]{1,40})\.([^\s]{1,40})$/.exec(value) : null;
  return match
    ? { rank: Number(match[1]), at: new Date(Number(match[2])), sessionId: match[3], employeeNo: match[4] }
    : null;
}
function cursorOf(view: MakeUpView, row: MissedRow): MakeUpCursor {
  return {
    rank: view === "newHires" ? RANK[row.standing] : 0,
    at: view === "enrolled" ? row.makeUp!.startsAt : row.endsAt,
    sessionId: row.missedSessionId,
    employeeNo: row.employeeNo,
  };
}

/**
 * The clerk's and training manager's list: one keyset page of a view (no OFFSET), filtered by departments
 * (null: all) and course, with how many rows each view holds under the same filter (the tabs' counts).
 */
export async function makeUpList(input: {
  view: MakeUpView;
  departmentIds: string[] | null;
  courseId: string | null;
  after?: string;
  before?: string;
  at: Date;
}) {
  const filters: Prisma.Sql[] = [];
  if (input.departmentIds)
    filters.push(
      input.departmentIds.length
        ? Prisma.sql`"departmentId" IN (${Prisma.join(input.departmentIds)})`
        : Prisma.sql`false`,
    );
  if (input.courseId) filters.push(Prisma.sql`"courseId" = ${input.courseId}`);
  const filter = filters.length ? Prisma.sql`AND ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const [counts] = await db.$queryRaw<Array<Record<MakeUpView, number>>>`${missedSql(input.at)}
    SELECT count(*) FILTER (WHERE ${VIEW_WHERE.owed})::int AS owed,
           count(*) FILTER (WHERE ${VIEW_WHERE.enrolled})::int AS enrolled,
           count(*) FILTER (WHERE ${VIEW_WHERE.newHires})::int AS "newHires"
      FROM rows WHERE true ${filter}`;
  const request = keysetRequest(input, decodeCursor);
  const { dir, beyond } = keysetReadOrder("asc", request);
  const { rank, at } = VIEW_ORDER[input.view];
  const op = beyond === "gt" ? Prisma.sql`>` : Prisma.sql`<`;
  const way = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const c = request.cursor;
  const key = Prisma.sql`(${rank}, ${at}, "employeeNo", "missedSessionId")`;
  const past = c ? Prisma.sql`AND ${key} ${op} (${c.rank}, ${c.at}, ${c.employeeNo}, ${c.sessionId})` : Prisma.empty;
  const fetched = await db.$queryRaw<Raw[]>`${missedSql(input.at)}
    SELECT ${SELECT_COLUMNS} FROM rows WHERE ${VIEW_WHERE[input.view]} ${filter} ${past}
     ORDER BY ${rank} ${way}, ${at} ${way}, "employeeNo" ${way}, "missedSessionId" ${way}
     LIMIT ${MAKE_UP_PAGE_SIZE + 1}`;
  const page = keysetPage(fetched.map(shape), request, MAKE_UP_PAGE_SIZE, (r) => encodeCursor(cursorOf(input.view, r)));
  return { rows: page.rows, counts, total: counts[input.view], next: page.next, previous: page.previous };
}

/** The courses that have a missed session someone still owes or is making up, for the course filter. */
export async function makeUpCourses(at: Date) {
  return db.$queryRaw<Array<{ id: string; title: string }>>`${missedSql(at)}
    SELECT DISTINCT "courseId" AS id, "courseTitle" AS title FROM rows
     WHERE standing <> 'DONE' OR category = 'NEW_HIRE' ORDER BY title LIMIT 200`;
}

/** One missed session of one person as the lists show it (inside the accepting transaction); null if none. */
export async function missedSessionOf(
  client: Tx | typeof db,
  input: { personId: string; missedSessionId: string },
  at: Date,
): Promise<MissedRow | null> {
  const rows = await client.$queryRaw<Raw[]>`${missedSql(at)}
    SELECT ${SELECT_COLUMNS} FROM rows
     WHERE "personId" = ${input.personId} AND "missedSessionId" = ${input.missedSessionId}`;
  return rows[0] ? shape(rows[0]) : null;
}
