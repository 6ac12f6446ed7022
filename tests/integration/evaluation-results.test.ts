// The results pages: per course and per lecturer for a year, with the response rate, checked against
// figures computed here from the raw rows; a lecturer reads only the courses they teach; one course in
// detail shows the spread of each rating and the comments without names.
import { TZDate } from "@date-fns/tz";
import { beforeEach, describe, expect, it } from "vitest";

import { action as answer } from "~/routes/_app.course-surveys.$courseId";
import { loader as detailLoader } from "~/routes/_app.evaluations.$courseId";
import { loader as resultsLoader } from "~/routes/_app.evaluations._index";
import { now } from "~/utils/clock.server";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { DEMO_ZONE } from "../../prisma/seed/demo-calendar";

import { answerForm, surveyedCourse } from "./evaluation-fixture";
import {
  cookieFor,
  DEMO_AT,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const ctx = { context: { cspNonce: "" } };
const QUESTIONS = ["courseScore", "lecturerScore", "venueScore", "usefulnessScore"] as const;

// A year wholly in the past on any day the suite runs: the one before the demo's.
const LAST_YEAR = companyDate(DEMO_AT, DEMO_ZONE).year - 1;
const inLastYear = (month: number, day: number) =>
  new Date(new TZDate(LAST_YEAR, month - 1, day, 9, 0, 0, 0, DEMO_ZONE).getTime());

type CourseBody = {
  courseId: string;
  title: string;
  lecturerName: string;
  invited: number;
  answered: number;
  rate: number | null;
  averages: Record<string, number | null>;
  overall: number | null;
};
type ResultsBody = {
  year: number;
  years: number[];
  ownOnly: boolean;
  totals: { courses: number; invited: number; answered: number; rate: number | null; overall: number | null };
  courses: CourseBody[];
  lecturers: Array<{ lecturerName: string; courses: number; responses: number; overall: number | null }>;
  next: string | null;
  previous: string | null;
};

async function results(employeeNo: string, query = "") {
  const request = requestAs(await cookieFor(employeeNo), `/evaluations${query}`);
  return outcome(async () => resultsLoader({ request, params: {}, ...ctx }));
}

/** Every course of a year, over all the pages. */
async function allCourses(employeeNo: string, year: number) {
  const first = (await results(employeeNo, `?year=${year}`)).body as ResultsBody;
  const courses = [...first.courses];
  for (let at = first; at.next;) {
    at = (await results(employeeNo, `?year=${year}&after=${encodeURIComponent(at.next)}`)).body as ResultsBody;
    courses.push(...at.courses);
  }
  return { first, courses };
}

async function detail(employeeNo: string, courseId: string) {
  const request = requestAs(await cookieFor(employeeNo), `/evaluations/${courseId}`);
  return outcome(async () => detailLoader({ request, params: { courseId }, ...ctx }));
}

async function rate(employeeNo: string, courseId: string, scores: [number, number, number, number], comment = "") {
  const request = requestAs(await cookieFor(employeeNo), `/course-surveys/${courseId}`, {
    form: answerForm(scores, comment),
  });
  const sent = await outcome(async () => answer({ request, params: { courseId }, ...ctx }));
  expect(sent.status).toBe(302);
}

// The figures as a reader would work them out by hand: mean to one decimal, rate to a whole percent.
const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10 + 1e-9) / 10 : null;
const percent = (a: number, n: number) => (n ? Math.round((a / n) * 100 + 1e-9) : null);

/** The year's expected figures per course, from the invitation and evaluation rows themselves. */
async function expectedFor(year: number) {
  const from = new TZDate(year, 0, 1, 0, 0, 0, 0, DEMO_ZONE);
  const to = new TZDate(year + 1, 0, 1, 0, 0, 0, 0, DEMO_ZONE);
  const sessions = await db.courseSession.findMany({ select: { courseId: true, startsAt: true } });
  const firstStart = new Map<string, Date>();
  for (const s of sessions)
    if (!firstStart.has(s.courseId) || s.startsAt < firstStart.get(s.courseId)!) firstStart.set(s.courseId, s.startsAt);
  const invites = await db.courseSurveyInvite.findMany({ select: { courseId: true } });
  const evaluations = await db.courseEvaluation.findMany();
  const courseIds = [...new Set(invites.map((i) => i.courseId))].filter((id) => {
    const start = firstStart.get(id);
    return start && start >= from && start < to;
  });
  return new Map(
    courseIds.map((id) => {
      const rows = evaluations.filter((e) => e.courseId === id);
      const invited = invites.filter((i) => i.courseId === id).length;
      return [
        id,
        {
          invited,
          answered: rows.length,
          rate: percent(rows.length, invited),
          averages: Object.fromEntries(QUESTIONS.map((q) => [q, mean(rows.map((r) => r[q]))])),
          overall: mean(rows.flatMap((r) => QUESTIONS.map((q) => r[q]))),
          rows,
        },
      ];
    }),
  );
}

