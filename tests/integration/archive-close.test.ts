// Closing a session's roster (step 012): its attendance becomes one training record per person, once, in one
// transaction; refusals write nothing; of two clerks closing at once exactly one wins.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { closeRoster } from "~/domain/archive/close-roster.server";
import { attended } from "~/domain/attendance/attendance-rules";
import { action as archiveAction } from "~/routes/_app.sessions.$sessionId.archive";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { actorOf } from "~/utils/route.server";

import { approveLeave, makeSession, TRAINEES } from "./attendance-support";
import {
  cookieFor,
  demoDayAt,
  flashOf,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const ctx = { context: { cspNonce: "" } };

async function closeAs(employeeNo: string, sessionId: string, form: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  const path = `/sessions/${sessionId}/archive`;
  return outcome(() => archiveAction({ request: requestAs(cookie, path, { form }), params: { sessionId }, ...ctx }));
}

async function mark(sessionId: string, employeeNo: string, mark: "PRESENT" | "PRESENT_PAPER" | "LATE" | "ABSENT") {
  await db.attendance.create({
    data: { sessionId, personId: await personId(employeeNo), mark, source: "CLERK", at: demoDayAt("09:05", -1) },
  });
}

async function clerkActor() {
  const p = await db.person.findUniqueOrThrow({
    where: { employeeNo: "T0002" },
    select: { id: true, employeeNo: true, name: true, departmentId: true },
  });
  return actorOf({
    ...p,
    roles: ["TRAINING_CLERK", "EMPLOYEE"],
    headOfDepartmentIds: [],
    locale: null,
    mustChangePassword: false,
  });
}

const nothingWritten = async (sessionId: string) => {
  expect(await db.rosterClosure.count({ where: { sessionId } })).toBe(0);
  expect(await db.trainingRecord.count({ where: { sessionId } })).toBe(0);
  expect(await db.auditEntry.count({ where: { action: "archive.closed", entityId: sessionId } })).toBe(0);
};

let sessionId: string;
let courseId: string;
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  // Yesterday 09:00–11:00 in the company's zone, and the clock on today's morning: the session has ended.
  ({ sessionId, courseId } = await makeSession(demoDayAt("09:00", -1)));
  await db.course.update({ where: { id: courseId }, data: { lecturerId: await personId("T0003") } });
  freezeClock(demoDayAt("10:00"));
  await mark(sessionId, "C0101", "PRESENT");
  await mark(sessionId, "C0102", "PRESENT_PAPER");
  await mark(sessionId, "C0103", "LATE");
  await mark(sessionId, "C0104", "ABSENT");
  await approveLeave(sessionId, "C0105");
  // C0106: nothing recorded and no leave.
});
afterEach(() => setClock(null));

