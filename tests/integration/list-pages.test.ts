// Lists that grow with the company are read a page at a time (keyset, no OFFSET): a page shows at most its
// size, paging forwards visits every row in scope once and in order, paging back gives the same pages in
// reverse, and a department head's pages never hold another department's rows. docs/lists-audit.md.
import { describe, expect, it } from "vitest";

import { COURSES_PAGE_SIZE } from "~/domain/course/course-list.server";
import { TEXTS_PAGE_SIZE } from "~/domain/needs/needs-answers.server";
import { QUESTIONS_PAGE_SIZE } from "~/domain/quiz/question-queries.server";
import { FILES_PAGE_SIZE } from "~/domain/training-file/training-file-list.server";
import { loader as coursesLoader } from "~/routes/_app.courses._index";
import { loader as answersLoader } from "~/routes/_app.needs.$surveyId.answers";
import { loader as questionsLoader } from "~/routes/_app.quiz.questions._index";
import { loader as filesLoader } from "~/routes/_app.training-files._index";
import { db } from "~/utils/db.server";

import { createQuestions } from "../../prisma/seed/quiz-factories";

import { departments, growPeople, loaderReader, walk, type Paged } from "./list-pages-support";
import { DEMO_AT, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

describe("training files (培训档案)", () => {
  type Body = { total: number; people: Array<{ employeeNo: string }> } & Paged;
  const read = loaderReader<Body>(filesLoader, "/training-files");
  const numbers = (p: Body) => p.people.map((x) => x.employeeNo);

  it("a department head pages through their own people only: everyone once, in order", async () => {
    await growPeople();
    const { col1Tree } = await departments();
    const pages = await walk(read, "D0101", "", (p) => p, numbers);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(FILES_PAGE_SIZE);
    const inScope = await db.person.findMany({
      where: { departmentId: { in: col1Tree } },
      select: { employeeNo: true },
    });
    expect(pages.flat()).toEqual(inScope.map((p) => p.employeeNo).sort());
    expect(pages.flat().some((n) => n.startsWith("X1"))).toBe(false);
  });

  it("the search holds across pages, and a cursor that is not one shows the first page", async () => {
    await growPeople();
    const found = await walk(read, "T0001", `?q=${encodeURIComponent("翻页测试")}`, (p) => p, numbers);
    expect(found.map((p) => p.length)).toEqual([30, 30, 30, 30, 20]);
    expect(new Set(found.flat()).size).toBe(140);
    expect((await read("T0001", "?after=&before=")).people.length).toBe(FILES_PAGE_SIZE);
    expect((await read("T0001", `?q=${encodeURIComponent("翻页测试")}&page=abc`)).total).toBe(140);
  });
});

describe("the course list (培训课程)", () => {
  type Body = { courses: Array<{ id: string; monthlyItem: { plan: { year: number; month: number } } }> } & Paged;
  const read = loaderReader<Body>(coursesLoader, "/courses");
  const ids = (p: Body) => p.courses.map((c) => c.id);

  /** 40 courses attended by COL1 and 40 by COL2 people, over the demo's months, all made at the same instant
   * (ties broken by id). */
  async function growCourses() {
    const { col1, col2 } = await growPeople();
    const items = await db.monthlyPlanItem.findMany({ select: { id: true } });
    const clerk = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0002" }, select: { id: true } });
    const [one, two] = await Promise.all(
      [col1, col2].map((departmentId) => db.person.findFirstOrThrow({ where: { departmentId }, select: { id: true } })),
    );
    for (let i = 0; i < 80; i++)
      await db.course.create({
        data: {
          monthlyItem: { connect: { id: items[i % items.length].id } },
          title: `翻页课程${i}`,
          capacity: 10,
          outline: "—",
          lecturerKind: "INTERNAL",
          createdAt: DEMO_AT,
          createdById: clerk.id,
          approval: { create: { subjectType: "Course", state: "DRAFT", submittedById: clerk.id } },
          attendees: { create: { personId: (i % 2 ? two : one).id } },
        },
      });
  }

  /** The list's order: newest month first, then as made, ids breaking ties. */
  async function expected(where: object) {
    const all = await db.course.findMany({
      where,
      select: { id: true, createdAt: true, monthlyItem: { select: { plan: { select: { year: true, month: true } } } } },
    });
    const key = (c: (typeof all)[number]) => c.monthlyItem.plan.year * 100 + c.monthlyItem.plan.month;
    return all
      .sort((a, b) => key(b) - key(a) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
  }

  it("the training manager pages through every course of every month once, newest month first", async () => {
    await growCourses();
    const pages = await walk(read, "T0001", "", (p) => p, ids);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(COURSES_PAGE_SIZE);
    expect(pages[0].length).toBe(COURSES_PAGE_SIZE);
    expect(pages.flat()).toEqual(await expected({}));
  });

  it("a department head pages through the courses their people attend, and a month's filter holds", async () => {
    await growCourses();
    const { col1Tree } = await departments();
    const pages = await walk(read, "D0101", "", (p) => p, ids);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toEqual(
      await expected({ attendees: { some: { person: { departmentId: { in: col1Tree } } } } }),
    );

    const first = await db.monthlyPlan.findFirstOrThrow({ orderBy: [{ year: "desc" }, { month: "desc" }] });
    const ym = `${first.year}-${String(first.month).padStart(2, "0")}`;
    const month = await walk(read, "T0001", `?month=${ym}`, (p) => p, ids);
    expect(month.flat()).toEqual(await expected({ monthlyItem: { planId: first.id } }));
    // A cursor the list did not write is its first page.
    const stray = await read("T0001", "?after=2026.3.x.y");
    expect(ids(stray)).toEqual((await expected({})).slice(0, COURSES_PAGE_SIZE));
  });
});

describe("the questionnaire's answers (问卷结果)", () => {
  type Question = {
    id: string;
    kind: string;
    answered: number;
    options: Array<{ count: number }>;
    texts: { texts: Array<{ id: string; department: string }> } & Paged;
  };
  type Body = { responses: number; questions: Question[] };

  /** 50 people in COL1 and 50 in COL2 answer every question of the demo survey, each with a written answer. */
  async function growAnswers() {
    await growPeople();
    const survey = await db.needsSurvey.findFirstOrThrow({ include: { questions: true } });
    const people = await db.person.findMany({
      where: { employeeNo: { startsWith: "X" } },
      orderBy: { employeeNo: "asc" },
      select: { id: true, departmentId: true, employeeNo: true },
    });
    const answering = [...people.slice(0, 50), ...people.slice(70, 120)];
    for (const [i, p] of answering.entries())
      await db.questionnaireResponse.create({
        data: {
          surveyId: survey.id,
          personId: p.id,
          departmentId: p.departmentId,
          submittedAt: DEMO_AT,
          answers: {
            create: survey.questions.map((q) => ({
              questionId: q.id,
              choices: q.kind === "MULTIPLE" ? [0, i % 2] : q.kind === "SINGLE" ? [i % 3] : [],
              rating: q.kind === "RATING" ? 1 + (i % 5) : null,
              text: q.kind === "TEXT" ? `书面回答 ${p.employeeNo}` : null,
            })),
          },
        },
      });
    return survey;
  }

  it("each written-answer list pages on its own: at most a page, every answer in view once, in order", async () => {
    const survey = await growAnswers();
    const { col1Tree } = await departments();
    const text = survey.questions.find((q) => q.kind === "TEXT")!;
    const read = loaderReader<Body>(answersLoader, `/needs/${survey.id}/answers`, { surveyId: survey.id });
    const cursors = (b: Body) => b.questions.find((q) => q.id === text.id)!.texts;
    const rows = (b: Body) => cursors(b).texts.map((t) => t.id);
    for (const [employeeNo, scope] of [
      ["G0001", null],
      ["D0101", col1Tree],
    ] as const) {
      const pages = await walk(read, employeeNo, `?question=${text.id}`, cursors, rows);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(TEXTS_PAGE_SIZE);
      const inView = await db.questionAnswer.findMany({
        where: {
          questionId: text.id,
          text: { not: "" },
          NOT: { text: null },
          ...(scope ? { response: { departmentId: { in: [...scope] } } } : {}),
        },
        orderBy: { id: "asc" },
        select: { id: true },
      });
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.flat()).toEqual(inView.map((a) => a.id));
    }
    // Paging one question leaves the others on their first page.
    const first = await read("G0001", "");
    const paged = await read("G0001", `?question=${text.id}&after=${encodeURIComponent(cursors(first).next!)}`);
    for (const q of survey.questions.filter((x) => x.kind === "TEXT" && x.id !== text.id))
      expect(paged.questions.find((x) => x.id === q.id)!.texts).toEqual(
        first.questions.find((x) => x.id === q.id)!.texts,
      );
  });

  it("counts per option, answered and averages are those of every answer in view", async () => {
    const survey = await growAnswers();
    const { col1Tree } = await departments();
    const read = loaderReader<Body>(answersLoader, `/needs/${survey.id}/answers`, { surveyId: survey.id });
    for (const [employeeNo, scope] of [
      ["G0001", null],
      ["D0101", col1Tree],
    ] as const) {
      const body = await read(employeeNo, "");
      const answers = await db.questionAnswer.findMany({
        where: { response: { surveyId: survey.id, ...(scope ? { departmentId: { in: [...scope] } } : {}) } },
        select: { questionId: true, choices: true, rating: true },
      });
      for (const q of body.questions) {
        const mine = answers.filter((a) => a.questionId === q.id);
        expect(q.answered, q.id).toBe(mine.length);
        expect(q.options.map((o) => o.count)).toEqual(
          q.options.map((_, i) => mine.filter((a) => a.choices.includes(i)).length),
        );
        const ratings = mine.flatMap((a) => (a.rating === null ? [] : [a.rating]));
        const average = (body.questions.find((x) => x.id === q.id) as unknown as { average: number | null }).average;
        expect(average).toBe(
          ratings.length ? Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 10) / 10 : null,
        );
      }
    }
  });
});

