// The results the training department, the leaders and each lecturer read: per course and per lecturer
// for a year, and one course in detail. Only figures and unsigned comments leave this file: who answered
// what is never read out.
import { TZDate } from "@date-fns/tz";

import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { Scope } from "~/utils/permissions";

import {
  byLecturer,
  byNewest,
  distribution,
  lecturerNameOf,
  PAGE_SIZE,
  pageOf,
  QUESTIONS,
  responseRate,
  summarize,
  type EvaluationRow,
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
  const courses = await db.course.findMany({
    where: { ...readable(reader), surveyInvites: { some: {} } },
    select: { sessions: { select: { startsAt: true }, orderBy: { startsAt: "asc" }, take: 1 } },
  });
  const years = new Set<number>();
  for (const c of courses) {
    const first = c.sessions[0]?.startsAt;
    if (first) years.add(new TZDate(first.getTime(), timeZone).getFullYear());
  }
  return [...years].sort((a, b) => b - a);
}

/**
 * A year's results: every course that asked for evaluations and whose first session falls in the year
 * (one page of them, newest first), and every lecturer of those courses.
 */
export async function yearResults(reader: Reader, input: { year: number; page: number; timeZone: string }) {
  const { from, to } = yearBounds(input.year, input.timeZone);
  const found = await db.course.findMany({
    where: {
      ...readable(reader),
      surveyInvites: { some: {} },
      sessions: { some: { startsAt: { gte: from, lt: to } } },
    },
    select: {
      ...courseSelect,
      _count: { select: { surveyInvites: true } },
      evaluations: { select: { ...scoreSelect, lecturerName: true } },
    },
  });
  const courses = byNewest(
    found
      .map((c) => ({ c, dates: courseDates(c.sessions) }))
      // A course running over New Year belongs to the year it began in.
      .filter(({ dates }) => dates.startsAt && dates.startsAt >= from && dates.startsAt < to)
      .map(({ c, dates }) => {
        const summary = summarize(c.evaluations);
        return {
          courseId: c.id,
          title: c.title,
          ...dates,
          // The lecturer the answers were about; the course's present one until somebody answers.
          lecturerName: c.evaluations[0]?.lecturerName ?? lecturerNameOf(c),
          invited: c._count.surveyInvites,
          answered: summary.responses,
          rate: responseRate(summary.responses, c._count.surveyInvites),
          ...summary,
          rows: c.evaluations,
        };
      }),
  );
  const lecturers = byLecturer(
    courses,
    courses.flatMap((c) => c.rows.map((r) => ({ ...r, courseId: c.courseId }))),
  );
  const { page, pages } = pageOf(input.page, courses.length);
  const invited = courses.reduce((n, c) => n + c.invited, 0);
  const answered = courses.reduce((n, c) => n + c.answered, 0);
  return {
    totals: {
      courses: courses.length,
      invited,
      answered,
      rate: responseRate(answered, invited),
      ...summarize(courses.flatMap((c) => c.rows)),
    },
    courses: courses.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ rows: _rows, ...c }) => c),
    lecturers,
    page,
    pages,
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
