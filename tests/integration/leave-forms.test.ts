// Leave forms (《培训课程请假表》) through their pages: a trainee files for a session they attend, the head of their
// department decides, the training clerk acknowledges; the roster then shows them on leave.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { sessionRoster } from "~/domain/attendance/roster.server";
import { action as leaveAction, loader as leaveLoader } from "~/routes/_app.leave.$leaveId";
import { action as indexAction, loader as indexLoader } from "~/routes/_app.leave._index";
import { action as newAction, loader as newLoader } from "~/routes/_app.leave.new";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import {
  BASE,
  blockedOrSettled,
  cookieFor,
  DEMO_AT,
  flashOf,
  outcome,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const ctx = { context: { cspNonce: "" } };
const DAY = 86_400_000;

/** An approved course of two 催收一部 agents and one of 催收二部, its session three days after the demo's day. */
async function upcomingCourse() {
  const people = await db.person.findMany({
    where: { employeeNo: { in: ["C0105", "C0106", "C0201", "T0002", "T0001"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } });
  const startsAt = new Date(DEMO_AT.getTime() + 3 * DAY);
  const course = await db.$transaction((tx) =>
    makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: "请假测试课程",
      attendeeIds: [who("C0105").id, who("C0106").id, who("C0201").id],
      sessions: [{ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), location: "培训室 B201" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(DEMO_AT.getTime() - 2 * DAY),
      approvedAt: new Date(DEMO_AT.getTime() - DAY),
    }),
  );
  const session = await db.courseSession.findFirstOrThrow({ where: { courseId: course.id } });
  return { courseId: course.id, sessionId: session.id, startsAt };
}

function as(employeeNo: string) {
  const cookie = cookieFor(employeeNo);
  const post = async (path: string, form: FormData) =>
    new Request(BASE + path, { method: "POST", headers: { Origin: BASE, Cookie: await cookie }, body: form });
  const formOf = (fields: Record<string, string>, file?: File) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append("attachment", file);
    return form;
  };
  return {
    file: async (fields: Record<string, string>, file?: File) =>
      outcome(async () => newAction({ request: await post("/leave/new", formOf(fields, file)), params: {}, ...ctx })),
    newPage: async (sessionId: string) =>
      outcome(async () =>
        newLoader({ request: requestAs(await cookie, `/leave/new?sessionId=${sessionId}`), params: {}, ...ctx }),
      ),
    page: async (leaveId: string) =>
      outcome(async () =>
        leaveLoader({ request: requestAs(await cookie, `/leave/${leaveId}`), params: { leaveId }, ...ctx }),
      ),
    act: async (leaveId: string, fields: Record<string, string>, file?: File) =>
      outcome(async () =>
        leaveAction({ request: await post(`/leave/${leaveId}`, formOf(fields, file)), params: { leaveId }, ...ctx }),
      ),
    list: async (tab: string) =>
      outcome(async () => indexLoader({ request: requestAs(await cookie, `/leave?tab=${tab}`), params: {}, ...ctx })),
    acknowledge: async (leaveId: string) =>
      outcome(async () =>
        indexAction({
          request: requestAs(await cookie, "/leave?index", { form: { intent: "acknowledge", leaveId } }),
          params: {},
          ...ctx,
        }),
      ),
  };
}

const idOf = (location: string | null) => /^\/leave\/([^/?]+)$/.exec(location ?? "")![1];

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  freezeClock(DEMO_AT);
});
afterEach(() => setClock(null));

/** The open to-dos of a kind about one form (its approval's or its own): the demo has forms of its own. */
const openTodos = async (kind: string, leaveId: string) => {
  const { approvalId } = await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId } });
  return db.todoItem.findMany({
    where: { kind, doneAt: null, sourceId: { in: [approvalId, leaveId] } },
    select: { personId: true, sourceId: true, href: true },
  });
};