describe("the question bank (题库)", () => {
  type Body = { total: number; questions: Array<{ id: string; stem: string }> } & Paged;
  const read = loaderReader<Body>(questionsLoader, "/quiz/questions");
  const ids = (p: Body) => p.questions.map((q) => q.id);

  it("pages through every question once in the order they were made, the filters holding across pages", async () => {
    const stems = Array.from({ length: 60 }, (_, i) => ({
      rules: ["B1"],
      kind: "TRUE_FALSE" as const,
      stem: `翻页题 ${i}`,
      options: ["对", "错"],
      correct: [0],
      explanation: "—",
    }));
    // All made at the same instant as each other: the ids keep them in order.
    await createQuestions(db, stems, "test", DEMO_AT);
    const all = await db.quizQuestion.findMany({ select: { id: true, createdAt: true } });
    const order = all
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((q) => q.id);
    const pages = await walk(read, "T0001", "", (p) => p, ids);
    expect(pages.map((p) => p.length).slice(0, -1)).toEqual(Array(pages.length - 1).fill(QUESTIONS_PAGE_SIZE));
    expect(pages.flat()).toEqual(order);

    const found = await walk(read, "T0001", `?q=${encodeURIComponent("翻页题")}&kind=TRUE_FALSE`, (p) => p, ids);
    expect(found.map((p) => p.length)).toEqual([50, 10]);
    expect((await read("T0001", `?q=${encodeURIComponent("翻页题")}`)).total).toBe(60);
  });
});
