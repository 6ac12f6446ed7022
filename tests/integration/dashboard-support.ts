// Raw archive, evaluation, quiz and breach rows for the dashboard tests, written straight to the tables
// (the use-cases that write them are built elsewhere), and the demo year's bounds computed here on their own.
import { TZDate } from "@date-fns/tz";

import { rebuildRuleTally } from "~/domain/rule-tally/rebuild-tally.server";
import type { TrainingCategory, TrainingOutcome } from "~/generated/prisma/client";
import { loader } from "~/routes/_app.dashboard";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { cookieFor, DEMO_AT, outcome, personId, requestAs } from "./support";

export const ZONE = "Asia/Shanghai";
export const YEAR = companyDate(DEMO_AT, ZONE).year;
export const FROM = new Date(new TZDate(YEAR, 0, 1, 0, 0, 0, 0, ZONE).getTime());
export const TO = new Date(new TZDate(YEAR + 1, 0, 1, 0, 0, 0, 0, ZONE).getTime());
const DAY = 86_400_000;
/** An instant `days` after the year's start, at 10:00 in the company's zone. */
export const inYear = (days: number) => new Date(FROM.getTime() + days * DAY + 2 * 3_600_000);

export async function seedDashboardRows() {
  // The demo's own archive (closed rosters, records, surveys) gives way to the rows below, which the tests know.
  await db.$transaction([
    db.trainingRecord.deleteMany(),
    db.rosterClosure.deleteMany(),
    db.courseEvaluation.deleteMany(),
    db.courseSurveyInvite.deleteMany(),
  ]);
  const clerk = await personId("T0002");
  const sessions = await db.courseSession.findMany({
    orderBy: { startsAt: "asc" },
    select: { id: true, courseId: true, endsAt: true },
  });
  // Every session that has ended is closed into the archive, as the clerk would.
  await db.rosterClosure.createMany({
    data: sessions
      .filter((s) => s.endsAt <= DEMO_AT)
      .map((s) => ({ sessionId: s.id, closedAt: DEMO_AT, closedById: clerk })),
  });
  const people = await db.person.findMany({
    where: { employeeNo: { in: ["C0101", "C0102", "C0103", "C0111", "C0201", "C0202", "K0001", "D0101"] } },
    select: { id: true, employeeNo: true, departmentId: true },
  });
  const cats: TrainingCategory[] = ["INTERNAL", "NEW_HIRE", "EXTERNAL", "TRANSFER", "GROUP"];
  const outcomes: TrainingOutcome[] = ["PRESENT", "LATE", "ABSENT", "EXCUSED"];
  const records = people.flatMap((p, i) =>
    sessions.slice(0, 3).map((s, j) => {
      const outcome = outcomes[(i + j) % 4];
      return {
        sessionId: s.id,
        courseId: s.courseId,
        personId: p.id,
        departmentId: p.departmentId,
        outcome,
        minutes: outcome === "PRESENT" || outcome === "LATE" ? 60 + 30 * ((i + j) % 5) : 0,
        courseTitle: "测试课程",
        category: cats[(i + j) % 5],
        lecturerName: "何文博",
        // The last session of each person is dated in the year before: it must not count.
        startsAt: j === 2 && i % 3 === 0 ? new Date(FROM.getTime() - DAY) : inYear(20 + 40 * j + i * 11),
        endsAt: inYear(20 + 40 * j + i * 11),
        createdAt: DEMO_AT,
      };
    }),
  );
  await db.trainingRecord.createMany({ data: records });

  const course = sessions[0].courseId;
  const byNo = (no: string) => people.find((p) => p.employeeNo === no)!.id;
  await db.courseSurveyInvite.createMany({
    data: ["C0101", "C0102", "C0103", "C0111", "C0201", "C0202"].map((no, i) => ({
      courseId: course,
      personId: byNo(no),
      invitedAt: inYear(30),
      answeredAt: i % 2 === 0 ? inYear(31 + i * 20) : null,
    })),
  });
  await db.courseEvaluation.createMany({
    data: ["C0101", "C0103", "C0201"].map((no, i) => ({
      courseId: course,
      personId: byNo(no),
      lecturerName: "何文博",
      courseScore: 5 - i,
      lecturerScore: 4,
      venueScore: 3 + i,
      usefulnessScore: 5,
      comment: "",
      submittedAt: inYear(31 + i * 40),
    })),
  });

  const breach = (no: string, ruleId: string, at: Date) => ({
    personId: byNo(no),
    ruleId,
    at,
    actionType: "CALL_DEBTOR" as const,
  });
  await db.caseRuleBreach.createMany({
    data: [
      ...Array.from({ length: 3 }, () => breach("C0101", "B6", inYear(40))),
      breach("C0102", "B3", inYear(41)),
      ...Array.from({ length: 4 }, () => breach("C0201", "B8", inYear(42))),
      breach("C0201", "B13", inYear(43)),
      breach("C0101", "B10", new Date(FROM.getTime() - DAY)),
    ],
  });

  // A handed-in quiz with two wrong answers, each question testing the rules it is linked to.
  const quiz = await db.quiz.findFirstOrThrow({ select: { id: true } });
  const questions = await db.quizQuestion.findMany({
    take: 6,
    orderBy: { id: "asc" },
    select: { id: true, rules: { select: { ruleId: true } } },
  });
  for (const [k, no] of ["C0102", "C0202"].entries()) {
    await db.quizAttempt.create({
      data: {
        quizId: quiz.id,
        personId: byNo(no),
        mode: "FULL",
        status: "SUBMITTED",
        startedAt: inYear(50 + k),
        deadlineAt: inYear(50 + k),
        submittedAt: inYear(50 + k),
        passPercent: 90,
        ruleVersions: {},
        questionCount: questions.length,
        questions: {
          create: questions.map((q, i) => ({
            questionId: q.id,
            position: i + 1,
            optionOrder: [],
            multiple: false,
            ruleIds: q.rules.map((r) => r.ruleId),
            redLine: false,
            correct: (i + k) % 3 !== 0,
          })),
        },
      },
    });
  }
  // Written past the hand-in: the rule tally is counted afresh from these rows.
  await rebuildRuleTally();
}

export type DashboardBody = Awaited<ReturnType<typeof loader>>;

export async function dashboardAs(employeeNo: string, query = "") {
  const cookie = await cookieFor(employeeNo);
  return outcome(() =>
    loader({ request: requestAs(cookie, `/dashboard${query}`), params: {}, context: { cspNonce: "" } }),
  );
}