describe("a leave form from filing to the clerk's file", () => {
  it("C0105 files, D0101 approves, T0002 acknowledges: C0105 is on leave on the roster, owes a make-up", async () => {
    const { sessionId } = await upcomingCourse();
    const trainee = as("C0105");
    expect((await trainee.newPage(sessionId)).status).toBe(200);
    const filed = await trainee.file({ sessionId, reasonKind: "ILLNESS", reasonText: "发烧就医，医生建议休息" });
    expect(filed.status).toBe(302);
    expect(await flashOf(filed)).toMatchObject({ message: "leave.notices.filed" });
    const leaveId = idOf(filed.location);
    const form = await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId }, include: { approval: true } });
    expect(form.approval.state).toBe("SUBMITTED");
    const d0101 = (await db.person.findUniqueOrThrow({ where: { employeeNo: "D0101" } })).id;
    expect(await openTodos("leave.review", leaveId)).toEqual([
      { personId: d0101, sourceId: form.approvalId, href: `/leave/${leaveId}` },
    ]);

    const head = as("D0101");
    const waiting = (await head.list("review")).body as { review: Array<{ id: string }> };
    expect(waiting.review.map((l) => l.id)).toContain(leaveId);
    expect((await as("D0201").list("review")).body).toMatchObject({ review: [] });
    const approved = await head.act(leaveId, { intent: "APPROVE", revision: "1" });
    expect(approved.status).toBe(302);
    expect(await openTodos("leave.review", leaveId)).toEqual([]);
    const clerks = await openTodos("leave.received", leaveId);
    expect(clerks.length).toBeGreaterThan(0);
    expect(clerks.every((t) => t.sourceId === leaveId)).toBe(true);
    const trainee105 = (await db.person.findUniqueOrThrow({ where: { employeeNo: "C0105" } })).id;
    expect(await db.todoItem.count({ where: { personId: trainee105, kind: "makeUp.offer", doneAt: null } })).toBe(1);

    const roster = await sessionRoster(sessionId);
    expect(roster!.rows.find((r) => r.employeeNo === "C0105")).toMatchObject({
      status: "ON_LEAVE",
      leave: { id: leaveId, acknowledged: false },
    });

    const clerk = as("T0002");
    const desk = (await clerk.list("received")).body as { received: { open: Array<{ id: string }> } };
    expect(desk.received.open.map((l) => l.id)).toContain(leaveId);
    expect((await clerk.acknowledge(leaveId)).status).toBe(302);
    // Twice is harmless: no second entry, no error.
    expect((await clerk.acknowledge(leaveId)).status).toBe(302);
    expect(await db.auditEntry.count({ where: { action: "leave.acknowledged", entityId: leaveId } })).toBe(1);
    expect(await openTodos("leave.received", leaveId)).toEqual([]);
    expect((await sessionRoster(sessionId))!.rows.find((r) => r.employeeNo === "C0105")!.leave).toMatchObject({
      acknowledged: true,
    });
    const actions = await db.auditEntry.findMany({
      where: { entityId: leaveId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(actions.map((a) => a.action)).toEqual([
      "leave.created",
      "leave.submitted",
      "leave.approved",
      "leave.acknowledged",
    ]);
  });

  it("a form sent back with a reason is revised and sent again; its requester withdraws it", async () => {
    const { sessionId } = await upcomingCourse();
    const trainee = as("C0106");
    const leaveId = idOf((await trainee.file({ sessionId, reasonKind: "FAMILY", reasonText: "家中有事" })).location);
    const head = as("D0101");
    const noReason = await head.act(leaveId, { intent: "REJECT", revision: "1", reason: " " });
    expect(noReason.status).toBe(400);
    expect((await head.act(leaveId, { intent: "REJECT", revision: "1", reason: "请写明具体事由" })).status).toBe(302);
    const page = (await trainee.page(leaveId)).body as { canRevise: boolean; rejection: { reason: string } };
    expect(page).toMatchObject({ canRevise: true, rejection: { reason: "请写明具体事由" } });
    expect(await openTodos("leave.revise", leaveId)).toHaveLength(1);

    const resent = await trainee.act(leaveId, {
      intent: "revise",
      revision: "2",
      reasonKind: "FAMILY",
      reasonText: "孩子住院需陪护",
    });
    expect(resent.status).toBe(302);
    expect(await openTodos("leave.revise", leaveId)).toEqual([]);
    const form = await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId }, include: { approval: true } });
    expect(form).toMatchObject({ reasonText: "孩子住院需陪护", approval: { state: "SUBMITTED", revision: 2 } });

    expect((await trainee.act(leaveId, { intent: "WITHDRAW", revision: "2" })).status).toBe(302);
    expect((await db.approval.findUniqueOrThrow({ where: { id: form.approvalId } })).state).toBe("DRAFT");
    expect(await openTodos("leave.review", leaveId)).toEqual([]);
  });

  it("two heads' decisions at once: one wins, the other is told it was already decided (409)", async () => {
    const { sessionId } = await upcomingCourse();
    const leaveId = idOf((await as("C0105").file({ sessionId, reasonKind: "OTHER", reasonText: "事假" })).location);
    const head = as("D0101");
    // The first decision holds the approval's row until it commits; the second waits for it, then finds it decided.
    const results = await db.$transaction(async (tx) => {
      const approvalId = (await tx.leaveRequest.findUniqueOrThrow({ where: { id: leaveId } })).approvalId;
      await tx.$executeRaw`SELECT 1 FROM "Approval" WHERE id = ${approvalId} FOR UPDATE`;
      const approve = head.act(leaveId, { intent: "APPROVE", revision: "1" });
      const reject = head.act(leaveId, { intent: "REJECT", revision: "1", reason: "不同意" });
      expect(await blockedOrSettled(approve)).toBe("blocked");
      return [approve, reject];
    });
    const statuses = (await Promise.all(results)).map((r) => r.status).sort();
    expect(statuses).toEqual([302, 409]);
    const decisions = await db.approvalDecision.findMany({
      where: {
        approvalId: (await db.leaveRequest.findUniqueOrThrow({ where: { id: leaveId } })).approvalId,
        action: { in: ["APPROVE", "REJECT"] },
      },
    });
    expect(decisions).toHaveLength(1);
  });
});
