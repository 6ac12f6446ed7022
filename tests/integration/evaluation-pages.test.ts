// /evaluations sums the scores in the database and pages the year's courses by keyset (session 14): the new
// read gives the same figures as the old one (every course of the year loaded with every answer, summed and
// paged in node, kept below as it was) on the demo company plus generated courses and answers; the course
// list pages by PAGE_SIZE, newest first by the first session, ids breaking ties, with no repeats or gaps,
// back paging, the lecturer's scope, and a bad cursor as the first page. docs/lists-audit.md.
import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import { lecturerNameOf, PAGE_SIZE, responseRate, summarize } from "~/domain/evaluation/evaluation-rules";
import { evaluationYears, yearResults, type Reader } from "~/domain/evaluation/results-queries.server";
import { courseDates, courseSelect } from "~/domain/evaluation/survey-queries.server";
import { loader } from "~/routes/_app.evaluations._index";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";
import { DEMO_ZONE } from "../../prisma/seed/demo-calendar";
import { byLecturer, byNewest } from "../support/evaluation-oracle";

import { join, loaderReader, walk } from "./list-pages-support";
import { DEMO_AT, demoCompanyBeforeEachTest, personId } from "./support";

demoCompanyBeforeEachTest();

const DAY = 86_400_000;
const LAST_YEAR = companyDate(DEMO_AT, DEMO_ZONE).year - 1;
const THIS_YEAR = LAST_YEAR + 1;
const inYear = (year: number, month: number, day: number, hour = 9) =>
  new Date(new TZDate(year, month - 1, day, hour, 0, 0, 0, DEMO_ZONE).getTime());

type Row = { courseId: string; startsAt: string | Date | null };
type Body = { courses: Row[]; next: string | null; previous: string | null; totals: { courses: number } };
const read = loaderReader<Body>(loader, "/evaluations");
const ids = (b: Body) => b.courses.map((c) => c.courseId);
const cursors = (b: Body) => ({ next: b.next, previous: b.previous });

/** The read before session 14, as it was: every course of the year with every answer, summed and paged in node. */
async function oldYearResults(reader: Reader, year: number) {
  const from = new Date(new TZDate(year, 0, 1, 0, 0, 0, 0, DEMO_ZONE).getTime());
  const to = new Date(new TZDate(year + 1, 0, 1, 0, 0, 0, 0, DEMO_ZONE).getTime());
  const found = await db.course.findMany({
    where: {
      ...(reader.scope === "any" ? {} : { lecturerId: reader.personId }),
      surveyInvites: { some: {} },
      sessions: { some: { startsAt: { gte: from, lt: to } } },
    },
    select: {
      ...courseSelect,
      _count: { select: { surveyInvites: true } },
      evaluations: {
        select: { courseScore: true, lecturerScore: true, venueScore: true, usefulnessScore: true, lecturerName: true },
      },
    },
  });
  const courses = byNewest(
    found
      .map((c) => ({ c, dates: courseDates(c.sessions) }))
      .filter(({ dates }) => dates.startsAt && dates.startsAt >= from && dates.startsAt < to)
      .map(({ c, dates }) => {
        const summary = summarize(c.evaluations);
        return {
          courseId: c.id,
          title: c.title,
          ...dates,
          lecturerName: c.evaluations[0]?.lecturerName ?? lecturerNameOf(c),
          invited: c._count.surveyInvites,
          answered: summary.responses,
          rate: responseRate(summary.responses, c._count.surveyInvites),
          ...summary,
          rows: c.evaluations,
        };
      }),
  );
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
    courses: courses.map(({ rows: _rows, ...c }) => c),
    lecturers: byLecturer(
      courses,
      courses.flatMap((c) => c.rows.map((r) => ({ ...r, courseId: c.courseId }))),
    ),
  };
}

/** The years offered before session 14: every course with invitations read, its first session's year in node. */
async function oldEvaluationYears(reader: Reader) {
  const courses = await db.course.findMany({
    where: { ...(reader.scope === "any" ? {} : { lecturerId: reader.personId }), surveyInvites: { some: {} } },
    select: { sessions: { select: { startsAt: true }, orderBy: { startsAt: "asc" }, take: 1 } },
  });
  const years = new Set<number>();
  for (const c of courses) {
    const first = c.sessions[0]?.startsAt;
    if (first) years.add(new TZDate(first.getTime(), DEMO_ZONE).getFullYear());
  }
  return [...years].sort((a, b) => b - a);
}

