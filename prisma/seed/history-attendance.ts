// Who was in the room at the closed year's sessions: most signed in by QR (some at the kiosk) before the
// start, some on the paper sheet, a few late, a few absent or excused on the day; a few agents of 催收一部
// filed leave that D0101 approved and the clerk filed. A miss is made up at the other department's course
// of the same item when it comes later; the few that have none stay owed. No to-dos: all of it is over.
import { randomUUID } from "node:crypto";

import type { Prisma } from "../../app/generated/prisma/client";
import type { Tx } from "../../app/utils/db.server";

import { LEAVE_REASONS } from "./history-data";
import { insertRows } from "./history-insert";
import { PROTECTED, type HPerson } from "./history-people";
import type { HCourse, HSession } from "./history-plans";
import { DAY, HOUR, MINUTE } from "./history-time";

type Who = { id: string; employeeNo: string; name: string };
type Mark = "PRESENT" | "PRESENT_PAPER" | "LATE" | "ABSENT" | "EXCUSED";

/** At most this many misses of the year are left without a make-up (the archive shows them as owed). */
const OWED_AT_MOST = 2;

export async function seedHistoryAttendance(
  tx: Tx,
  input: { courses: HCourse[]; clerk: Who; head: Who; rng: () => number },
): Promise<Map<string, Mark>> {
  const { courses, clerk, head, rng } = input;
  const attendance: Prisma.AttendanceCreateManyInput[] = [];
  const makeUps: Prisma.MakeUpCreateManyInput[] = [];
  const approvals: Prisma.ApprovalCreateManyInput[] = [];
  const leave: Prisma.LeaveRequestCreateManyInput[] = [];
  const decisions: Prisma.ApprovalDecisionCreateManyInput[] = [];
  /** "sessionId:personId" → the mark kept (read by the quiz attempts: who sat the course). */
  const marks = new Map<string, Mark>();
  const madeUpAt = new Map<string, Set<string>>();
  let owed = 0;

  // A later session of another course of the same item that the person is not on: where a miss is made up.
  const makeUpSession = (course: HCourse, missed: HSession, person: HPerson): HSession | null => {
    for (const other of courses) {
      if (other.itemId !== course.itemId || other.id === course.id) continue;
      if (other.attendees.some((a) => a.id === person.id)) continue;
      const s = other.sessions.find(
        (x) => x.startsAt.getTime() > missed.endsAt.getTime() + DAY && !madeUpAt.get(x.id)?.has(person.id),
      );
      if (s) return s;
    }
    return null;
  };
  const bookMakeUp = (person: HPerson, missed: HSession, at: HSession) => {
    makeUps.push({
      id: randomUUID(),
      personId: person.id,
      missedSessionId: missed.id,
      sessionId: at.id,
      acceptedAt: new Date(missed.endsAt.getTime() + 20 * HOUR),
    });
    attendance.push({
      sessionId: at.id,
      personId: person.id,
      mark: "PRESENT",
      source: "QR",
      at: new Date(at.startsAt.getTime() - 6 * MINUTE),
      updatedAt: at.startsAt,
    });
    marks.set(`${at.id}:${person.id}`, "PRESENT");
    madeUpAt.set(at.id, (madeUpAt.get(at.id) ?? new Set()).add(person.id));
  };

  // Leave: one form in a few of the months, for an agent of 催收一部 whose miss can be made up later.
  const onLeave = new Set<string>();
  let leaveCount = 0;
  for (const [i, course] of courses.entries()) {
    if (i % 7 !== 3 || leaveCount >= LEAVE_REASONS.length) continue;
    const session = course.sessions[0];
    const person = course.attendees.find(
      (p) =>
        p.department === "COL1" &&
        /^C01/.test(p.employeeNo) &&
        !PROTECTED.has(p.employeeNo) &&
        makeUpSession(course, session, p),
    );
    if (!person) continue;
    const [reasonKind, reasonText] = LEAVE_REASONS[leaveCount++];
    const filedAt = new Date(Math.max(course.publishedAt.getTime() + 2 * HOUR, session.startsAt.getTime() - 2 * DAY));
    const decidedAt = new Date(filedAt.getTime() + 3 * HOUR);
    const approvalId = randomUUID();
    approvals.push({
      id: approvalId,
      subjectType: "LeaveRequest",
      state: "APPROVED",
      revision: 1,
      submittedById: person.id,
      createdAt: filedAt,
      updatedAt: decidedAt,
    });
    leave.push({
      id: randomUUID(),
      sessionId: session.id,
      personId: person.id,
      reasonKind,
      reasonText,
      approvalId,
      createdAt: filedAt,
      acknowledgedAt: new Date(decidedAt.getTime() + 2 * HOUR),
      acknowledgedById: clerk.id,
    });
    const actor = (p: Who) => ({ actorId: p.id, actorEmployeeNo: p.employeeNo, actorName: p.name });
    const snapshot = { sessionId: session.id, reasonKind, reasonText, attachmentName: null, attachmentSize: null };
    decisions.push(
      {
        approvalId,
        revision: 1,
        action: "SUBMIT",
        fromState: "DRAFT",
        toState: "SUBMITTED",
        ...actor(person),
        snapshot,
        at: filedAt,
      },
      {
        approvalId,
        revision: 1,
        action: "APPROVE",
        fromState: "SUBMITTED",
        toState: "APPROVED",
        ...actor(head),
        at: decidedAt,
      },
    );
    onLeave.add(`${session.id}:${person.id}`);
    bookMakeUp(person, session, makeUpSession(course, session, person)!);
  }

  for (const course of courses) {
    for (const session of course.sessions) {
      const people = course.attendees.filter((p) => !onLeave.has(`${session.id}:${p.id}`));
      const entered = new Date(session.endsAt.getTime() + 15 * MINUTE);
      for (const p of people) {
        const r = rng();
        let mark: Mark =
          r < 0.8 ? "PRESENT" : r < 0.88 ? "PRESENT_PAPER" : r < 0.94 ? "LATE" : r < 0.97 ? "ABSENT" : "EXCUSED";
        if (PROTECTED.has(p.employeeNo) && mark !== "PRESENT_PAPER") mark = "PRESENT";
        let later: HSession | null = null;
        if (mark === "ABSENT" || mark === "EXCUSED") {
          later = makeUpSession(course, session, p);
          if (!later && owed >= OWED_AT_MOST) mark = "LATE";
          else if (!later) owed++;
        }
        const key = `${session.id}:${p.id}`;
        marks.set(key, mark);
        const base = { sessionId: session.id, personId: p.id, updatedAt: entered };
        if (mark === "PRESENT")
          attendance.push({
            ...base,
            mark,
            source: rng() < 0.15 ? "KIOSK" : "QR",
            at: new Date(session.startsAt.getTime() - (1 + Math.floor(rng() * 12)) * MINUTE),
          });
        else if (mark === "LATE")
          attendance.push({
            ...base,
            mark,
            source: "QR",
            at: new Date(session.startsAt.getTime() + (8 + Math.floor(rng() * 20)) * MINUTE),
          });
        else
          attendance.push({
            ...base,
            mark,
            source: "CLERK",
            at: entered,
            markedById: clerk.id,
            note: mark === "EXCUSED" ? "临时外出处理投诉，部门经理当天电话说明。" : null,
          });
        if (later) bookMakeUp(p, session, later);
      }
    }
  }
  await tx.approval.createMany({ data: approvals });
  await tx.leaveRequest.createMany({ data: leave });
  await tx.approvalDecision.createMany({ data: decisions });
  await insertRows(tx, "Attendance", attendance);
  await tx.makeUp.createMany({ data: makeUps });
  return marks;
}