let internal: string;
let other: string;
let older: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  ({ courseId: internal } = await surveyedCourse({
    title: "投诉处理与情绪管理",
    lecturer: "T0003",
    attendees: {
      C0101: "PRESENT",
      C0102: "PRESENT",
      C0103: "LATE",
      C0104: "PRESENT",
      C0105: "PRESENT",
      C0106: "ABSENT",
    },
    startsAt: inLastYear(6, 10),
  }));
  ({ courseId: other } = await surveyedCourse({
    title: "话术规范 B1–B17 复训",
    lecturer: "T0001",
    attendees: { C0201: "PRESENT", C0202: "PRESENT", C0203: "PRESENT" },
    startsAt: inLastYear(9, 3),
  }));
  ({ courseId: older } = await surveyedCourse({
    title: "集团客户服务标准",
    lecturer: { external: "吴敏" },
    attendees: { C0107: "PRESENT", C0108: "PRESENT" },
    startsAt: new Date(new TZDate(LAST_YEAR - 1, 10, 20, 9, 0, 0, 0, DEMO_ZONE).getTime()),
  }));
  await rate("C0101", internal, [5, 4, 3, 5]);
  await rate("C0102", internal, [4, 4, 4, 4], "讲得很清楚，案例实用。");
  await rate("C0103", internal, [5, 5, 4, 5]);
  await rate("C0104", internal, [3, 4, 2, 4], "培训室太挤了。");
  await rate("C0201", other, [5, 5, 5, 5]);
  await rate("C0202", other, [4, 3, 4, 4], "希望多一些演练。");
  await rate("C0107", older, [4, 4, 4, 3]);
});

