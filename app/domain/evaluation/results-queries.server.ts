// The results the training department, the leaders and each lecturer read: per course and per lecturer
// for a year, and one course in detail. Only figures and unsigned comments leave this file: who answered
// what is never read out.
import { TZDate } from "@date-fns/tz";

import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import {
  decodeInstantIdCursor,
  encodeInstantIdCursor,
  keysetPage,
  keysetReadOrder,
  keysetRequest,
} from "~/utils/keyset";
import type { Scope } from "~/utils/permissions";

import {
  addScores,
  distribution,
  lecturerNameOf,
  lecturersOfSums,
  NO_SCORES,
  PAGE_SIZE,
  QUESTIONS,
  responseRate,
  summarize,
  summaryOfSums,
  type EvaluationRow,
  type ScoreSums,
} from "./evaluation-rules";
import { courseDates, courseSelect } from "./survey-queries.server";

/** Who reads: a lecturer (scope "own") only the courses they teach, the others every course. */
export type Reader = { personId: string; scope: Scope };

const scoreSelect = { courseScore: true, lecturerScore: true, venueScore: true, usefulnessScore: true } as const;

function readable(reader: Reader): Prisma.CourseWhereInput {
  return reader.scope === "any" ? {} : { lecturerId: reader.personId };
}

/** The company's year as instants: its first moment and the first moment of the next. */
function yearBounds(year: number, timeZone: string) {
  return {
    from: new Date(new TZDate(year, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
    to: new Date(new TZDate(year + 1, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
  };
}

/** The years in which a course the reader may see asked for evaluations (by its first session), newest first. */
export async function evaluationYears(reader: Reader, timeZone: string): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ year: number }>>`
    SELECT DISTINCT extract(year FROM f.first AT TIME ZONE ${timeZone})::int AS year
      FROM (SELECT min(s."startsAt") AS first
              FROM "Course" c JOIN "CourseSession" s ON s."courseId" = c.id
             WHERE ${readableSql(reader)} AND EXISTS (SELECT 1 FROM "CourseSurveyInvite" i WHERE i."courseId" = c.id)
             GROUP BY c.id) f
     ORDER BY year DESC`;
  return rows.map((r) => r.year);
}

const readableSql = (reader: Reader) =>
  reader.scope === "any" ? Prisma.sql`true` : Prisma.sql`c."lecturerId" = ${reader.personId}`;

/** The year's courses as the results count them: a course the reader may see, that asked for evaluations,
 * whose first session falls in the year (a course running over New Year belongs to the year it began in);
 * with its dates, invitations and its answers' sums. The lecturer is the one the answers were about (the
 * earliest answer's), the course's present one until somebody answers. `pick` chooses among the courses
 * (WHERE/ORDER BY/LIMIT) before their answers are summed, so a page sums only its own courses' answers. */
function yearCoursesSql(reader: Reader, from: Date, to: Date, pick: Prisma.Sql = Prisma.empty) {
  return Prisma.sql`WITH courses AS (
    SELECT c.id, c.title, min(s."startsAt") AS "startsAt", max(s."endsAt") AS "endsAt",
           CASE WHEN c."lecturerKind" = 'INTERNAL' THEN coalesce(max(p.name), '')
                ELSE coalesce(nullif(c."externalLecturer", ''), nullif(c."externalOrg", ''), '') END AS lecturer
      FROM "Course" c
      JOIN "CourseSession" s ON s."courseId" = c.id
      LEFT JOIN "Person" p ON p.id = c."lecturerId"
     WHERE ${readableSql(reader)}
       AND EXISTS (SELECT 1 FROM "CourseSurveyInvite" i WHERE i."courseId" = c.id)
       AND EXISTS (SELECT 1 FROM "CourseSession" y
                    WHERE y."courseId" = c.id AND y."startsAt" >= ${from} AND y."startsAt" < ${to})
     GROUP BY c.id
    HAVING min(s."startsAt") >= ${from} AND min(s."startsAt") < ${to}
  ), picked AS (SELECT * FROM courses ${pick}
  ), figures AS (
    SELECT k.id, k.title, k."startsAt", k."endsAt", coalesce(e.named, k.lecturer) AS "lecturerName",
           (SELECT count(*)::int FROM "CourseSurveyInvite" i WHERE i."courseId" = k.id) AS invited,
           e.responses, e."courseScore", e."lecturerScore", e."venueScore", e."usefulnessScore"
      FROM picked k
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS responses,
               coalesce(sum(v."courseScore"), 0)::int AS "courseScore",
               coalesce(sum(v."lecturerScore"), 0)::int AS "lecturerScore",
               coalesce(sum(v."venueScore"), 0)::int AS "venueScore",
               coalesce(sum(v."usefulnessScore"), 0)::int AS "usefulnessScore",
               (array_agg(v."lecturerName" ORDER BY v."submittedAt", v.id))[1] AS named
          FROM "CourseEvaluation" v WHERE v."courseId" = k.id) e
  )`;
}

type CourseFiguresRow = ScoreSums & {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  lecturerName: string;
  invited: number;
};
type LecturerFiguresRow = ScoreSums & { lecturerName: string; courses: number; invited: number };

/** Which page of the year's courses: `after`/`before` cursors (a bad one is the first page). */
export type ResultsPageQuery = { after?: string; before?: string };

/**
 * A year's results: one keyset page of its courses, newest first by their first session (ids breaking
 * ties), and every lecturer of the year's courses and the year's totals, summed in the database.
 */
export async function yearResults(reader: Reader, input: { year: number; timeZone: string } & ResultsPageQuery) {
  const { from, to } = yearBounds(input.year, input.timeZone);
  const request = keysetRequest(input, decodeInstantIdCursor);
  const { dir, beyond } = keysetReadOrder("desc", request);
  const way = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const op = beyond === "gt" ? Prisma.sql`>` : Prisma.sql`<`;
  const c = request.cursor;
  const past = c ? Prisma.sql`WHERE ("startsAt", id) ${op} (${c.at}, ${c.id})` : Prisma.empty;
  const order = Prisma.sql`ORDER BY "startsAt" ${way}, id ${way}`;
  const pick = Prisma.sql`${past} ${order} LIMIT ${PAGE_SIZE + 1}`;
  const [fetched, groups] = await Promise.all([
    db.$queryRaw<CourseFiguresRow[]>`${yearCoursesSql(reader, from, to, pick)} SELECT * FROM figures ${order}`,
    db.$queryRaw<LecturerFiguresRow[]>`${yearCoursesSql(reader, from, to)}
      SELECT "lecturerName", count(*)::int AS courses, sum(invited)::int AS invited,
             sum(responses)::int AS responses, sum("courseScore")::int AS "courseScore",
             sum("lecturerScore")::int AS "lecturerScore", sum("venueScore")::int AS "venueScore",
             sum("usefulnessScore")::int AS "usefulnessScore"
        FROM figures GROUP BY "lecturerName"`,
  ]);
  const page = keysetPage(fetched, request, PAGE_SIZE, (r) => encodeInstantIdCursor({ at: r.startsAt, id: r.id }));
  const all = groups.reduce((sum, g) => addScores(sum, g), NO_SCORES);
  const invited = groups.reduce((n, g) => n + g.invited, 0);
  return {
    totals: {
      courses: groups.reduce((n, g) => n + g.courses, 0),
      invited,
      answered: all.responses,
      rate: responseRate(all.responses, invited),
      ...summaryOfSums(all),
    },
    courses: page.rows.map((r) => ({
      courseId: r.id,
      title: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      lecturerName: r.lecturerName,
      invited: r.invited,
      answered: r.responses,
      rate: responseRate(r.responses, r.invited),
      ...summaryOfSums(r),
    })),
    lecturers: lecturersOfSums(groups),
    next: page.next,
    previous: page.previous,
  };
}

/** One course's results: figures, the spread of each rating and the comments, unsigned; null when out of reach. */
export async function courseResults(reader: Reader, courseId: string) {
  const course = await db.course.findFirst({
    where: { id: courseId, ...readable(reader) },
    select: { ...courseSelect, _count: { select: { surveyInvites: true } } },
  });
  if (!course) return null;
  const rows: Array<EvaluationRow & { comment: string; lecturerName: string }> = await db.courseEvaluation.findMany({
    where: { courseId },
    select: { ...scoreSelect, comment: true, lecturerName: true },
  });
  const summary = summarize(rows);
  return {
    course: {
      id: course.id,
      title: course.title,
      lecturerName: rows[0]?.lecturerName ?? lecturerNameOf(course),
      ...courseDates(course.sessions),
    },
    invited: course._count.surveyInvites,
    rate: responseRate(summary.responses, course._count.surveyInvites),
    ...summary,
    distributions: Object.fromEntries(QUESTIONS.map((q) => [q, distribution(rows, q)])) as Record<
      (typeof QUESTIONS)[number],
      number[]
    >,
    // In an order that says nothing about who wrote them or when.
    comments: rows
      .map((r) => r.comment.trim())
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b, "zh-CN")),
  };
}
