// The demo's leave forms and make-ups (step 011).
import { MAKE_UP_TODO } from "../../app/domain/attendance/make-up-offer.server";
import { localParts } from "../../app/domain/course/session-view";
import type { Tx } from "../../app/utils/db.server";

const ZONE = "Asia/Shanghai";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Who = { id: string; employeeNo: string; name: string };
type Slot = {
  sessionId: string;
  startsAt: Date;
  title: string;
  approvedAt: Date;
  attendees: Who[];
};
type Outcome = "acknowledged" | "approved" | "submitted" | "rejected";

/**
 * 催收一部's leave forms as the workflow would have left them, on whatever day the demo is seeded: one approved
 * and filed by the clerk for a session already held, one approved that the clerk has still to acknowledge, one
 * waiting for D0101, one sent back with a reason. Sessions are those of the approved courses around `at`; a
 * form whose session does not exist that day is left out. Nothing is dated after `at`.
 */
export async function seedLeave(tx: Tx, at: Date): Promise<void> {
  const col1 = await tx.department.findUnique({ where: { code: "COL1" }, select: { id: true } });
  const head = await tx.person.findUnique({ where: { employeeNo: "D0101" }, select: who });
  if (!col1 || !head) return;
  const clerk = await tx.person.findUniqueOrThrow({ where: { employeeNo: "T0002" }, select: who });
  // Everyone the approval would have told: training clerks and managers (receive:leave).
  const receivers = await tx.person.findMany({
    where: { disabledAt: null, roles: { some: { role: { in: ["TRAINING_CLERK", "TRAINING_MANAGER"] } } } },
    select: { id: true },
  });
  const sessions = await tx.courseSession.findMany({
    where: {
      course: { approval: { state: "APPROVED" }, NOT: { delivery: { is: { state: "CANCELLED" } } } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      startsAt: true,
      course: {
        select: {
          title: true,
          approval: { select: { decisions: { where: { action: "APPROVE" }, select: { at: true } } } },
          attendees: {
            // Agents of 催收一部's teams; C0105–C0107 are left to the tests, which file their own.
            where: {
              person: {
                employeeNo: { startsWith: "C01", notIn: ["C0105", "C0106", "C0107"] },
                department: { OR: [{ id: col1.id }, { parentId: col1.id }] },
              },
            },
            orderBy: { person: { employeeNo: "asc" } },
            select: { person: { select: who } },
          },
        },
      },
    },
  });
  const slots: Slot[] = sessions
    .filter((s) => s.course.attendees.length > 0 && s.course.approval.decisions[0])
    .map((s) => ({
      sessionId: s.id,
      startsAt: s.startsAt,
      title: s.course.title,
      approvedAt: s.course.approval.decisions[0].at,
      attendees: s.course.attendees.map((a) => a.person),
    }));
  // Filed at least a day after the course was approved and an hour before the session, at the latest now.
  const fileTime = (slot: Slot, wanted: Date) => {
    const earliest = slot.approvedAt.getTime() + HOUR;
    const latest = Math.min(at.getTime() - 3 * HOUR, slot.startsAt.getTime() - HOUR);
    return latest < earliest ? null : new Date(Math.min(latest, Math.max(earliest, wanted.getTime())));
  };
  const past = slots.filter((s) => s.startsAt.getTime() < at.getTime()).reverse();
  const ahead = slots.filter((s) => s.startsAt.getTime() > at.getTime() + HOUR);
  // One form per agent keeps the demo readable (each agent's 我的请假 tells one story).
  const used = new Set<string>();
  const plans: Array<[Slot | undefined, Outcome, string, string]> = [
    [past[0], "acknowledged", "ILLNESS", "急性肠胃炎，在社区医院输液，医生建议休息一天。"],
    [ahead[0], "approved", "BUSINESS_TRIP", "随法务部赴委托银行对账，行程已由部门安排。"],
    [ahead[1] ?? ahead[0], "submitted", "FAMILY", "孩子学校家长会，需本人到场。"],
    [ahead[2] ?? past[1] ?? ahead[0], "rejected", "WORK_CONFLICT", "当天有批量案件到期，需要跟进回款。"],
  ];
  for (const [slot, outcome, reasonKind, reasonText] of plans) {
    if (!slot) continue;
    const person = slot.attendees.find((p) => !used.has(p.id));
    const filedAt = fileTime(slot, new Date(slot.startsAt.getTime() - 3 * DAY));
    if (!person || !filedAt) continue;
    used.add(person.id);
    await seedOne(tx, { at, slot, person, head, clerk, receivers, outcome, reasonKind, reasonText, filedAt });
  }
}

const who = { id: true, employeeNo: true, name: true } as const;

async function seedOne(
  tx: Tx,
  input: {
    at: Date;
    slot: Slot;
    person: Who;
    head: Who;
    clerk: Who;
    receivers: Array<{ id: string }>;
    outcome: Outcome;
    reasonKind: string;
    reasonText: string;
    filedAt: Date;
  },
) {
  const { at, slot, person, head, clerk, outcome, filedAt } = input;
  const decidedAt = new Date(Math.min(filedAt.getTime() + 2 * HOUR, at.getTime() - 2 * HOUR, slot.startsAt.getTime()));
  const acknowledgedAt = new Date(Math.min(decidedAt.getTime() + 3 * HOUR, at.getTime() - HOUR));
  const state = outcome === "submitted" ? "SUBMITTED" : outcome === "rejected" ? "DRAFT" : "APPROVED";
  const approval = await tx.approval.create({
    data: {
      subjectType: "LeaveRequest",
      state,
      revision: outcome === "rejected" ? 2 : 1,
      submittedById: person.id,
      createdAt: filedAt,
    },
  });
  const form = await tx.leaveRequest.create({
    data: {
      sessionId: slot.sessionId,
      personId: person.id,
      reasonKind: input.reasonKind as "ILLNESS",
      reasonText: input.reasonText,
      approvalId: approval.id,
      createdAt: filedAt,
      ...(outcome === "acknowledged" ? { acknowledgedAt, acknowledgedById: clerk.id } : {}),
    },
  });
  const by = (p: Who) => ({ actorId: p.id, actorEmployeeNo: p.employeeNo, actorName: p.name });
  const snapshot = {
    sessionId: slot.sessionId,
    reasonKind: input.reasonKind,
    reasonText: input.reasonText,
    attachmentName: null,
    attachmentSize: null,
  };
  await tx.approvalDecision.create({
    data: {
      approvalId: approval.id,
      revision: 1,
      action: "SUBMIT",
      fromState: "DRAFT",
      toState: "SUBMITTED",
      ...by(person),
      snapshot,
      at: filedAt,
    },
  });
  if (outcome !== "submitted")
    await tx.approvalDecision.create({
      data: {
        approvalId: approval.id,
        revision: 1,
        action: outcome === "rejected" ? "REJECT" : "APPROVE",
        fromState: "SUBMITTED",
        toState: outcome === "rejected" ? "DRAFT" : "APPROVED",
        ...by(head),
        reason: outcome === "rejected" ? "批量到期可请组长代为跟进，培训请按时参加。" : null,
        at: decidedAt,
      },
    });
  // The to-dos the workflow would have left open (and those it closed, done).
  const { date, time } = localParts(slot.startsAt, ZONE);
  const params = { title: slot.title, date: `${date} ${time}`, name: person.name };
  const href = `/leave/${form.id}`;
  const source = { sourceType: "Approval", sourceId: approval.id };
  const todo = (personId: string, kind: string, extra: object, createdAt: Date, doneAt: Date | null, where = source) =>
    tx.todoItem.create({
      data: {
        personId,
        kind,
        ...where,
        href: kind === "leave.received" ? "/leave?tab=received" : href,
        params: { ...params, ...extra },
        createdAt,
        doneAt,
      },
    });
  await todo(head.id, "leave.review", { revision: 1 }, filedAt, outcome === "submitted" ? null : decidedAt);
  if (outcome === "rejected")
    await todo(
      person.id,
      "leave.revise",
      { revision: 2, reason: "批量到期可请组长代为跟进，培训请按时参加。" },
      decidedAt,
      null,
    );
  if (outcome === "approved" || outcome === "acknowledged") {
    for (const r of input.receivers)
      await todo(r.id, "leave.received", {}, decidedAt, outcome === "acknowledged" ? acknowledgedAt : null, {
        sourceType: "LeaveRequest",
        sourceId: form.id,
      });
    // Approved leave means a make-up is owed (seedMakeUps may then accept one and close this).
    await tx.todoItem.create({
      data: {
        personId: person.id,
        kind: MAKE_UP_TODO.kind,
        sourceType: MAKE_UP_TODO.sourceType,
        sourceId: `${slot.sessionId}:${person.id}`,
        href: "/my-make-ups",
        params: { title: slot.title },
        createdAt: decidedAt,
      },
    });
  }
}

/**
 * After leave and attendance: every missed session that is over owes a make-up. The first of them (in a
 * fixed order) that has a make-up session ahead in the same monthly-plan item takes the nearest one, as if
 * the trainee had accepted it; the others keep their offer on the to-do list. When nothing is ahead (most
 * days of the demo's month), nobody is enrolled rather than enrolled somewhere that makes no sense.
 * Imports are local so that this function stays apart from the leave forms above.
 */
export async function seedMakeUps(tx: Tx, at: Date): Promise<void> {
  const { makeUpCandidates, wantKey } = await import("../../app/domain/attendance/make-up-candidates.server");
  const { offerMakeUp } = await import("../../app/domain/attendance/make-up-offer.server");
  const ended = { endsAt: { lte: at } };
  const select = {
    personId: true,
    sessionId: true,
    person: { select: { employeeNo: true } },
    session: { select: { startsAt: true, courseId: true } },
  } as const;
  const marked = await tx.attendance.findMany({
    where: { mark: { in: ["ABSENT", "EXCUSED"] }, session: ended },
    select,
  });
  const excused = await tx.leaveRequest.findMany({
    where: { approval: { state: "APPROVED" }, session: ended },
    select,
  });
  // A mark wins over leave (someone on leave who came anyway), as on the roster.
  const markedKeys = new Set(
    (await tx.attendance.findMany({ where: { session: ended }, select: { personId: true, sessionId: true } })).map(
      (a) => `${a.sessionId}:${a.personId}`,
    ),
  );
  const missed = [...marked, ...excused.filter((l) => !markedKeys.has(`${l.sessionId}:${l.personId}`))];
  // Only their own course's sessions owe a make-up.
  const attending = new Set(
    (
      await tx.courseAttendee.findMany({
        where: { personId: { in: missed.map((m) => m.personId) } },
        select: { personId: true, courseId: true },
      })
    ).map((a) => `${a.courseId}:${a.personId}`),
  );
  // Already made up or booked (a second run over the same data): left as it is.
  const booked = new Set(
    (
      await tx.makeUp.findMany({
        where: { personId: { in: missed.map((m) => m.personId) } },
        select: { personId: true, missedSessionId: true },
      })
    ).map((m) => `${m.missedSessionId}:${m.personId}`),
  );
  const wants = missed
    .filter((m) => attending.has(`${m.session.courseId}:${m.personId}`))
    .filter((m) => !booked.has(`${m.sessionId}:${m.personId}`))
    .sort(
      (a, b) =>
        a.session.startsAt.getTime() - b.session.startsAt.getTime() ||
        a.person.employeeNo.localeCompare(b.person.employeeNo) ||
        a.sessionId.localeCompare(b.sessionId),
    )
    .map((m) => ({ personId: m.personId, missedSessionId: m.sessionId }));
  if (wants.length === 0) return;
  const candidates = await makeUpCandidates(wants, at, tx);
  const chosen = wants.find((w) => (candidates.get(wantKey(w)) ?? []).length > 0);
  for (const want of wants) {
    if (want !== chosen) {
      await offerMakeUp(tx, want);
      continue;
    }
    await tx.makeUp.create({ data: { ...want, sessionId: candidates.get(wantKey(want))![0].id, acceptedAt: at } });
  }
}
