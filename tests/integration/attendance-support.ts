// A session of its own for the attendance tests (any day of the year, away from the demo's sessions), and
// the clerk's roster page called as one of the demo company's people.
import { action, loader } from "~/routes/_app.sessions.$sessionId.attendance";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { cookieFor, DEMO_AT, outcome, personId, requestAs } from "./support";

const ctx = { context: { cspNonce: "" } };
export const TRAINEES = ["C0101", "C0102", "C0103", "C0104", "C0105", "C0106"];

/** An approved course of six agents with one two-hour session starting at `startsAt`. */
export async function makeSession(startsAt: Date) {
  const who = (employeeNo: string) =>
    db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true, employeeNo: true, name: true } });
  const [clerk, manager, item, attendees] = await Promise.all([
    who("T0002"),
    who("T0001"),
    db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } }),
    db.person.findMany({ where: { employeeNo: { in: TRAINEES } }, select: { id: true } }),
  ]);
  const course = await db.$transaction((tx) =>
    makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: "考勤测试课程",
      attendeeIds: attendees.map((a) => a.id),
      sessions: [{ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), location: "三楼培训室" }],
      clerk,
      manager,
      submittedAt: new Date(DEMO_AT.getTime() - 10 * 86_400_000),
      approvedAt: new Date(DEMO_AT.getTime() - 9 * 86_400_000),
    }),
  );
  const session = await db.courseSession.findFirstOrThrow({ where: { courseId: course.id }, select: { id: true } });
  return { courseId: course.id, sessionId: session.id };
}

/** An approved leave form for someone at the session. */
export async function approveLeave(sessionId: string, employeeNo: string, reasonText = "发烧，医院开了病假条") {
  const id = await personId(employeeNo);
  const approval = await db.approval.create({
    data: { subjectType: "LeaveRequest", state: "APPROVED", submittedById: id },
  });
  await db.leaveRequest.create({
    data: { sessionId, personId: id, reasonKind: "ILLNESS", reasonText, approvalId: approval.id, createdAt: DEMO_AT },
  });
}

export async function roster(employeeNo: string, sessionId: string) {
  const cookie = await cookieFor(employeeNo);
  const path = `/sessions/${sessionId}/attendance`;
  return outcome(() => loader({ request: requestAs(cookie, path), params: { sessionId }, ...ctx }));
}
export type RosterPage = Awaited<ReturnType<typeof loader>>;

export async function post(employeeNo: string, sessionId: string, form: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  const path = `/sessions/${sessionId}/attendance`;
  return outcome(() => action({ request: requestAs(cookie, path, { form }), params: { sessionId }, ...ctx }));
}

/** The form fields that set `employeeNo`'s mark, as the page posts them (with what the page showed before). */
export async function markFields(sessionId: string, employeeNo: string, mark: string, note = "") {
  const id = await personId(employeeNo);
  const now = await db.attendance.findUnique({ where: { sessionId_personId: { sessionId, personId: id } } });
  return {
    [`mark_${id}`]: mark,
    [`was_${id}`]: now?.mark ?? "",
    [`note_${id}`]: note,
    [`wasNote_${id}`]: now?.note ?? "",
  };
}

export async function markOf(sessionId: string, employeeNo: string) {
  const id = await personId(employeeNo);
  return db.attendance.findUnique({ where: { sessionId_personId: { sessionId, personId: id } } });
}