/** Every page of the new read, forwards. */
async function newYearResults(reader: Reader, year: number) {
  const first = await yearResults(reader, { year, timeZone: DEMO_ZONE });
  const courses = [...first.courses];
  for (let page = first; page.next;) {
    page = await yearResults(reader, { year, timeZone: DEMO_ZONE, after: page.next });
    expect(page.courses.length).toBeLessThanOrEqual(PAGE_SIZE);
    courses.push(...page.courses);
  }
  return { ...first, courses };
}

/**
 * 47 more courses in the year before the demo's, taught by T0003 (most), T0001 or an external trainer; several
 * share their first session's start (ties); each invites some of 40 agents and most get answers with scores
 * that vary. Also a course over New Year (its year is the one it began in) and one whose first session is
 * in the year before, a later one in the year (not the year's).
 */
async function growEvaluations() {
  const who = await db.person.findMany({
    where: { employeeNo: { in: ["T0001", "T0002", "T0003"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const person = (no: string) => who.find((p) => p.employeeNo === no)!;
  const agents = await db.person.findMany({
    where: { employeeNo: { startsWith: "C" } },
    orderBy: { employeeNo: "asc" },
    take: 40,
    select: { id: true },
  });
  const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } });
  const plan = Array.from({ length: 47 }, (_, k) => ({
    title: `评估翻页测试 ${k}`,
    // Every third course starts with the one before it: ties on the first session.
    first: inYear(LAST_YEAR, 1 + (Math.floor(k / 3) % 12), 1 + (Math.floor(k / 3) % 27), 9),
    lecturer: k % 4 === 0 ? null : k % 4 === 3 ? person("T0001") : person("T0003"),
  }));
  plan.push(
    { title: "跨年课程", first: inYear(LAST_YEAR - 1, 12, 31, 14), lecturer: person("T0003") },
    { title: "上年开始", first: inYear(LAST_YEAR - 1, 11, 30, 9), lecturer: person("T0001") },
  );
  for (const [k, c] of plan.entries()) {
    const second = k === plan.length - 2 ? new Date(c.first.getTime() + DAY) : inYear(LAST_YEAR, 3, 1);
    const sessions = [c.first, k >= plan.length - 2 ? second : new Date(c.first.getTime() + 2 * DAY)].map((s) => ({
      startsAt: s,
      endsAt: new Date(s.getTime() + 2 * 3_600_000),
      location: "培训室 A301",
    }));
    const course = await db.$transaction((tx) =>
      makeApprovedCourse(tx, {
        monthlyItemId: item.id,
        title: c.title,
        lecturerId: c.lecturer?.id ?? null,
        external: c.lecturer ? null : { name: k % 2 ? "吴敏" : "", org: "某培训机构", contact: "", feeFen: 0 },
        attendeeIds: [],
        sessions,
        clerk: person("T0002"),
        manager: person("T0001"),
        submittedAt: new Date(c.first.getTime() - 10 * DAY),
        approvedAt: new Date(c.first.getTime() - 9 * DAY),
      }),
    );
    const invited = agents.filter((_, j) => (j * 7 + k * 3) % 5 !== 0).slice(0, 5 + (k % 30));
    const invitedAt = new Date(c.first.getTime() + 3 * DAY);
    await db.courseSurveyInvite.createMany({
      data: invited.map((p) => ({ courseId: course.id, personId: p.id, invitedAt })),
    });
    // Every fifth course has no answers yet.
    const answering = k % 5 === 4 ? [] : invited.filter((_, j) => (j + k) % 4 !== 0);
    const lecturerName = c.lecturer?.name ?? (k % 2 ? "吴敏" : "某培训机构");
    await db.courseEvaluation.createMany({
      data: answering.map((p, j) => ({
        courseId: course.id,
        personId: p.id,
        lecturerName,
        courseScore: 1 + ((j * 3 + k) % 5),
        lecturerScore: 1 + ((j * 7 + k * 2) % 5),
        venueScore: 1 + ((j + k * 5) % 5),
        usefulnessScore: 5 - ((j * 2 + k) % 3),
        comment: "",
        submittedAt: new Date(invitedAt.getTime() + (j + 1) * 60_000),
      })),
    });
  }
}

describe("the year's evaluation results, summed in the database", () => {
  it("give the figures of the old read: years, totals, courses, lecturers (all, and a lecturer's own)", async () => {
    await growEvaluations();
    const readers: Reader[] = [
      { personId: await personId("T0001"), scope: "any" },
      { personId: await personId("T0003"), scope: "own" },
    ];
    for (const reader of readers) {
      const years = await oldEvaluationYears(reader);
      expect(years.length).toBeGreaterThanOrEqual(2);
      expect(await evaluationYears(reader, DEMO_ZONE), reader.scope).toEqual(years);
    }
    let compared = 0;
    for (const year of [LAST_YEAR - 1, LAST_YEAR, THIS_YEAR])
      for (const reader of readers) {
        const [old, fresh] = await Promise.all([oldYearResults(reader, year), newYearResults(reader, year)]);
        expect(fresh.totals, `${year} ${reader.scope}`).toEqual(old.totals);
        expect(fresh.lecturers, `${year} ${reader.scope}`).toEqual(old.lecturers);
        const byId = (a: { courseId: string }, b: { courseId: string }) => (a.courseId < b.courseId ? -1 : 1);
        expect([...fresh.courses].sort(byId), `${year} ${reader.scope}`).toEqual([...old.courses].sort(byId));
        compared += old.courses.length;
      }
    // The comparison is over real figures: the grown year has its 48 courses (with answers), the demo's its own.
    const grown = await oldYearResults(readers[0], LAST_YEAR);
    expect(grown.totals.courses).toBeGreaterThanOrEqual(48);
    expect(grown.totals.answered).toBeGreaterThan(300);
    expect(grown.lecturers.length).toBeGreaterThanOrEqual(4);
    expect((await oldYearResults(readers[0], THIS_YEAR)).totals.answered).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(60);
  });

  it("page the courses newest first (ids breaking ties), each once, back alike; scope, stray cursors", async () => {
    await growEvaluations();
    const query = `?year=${LAST_YEAR}`;
    const pages = await walk(read, "T0001", query, cursors, ids);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(PAGE_SIZE);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);

    // Every course of the year, in order: the first session's start descending, then the id descending.
    const expected = (await oldYearResults({ personId: "", scope: "any" }, LAST_YEAR)).courses
      .map((c) => ({ id: c.courseId, at: c.startsAt!.getTime() }))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((c) => c.id);
    expect(seen).toEqual(expected);
    expect((await read("T0001", query)).totals.courses).toBe(expected.length);
    // Ties exist and are split by id within the walk.
    const starts = (await db.courseSession.groupBy({ by: ["courseId"], _min: { startsAt: true } })).filter((s) =>
      expected.includes(s.courseId),
    );
    expect(new Set(starts.map((s) => s._min.startsAt!.getTime())).size).toBeLessThan(expected.length);

    // A lecturer pages only their own courses.
    const t0003 = await personId("T0003");
    const own = (await walk(read, "T0003", query, cursors, ids)).flat();
    const lecturers = await db.course.findMany({ where: { id: { in: own } }, select: { lecturerId: true } });
    expect(own.length).toBeGreaterThan(PAGE_SIZE);
    expect(new Set(lecturers.map((c) => c.lecturerId))).toEqual(new Set([t0003]));
    expect(own).toEqual(seen.filter((id) => own.includes(id)));

    // A cursor that does not decode, or one past the end, is harmless: the first page, or an empty one.
    const first = await read("T0001", query);
    for (const bad of ["x", "12.", "999999999999999999.a", "1.%20", "-5.abc"])
      expect(ids(await read("T0001", join(query, `after=${encodeURIComponent(bad)}`))), bad).toEqual(ids(first));
    expect(ids(await read("T0001", join(query, `before=nonsense`)))).toEqual(ids(first));
  });
});
