// The pages' one-statement reads (course, annual plan, the year's needs, taught rules, audit labels) against
// Prisma's reads of the same rows, as oracle: same fields, same values, Dates as Dates, on the demo company.
// Orders Prisma left unspecified (a course's attendees, an item's needs) are compared as sets.
import { expect, it } from "vitest";

import { entityLabels } from "~/domain/audit/audit-labels.server";
import { maskCaseNo } from "~/domain/audit/audit-rules";
import { readClashingCourses, readCourseWithParts } from "~/domain/course/course-read.server";
import { submittedNeeds } from "~/domain/needs/needs-queries.server";
import { itemInclude } from "~/domain/plan/plan-queries.server";
import { readNeedsForYear, readPlanWithItems } from "~/domain/plan/plan-read.server";
import { taughtRules } from "~/domain/rule-loop/course-rule-choices.server";
import { ruleCatalogue } from "~/domain/rule-loop/rule-loop-queries.server";
import { db } from "~/utils/db.server";

import { demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

it("a course with its parts, its clashing courses and its taught rules read as Prisma reads them", async () => {
  const courses = await db.course.findMany({ select: { id: true } });
  expect(courses.length).toBeGreaterThan(3);
  // The demo's courses do not overlap: one of another course at the time of one of the first's, so they clash.
  const first = await db.courseSession.findFirstOrThrow({ orderBy: { id: "asc" } });
  const other = courses.find((c) => c.id !== first.courseId)!;
  await db.courseSession.create({
    data: { courseId: other.id, startsAt: first.startsAt, endsAt: first.endsAt, location: "A301", batch: 2 },
  });
  let clashing = 0;
  // A dozen courses (the two made to clash among them) keep the test quick on a busy machine.
  const ids = [...new Set([first.courseId, other.id, ...courses.slice(0, 10).map((c) => c.id)])];
  for (const id of ids) {
    const prisma = await db.course.findUniqueOrThrow({
      where: { id },
      include: {
        approval: true,
        lecturer: { select: { id: true, name: true, employeeNo: true, post: true } },
        monthlyItem: {
          include: {
            plan: { select: { id: true, year: true, month: true, title: true } },
            planItem: { select: { id: true, title: true, budgetFen: true } },
          },
        },
        sessions: { orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
        attendees: { include: { person: { include: { department: { select: { name: true } } } } } },
        materials: {
          orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
          select: { id: true, fileName: true, sizeBytes: true, uploadedAt: true },
        },
      },
    });
    const read = await readCourseWithParts(id);
    const attendees = prisma.attendees.map((a) => ({
      ...a,
      person: {
        id: a.person.id,
        employeeNo: a.person.employeeNo,
        name: a.person.name,
        post: a.person.post,
        status: a.person.status,
        departmentId: a.person.departmentId,
        department: a.person.department,
      },
    }));
    expect(read).toEqual({ ...prisma, attendees: byKey(attendees, (a) => a.personId) });
    expect(read!.approval.updatedAt).toBeInstanceOf(Date);

    const others = await db.course.findMany({
      where: {
        id: { not: id },
        sessions: {
          some: { OR: prisma.sessions.map((s) => ({ startsAt: { lt: s.endsAt }, endsAt: { gt: s.startsAt } })) },
        },
      },
      orderBy: { id: "asc" },
      select: {
        id: true,
        title: true,
        capacity: true,
        lecturerId: true,
        attendees: { select: { personId: true, batch: true } },
        sessions: { select: { id: true, startsAt: true, endsAt: true, location: true, roomId: true, batch: true } },
      },
    });
    const found = await readClashingCourses(id, prisma.sessions);
    const sorted = (list: typeof others) =>
      list.map((o) => ({
        ...o,
        attendees: byKey(o.attendees, (a) => a.personId),
        sessions: byKey(o.sessions, (s) => s.id),
      }));
    expect(sorted(found)).toEqual(prisma.sessions.length ? sorted(others) : []);
    clashing += found.length;

    const [rules, quiz, catalogue] = await Promise.all([
      db.courseRule.findMany({ where: { courseId: id }, select: { ruleId: true } }),
      db.course.findUnique({ where: { id }, select: { quiz: { select: { title: true, titleEn: true } } } }),
      ruleCatalogue(),
    ]);
    const taught = new Set(rules.map((r) => r.ruleId));
    expect(await taughtRules(id)).toEqual({
      rules: catalogue
        .filter((r) => taught.has(r.id))
        .map((r) => ({ id: r.id, titleZh: r.titleZh, titleEn: r.titleEn, redLine: r.redLine })),
      quiz: quiz?.quiz ?? null,
    });
  }
  expect(clashing).toBeGreaterThan(0);
  expect(await readCourseWithParts("no-such-course")).toBeNull();
});

it("an annual plan with its items, and the year's submitted needs, read as Prisma reads them", async () => {
  const plans = await db.annualPlan.findMany({ select: { id: true, year: true } });
  expect(plans.length).toBeGreaterThan(0);
  for (const { id, year } of plans) {
    const prisma = await db.annualPlan.findUniqueOrThrow({
      where: { id },
      include: { approval: true, items: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: itemInclude } },
    });
    const read = await readPlanWithItems(id);
    const needsAsSet = (p: typeof prisma) => ({
      ...p,
      items: p.items.map((i) => ({ ...i, needs: byKey(i.needs, (n) => n.needItemId) })),
    });
    expect(needsAsSet(read!)).toEqual(needsAsSet(prisma));

    const survey = await db.needsSurvey.findUnique({ where: { year }, select: { id: true } });
    const needs = survey ? await submittedNeeds(survey.id, null) : [];
    expect(await readNeedsForYear(year)).toEqual({
      surveyId: survey?.id ?? null,
      needs: needs.map((n) => ({
        id: n.id,
        topic: n.topic,
        category: n.category,
        department: n.form.department.name,
        departmentId: n.form.departmentId,
        headcount: n.headcount,
        months: n.months,
        hoursTenths: n.hoursTenths,
        costFen: n.costFen,
        priority: n.priority,
        delivery: n.delivery,
        targetPeople: n.targetPeople,
        outcome: n.outcome,
        outcomeReason: n.outcomeReason,
        updatedAt: n.updatedAt,
      })),
    });
  }
  expect(await readPlanWithItems("no-such-plan")).toBeNull();
  expect(await readNeedsForYear(1999)).toEqual({ surveyId: null, needs: [] });
});

it("names every kind of audited entity in one read; one removed since or of no known kind stays unnamed", async () => {
  const person = await db.person.findFirstOrThrow({ select: { id: true, name: true, employeeNo: true } });
  const department = await db.department.findFirstOrThrow({ select: { id: true, name: true } });
  const course = await db.course.findFirstOrThrow({ select: { id: true, title: true } });
  const plan = await db.annualPlan.findFirstOrThrow({ select: { id: true, title: true } });
  const monthly = await db.monthlyPlan.findFirstOrThrow({ select: { id: true, title: true } });
  const survey = await db.needsSurvey.findFirstOrThrow({ select: { id: true, year: true } });
  const quiz = await db.quiz.findFirstOrThrow({ select: { id: true, title: true } });
  const question = await db.quizQuestion.findFirstOrThrow({ select: { id: true, stem: true } });
  const kase = await db.collectionCase.findFirstOrThrow({ select: { id: true, caseNo: true } });
  const form = await db.departmentNeedsForm.findFirstOrThrow({
    select: { id: true, department: { select: { name: true } } },
  });
  const attempt = await db.quizAttempt.findFirst({
    select: { id: true, person: { select: { name: true, employeeNo: true } }, quiz: { select: { title: true } } },
  });
  const ref = (entityType: string, entityId: string | null) => ({ entityType, entityId });
  const labels = await entityLabels([
    ref("Person", person.id),
    ref("Account", person.id),
    ref("Department", department.id),
    ref("Course", course.id),
    ref("AnnualPlan", plan.id),
    ref("MonthlyPlan", monthly.id),
    ref("NeedsSurvey", survey.id),
    ref("Quiz", quiz.id),
    ref("QuizQuestion", question.id),
    ref("CollectionCase", kase.id),
    ref("DepartmentNeedsForm", form.id),
    ...(attempt ? [ref("QuizAttempt", attempt.id)] : []),
    ref("CallRule", "B3"),
    ref("Course", "removed-since"),
    ref("CourseSession", course.id),
    ref("Person", null),
  ]);
  const stem = question.stem.length > 40 ? `${question.stem.slice(0, 40)}…` : question.stem;
  expect(labels).toEqual({
    [`Person:${person.id}`]: `${person.name} ${person.employeeNo}`,
    [`Account:${person.id}`]: `${person.name} ${person.employeeNo}`,
    [`Department:${department.id}`]: department.name,
    [`Course:${course.id}`]: course.title,
    [`AnnualPlan:${plan.id}`]: plan.title,
    [`MonthlyPlan:${monthly.id}`]: monthly.title,
    [`NeedsSurvey:${survey.id}`]: String(survey.year),
    [`Quiz:${quiz.id}`]: quiz.title,
    [`QuizQuestion:${question.id}`]: stem,
    [`CollectionCase:${kase.id}`]: maskCaseNo(kase.caseNo),
    [`DepartmentNeedsForm:${form.id}`]: form.department.name,
    ...(attempt
      ? { [`QuizAttempt:${attempt.id}`]: `${attempt.person.name} ${attempt.person.employeeNo} · ${attempt.quiz.title}` }
      : {}),
    "CallRule:B3": "B3",
  });
  expect(await entityLabels([])).toEqual({});
});