describe("closing a roster", () => {
  it("refuses while people are unmarked, unless the clerk records them absent; then writes a record each", async () => {
    const refused = await closeAs("T0002", sessionId, { intent: "close" });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: { _form: expect.stringMatching(/^archive\.close\.unmarked::.*"count":1/) },
    });
    await nothingWritten(sessionId);

    const done = await closeAs("T0002", sessionId, { intent: "close", unmarkedAsAbsent: "on" });
    expect(done.status).toBe(302);
    expect(await flashOf(done)).toMatchObject({ message: expect.stringMatching(/^archive\.notices\.closed/) });

    // What the records must say, worked out here from the attendance rows and the leave forms.
    const [marks, leave, people, course] = await Promise.all([
      db.attendance.findMany({ where: { sessionId }, select: { personId: true, mark: true } }),
      db.leaveRequest.findMany({ where: { sessionId, approval: { state: "APPROVED" } }, select: { personId: true } }),
      db.person.findMany({
        where: { employeeNo: { in: TRAINEES } },
        select: { id: true, employeeNo: true, departmentId: true },
      }),
      db.course.findUniqueOrThrow({
        where: { id: courseId },
        select: { title: true, lecturer: { select: { name: true } }, monthlyItem: { select: { category: true } } },
      }),
    ]);
    const expected = people
      .map((p) => {
        const m = marks.find((a) => a.personId === p.id)?.mark;
        const outcome =
          m === "PRESENT" || m === "PRESENT_PAPER"
            ? "PRESENT"
            : m === "LATE"
              ? "LATE"
              : m === "ABSENT"
                ? "ABSENT"
                : leave.some((l) => l.personId === p.id)
                  ? "EXCUSED"
                  : "ABSENT";
        const there = m !== undefined && attended(m);
        return {
          personId: p.id,
          departmentId: p.departmentId,
          outcome,
          minutes: there ? 120 : 0,
          makeUpOwed: !there,
          makeUpForSessionId: null,
          courseTitle: course.title,
          category: course.monthlyItem.category,
          lecturerName: course.lecturer!.name,
          quizScorePercent: null,
          quizPassed: null,
        };
      })
      .sort((a, b) => a.personId.localeCompare(b.personId));
    const records = await db.trainingRecord.findMany({
      where: { sessionId },
      orderBy: { personId: "asc" },
      select: {
        personId: true,
        departmentId: true,
        outcome: true,
        minutes: true,
        makeUpOwed: true,
        makeUpForSessionId: true,
        courseTitle: true,
        category: true,
        lecturerName: true,
        quizScorePercent: true,
        quizPassed: true,
      },
    });
    expect(records).toEqual(expected);
    expect(records.map((r) => r.outcome).sort()).toEqual(["ABSENT", "ABSENT", "EXCUSED", "LATE", "PRESENT", "PRESENT"]);
    const closure = await db.rosterClosure.findUniqueOrThrow({ where: { sessionId } });
    expect(closure.closedById).toBe(await personId("T0002"));
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "archive.closed", entityId: sessionId } });
    expect(audit).toMatchObject({ actorEmployeeNo: "T0002", summary: { records: 6, absentFromUnmarked: 1 } });
    // The course's only session is closed: those who were there are asked to evaluate it.
    const invited = await db.courseSurveyInvite.findMany({ where: { courseId }, select: { personId: true } });
    expect(invited.map((i) => i.personId).sort()).toEqual(
      records
        .filter((r) => r.outcome === "PRESENT" || r.outcome === "LATE")
        .map((r) => r.personId)
        .sort(),
    );
  });

  it("copies each person's best submitted attempt of the course's quiz since the course's first session", async () => {
    const quiz = await db.quiz.findFirstOrThrow({ select: { id: true } });
    await db.course.update({ where: { id: courseId }, data: { quizId: quiz.id } });
    const attempt = async (employeeNo: string, submittedAt: Date, scorePercent: number, passed: boolean) =>
      db.quizAttempt.create({
        data: {
          quizId: quiz.id,
          personId: await personId(employeeNo),
          mode: "FULL",
          status: "SUBMITTED",
          startedAt: new Date(submittedAt.getTime() - 600_000),
          deadlineAt: submittedAt,
          submittedAt,
          passPercent: 80,
          ruleVersions: {},
          questionCount: 10,
          correctCount: scorePercent / 10,
          scorePercent,
          passed,
        },
      });
    await attempt("C0101", demoDayAt("11:30", -1), 70, false);
    await attempt("C0101", demoDayAt("11:40", -1), 90, true);
    await attempt("C0103", demoDayAt("08:00", -1), 100, true); // before the course began: not this course's
    await attempt("C0103", demoDayAt("11:45", -1), 60, false);
    expect((await closeAs("T0002", sessionId, { intent: "close", unmarkedAsAbsent: "on" })).status).toBe(302);
    const quizOf = async (employeeNo: string) =>
      db.trainingRecord.findFirstOrThrow({
        where: { sessionId, personId: await personId(employeeNo) },
        select: { quizScorePercent: true, quizPassed: true },
      });
    expect(await quizOf("C0101")).toEqual({ quizScorePercent: 90, quizPassed: true });
    expect(await quizOf("C0103")).toEqual({ quizScorePercent: 60, quizPassed: false });
    expect(await quizOf("C0102")).toEqual({ quizScorePercent: null, quizPassed: null });
  });

  it("refuses a session that has not ended, and a called-off course, writing nothing", async () => {
    const later = await makeSession(demoDayAt("09:30"));
    const early = await closeAs("T0002", later.sessionId, { intent: "close", unmarkedAsAbsent: "on" });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ errors: { _form: expect.stringMatching(/^archive\.close\.notEnded/) } });
    await nothingWritten(later.sessionId);

    await db.courseDelivery.upsert({
      where: { courseId },
      create: { courseId, state: "CANCELLED" },
      update: { state: "CANCELLED" },
    });
    const called = await closeAs("T0002", sessionId, { intent: "close", unmarkedAsAbsent: "on" });
    expect(called.status).toBe(400);
    expect(called.body).toMatchObject({ errors: { _form: expect.stringMatching(/^archive\.close\.cancelled/) } });
    await nothingWritten(sessionId);
  });

  it("of two closes at once exactly one wins, the other is told who closed it; records are written once", async () => {
    const actor = await clerkActor();
    const results = await Promise.all([
      closeRoster(actor, sessionId, { unmarkedAsAbsent: true }),
      closeRoster(actor, sessionId, { unmarkedAsAbsent: true }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringMatching(/^archive\.close\.alreadyClosed::.*"name":"/),
    });
    expect(await db.trainingRecord.count({ where: { sessionId } })).toBe(6);
    expect(await db.auditEntry.count({ where: { action: "archive.closed", entityId: sessionId } })).toBe(1);
    // And a later close through the page is a 409 too.
    const again = await closeAs("T0002", sessionId, { intent: "close", unmarkedAsAbsent: "on" });
    expect(again.status).toBe(409);
  });

  it("a make-up attended elsewhere is recorded there and settles the missed session's closed record", async () => {
    expect((await closeAs("T0002", sessionId, { intent: "close", unmarkedAsAbsent: "on" })).status).toBe(302);
    const c0104 = await personId("C0104");
    const owed = () =>
      db.trainingRecord.findUniqueOrThrow({ where: { sessionId_personId: { sessionId, personId: c0104 } } });
    expect((await owed()).makeUpOwed).toBe(true);
    const makeUp = await makeSession(demoDayAt("14:00", -1));
    await db.makeUp.create({
      data: {
        personId: c0104,
        missedSessionId: sessionId,
        sessionId: makeUp.sessionId,
        acceptedAt: demoDayAt("12:00", -1),
      },
    });
    for (const no of TRAINEES) await mark(makeUp.sessionId, no, "PRESENT");
    expect((await closeAs("T0002", makeUp.sessionId, { intent: "close" })).status).toBe(302);
    const there = await db.trainingRecord.findUniqueOrThrow({
      where: { sessionId_personId: { sessionId: makeUp.sessionId, personId: c0104 } },
    });
    expect(there).toMatchObject({ outcome: "PRESENT", makeUpForSessionId: sessionId, makeUpOwed: false });
    expect((await owed()).makeUpOwed).toBe(false);
  });
});