describe("results of a year", () => {
  it("give each course's invited, answered, response rate and averages as the raw rows say", async () => {
    const expected = await expectedFor(LAST_YEAR);
    const { first, courses } = await allCourses("T0001", LAST_YEAR);
    expect(first.year).toBe(LAST_YEAR);
    expect(first.ownOnly).toBe(false);
    expect(courses.map((c) => c.courseId).sort()).toEqual([...expected.keys()].sort());
    for (const c of courses) {
      const e = expected.get(c.courseId)!;
      expect(c, c.title).toMatchObject({ invited: e.invited, answered: e.answered, rate: e.rate, overall: e.overall });
      expect(c.averages).toEqual({
        course: e.averages.courseScore,
        lecturer: e.averages.lecturerScore,
        venue: e.averages.venueScore,
        usefulness: e.averages.usefulnessScore,
      });
    }
    // The course taught by T0003: 5 of 6 invited (the absent one was not), 4 answered.
    expect(courses.find((c) => c.courseId === internal)).toMatchObject({
      lecturerName: "何文博",
      invited: 5,
      answered: 4,
      rate: 80,
      averages: { course: 4.3, lecturer: 4.3, venue: 3.3, usefulness: 4.5 },
      overall: 4.1,
    });
    // The year's totals over every course.
    const all = [...expected.values()];
    const invited = all.reduce((n, e) => n + e.invited, 0);
    const answered = all.reduce((n, e) => n + e.answered, 0);
    expect(first.totals).toMatchObject({
      courses: expected.size,
      invited,
      answered,
      rate: percent(answered, invited),
      overall: mean(all.flatMap((e) => e.rows.flatMap((r) => QUESTIONS.map((q) => r[q])))),
    });
    // The course of the year before is not in this year's list, but in its own.
    expect(courses.some((c) => c.courseId === older)).toBe(false);
    const before = await allCourses("T0001", LAST_YEAR - 1);
    expect(before.courses.find((c) => c.courseId === older)).toMatchObject({
      lecturerName: "吴敏",
      invited: 2,
      answered: 1,
    });
    expect(first.years).toEqual(expect.arrayContaining([LAST_YEAR, LAST_YEAR - 1]));
  });

  it("give each lecturer their courses, answers and averages over all their answers", async () => {
    const { first } = await allCourses("G0001", LAST_YEAR);
    const expected = await expectedFor(LAST_YEAR);
    const courses = await db.course.findMany({
      where: { id: { in: [...expected.keys()] } },
      select: { id: true, lecturer: { select: { name: true } }, externalLecturer: true, externalOrg: true },
    });
    const nameOf = (id: string) => {
      const c = courses.find((x) => x.id === id)!;
      return expected.get(id)!.rows[0]?.lecturerName ?? c.lecturer?.name ?? c.externalLecturer ?? c.externalOrg ?? "";
    };
    const names = new Set([...expected.keys()].map(nameOf));
    expect(first.lecturers.map((l) => l.lecturerName).sort()).toEqual([...names].sort());
    for (const l of first.lecturers) {
      const mine = [...expected.keys()].filter((id) => nameOf(id) === l.lecturerName);
      const rows = mine.flatMap((id) => expected.get(id)!.rows);
      expect(l, l.lecturerName).toMatchObject({
        courses: mine.length,
        responses: rows.length,
        overall: mean(rows.flatMap((r) => QUESTIONS.map((q) => r[q]))),
      });
    }
  });

  it("default to the company's current year", async () => {
    const body = (await results("L0001")).body as ResultsBody;
    expect(body.year).toBe(companyDate(now(), DEMO_ZONE).year);
    expect(body.years[0]).toBeGreaterThanOrEqual(body.year);
  });

  it("show a lecturer only the courses they teach; the training manager (also a lecturer) sees all", async () => {
    const t0003 = await personId("T0003");
    const { first, courses } = await allCourses("T0003", LAST_YEAR);
    expect(first.ownOnly).toBe(true);
    expect(courses.map((c) => c.courseId)).toContain(internal);
    expect(courses.map((c) => c.courseId)).not.toContain(other);
    const lecturers = await db.course.findMany({
      where: { id: { in: courses.map((c) => c.courseId) } },
      select: { lecturerId: true },
    });
    expect(new Set(lecturers.map((c) => c.lecturerId))).toEqual(new Set([t0003]));
    expect(first.lecturers.map((l) => l.lecturerName)).toEqual(["何文博"]);
    expect((await detail("T0003", other)).status).toBe(404);
    expect((await detail("T0003", internal)).status).toBe(200);

    const manager = await allCourses("T0001", LAST_YEAR);
    expect(manager.courses.map((c) => c.courseId)).toEqual(expect.arrayContaining([internal, other]));
  });

  it("are refused to those who may not read evaluations (a head, an agent)", async () => {
    for (const employeeNo of ["D0101", "C0101"]) {
      expect((await results(employeeNo)).status, employeeNo).toBe(403);
      expect((await detail(employeeNo, internal)).status, employeeNo).toBe(403);
    }
  });
});

describe("one course in detail", () => {
  it("counts each rating 1–5 per question, and lists the comments without names", async () => {
    const page = await detail("T0002", internal);
    expect(page.status).toBe(200);
    const body = page.body as {
      invited: number;
      responses: number;
      rate: number;
      distributions: Record<string, number[]>;
      comments: string[];
    };
    const rows = await db.courseEvaluation.findMany({ where: { courseId: internal } });
    const counts = (q: (typeof QUESTIONS)[number]) => [1, 2, 3, 4, 5].map((s) => rows.filter((r) => r[q] === s).length);
    expect(body.distributions).toEqual({
      course: counts("courseScore"),
      lecturer: counts("lecturerScore"),
      venue: counts("venueScore"),
      usefulness: counts("usefulnessScore"),
    });
    expect(body.distributions.venue).toEqual([0, 1, 1, 2, 0]);
    expect(body).toMatchObject({ invited: 5, responses: 4, rate: 80 });
    expect([...body.comments].sort()).toEqual(["培训室太挤了。", "讲得很清楚，案例实用。"].sort());
    // Nothing that names who answered: no person ids, names or employee numbers.
    const json = JSON.stringify(body);
    const authors = await db.person.findMany({
      where: { id: { in: rows.map((r) => r.personId) } },
      select: { id: true, name: true, employeeNo: true },
    });
    for (const a of authors) for (const v of [a.id, a.name, a.employeeNo]) expect(json).not.toContain(v);

    const { html } = await renderInLayout(
      await cookieFor("T0002"),
      `/evaluations/${internal}`,
      "_app.evaluations.$courseId",
    );
    expect(html).toContain("意见和建议（匿名）");
    expect(html).toContain("培训室太挤了。");
    for (const a of authors) expect(html).not.toContain(a.name);
  });

  it("answers 404 for a course that does not exist", async () => {
    expect((await detail("G0001", "cl0000000000000000000000")).status).toBe(404);
  });
});
