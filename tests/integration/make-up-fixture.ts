// Make-up fixtures in the demo company: a monthly-plan item of its own with a course whose session
// C0105–C0107 (and C0119, a new hire) missed, and the other sessions a make-up could or could not be at.
import { db, type Tx } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { cookieFor, demoDayAt, outcome, personId, requestAs, seedDemoCompany } from "./support";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function who(employeeNo: string) {
  return db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true, employeeNo: true, name: true } });
}

async function item(tx: Tx, title: string, category: "INTERNAL" | "NEW_HIRE") {
  const plan = await tx.monthlyPlan.findFirstOrThrow({ orderBy: [{ year: "desc" }, { month: "desc" }] });
  return tx.monthlyPlanItem.create({
    data: { planId: plan.id, title, category, targetPeople: "测试", headcount: 10, sessions: 2, budgetFen: 0 },
  });
}

const slot = (at: Date, days: number, room = "培训室 B201") => ({
  startsAt: new Date(at.getTime() + days * DAY),
  endsAt: new Date(at.getTime() + days * DAY + 3 * HOUR),
  location: room,
});

/**
 * Around `at` (the frozen clock): the missed course A (a session 2 days ago, and one 3 days ahead that its
 * own attendees are on anyway), and in the same item: B (for C02 agents, a session yesterday and two
 * ahead, one seat free), C (cancelled), D (full); E ahead in another item.
 */
export async function makeUpFixture(at: Date, options: { category?: "INTERNAL" | "NEW_HIRE" } = {}) {
  const [clerk, manager] = await Promise.all([who("T0002"), who("T0001")]);
  const ids = async (nos: string[]) => Promise.all(nos.map(personId));
  const missedBy = await ids(["C0105", "C0106", "C0107", "C0119"]);
  const others = await ids(["C0201", "C0202"]);
  const base = {
    clerk,
    manager,
    submittedAt: new Date(at.getTime() - 20 * DAY),
    approvedAt: new Date(at.getTime() - 19 * DAY),
  };
  return db.$transaction(async (tx) => {
    const same = await item(tx, "补课测试项目", options.category ?? "INTERNAL");
    const other = await item(tx, "其他项目", "INTERNAL");
    const course = (title: string, monthlyItemId: string, attendeeIds: string[], days: number[], capacity?: number) =>
      makeApprovedCourse(tx, {
        ...base,
        monthlyItemId,
        title,
        attendeeIds,
        capacity,
        sessions: days.map((d) => slot(at, d)),
      });
    const a = await course("补课测试 A", same.id, missedBy, [-2, 3]);
    const b = await course("补课测试 B", same.id, others, [-1, 2, 5], others.length + 1);
    const c = await course("补课测试 C（已取消）", same.id, others, [1]);
    await tx.courseDelivery.create({ data: { courseId: c.id, state: "CANCELLED", cancelledAt: at } });
    const d = await course("补课测试 D（已满）", same.id, others, [1], others.length);
    const e = await course("补课测试 E（其他项目）", other.id, others, [1]);
    const sessions = async (courseId: string) =>
      tx.courseSession.findMany({ where: { courseId }, orderBy: { startsAt: "asc" }, select: { id: true } });
    const [aS, bS, cS, dS, eS] = await Promise.all([a, b, c, d, e].map((x) => sessions(x.id)));
    return {
      courses: { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id },
      missed: aS[0].id,
      aLater: aS[1].id,
      bPast: bS[0].id,
      b1: bS[1].id,
      b2: bS[2].id,
      cancelled: cS[0].id,
      full: dS[0].id,
      unrelated: eS[0].id,
      people: { c0105: missedBy[0], c0106: missedBy[1], c0107: missedBy[2], c0119: missedBy[3] },
    };
  });
}

export type MakeUpFixture = Awaited<ReturnType<typeof makeUpFixture>>;

/** C0105 absent, C0106 on approved leave, C0107 excused by the clerk, C0119 absent, at the missed session. */
export async function recordMisses(f: MakeUpFixture, at: Date) {
  const clerkId = await personId("T0002");
  await db.$transaction(async (tx) => {
    for (const [who, mark] of [
      [f.people.c0105, "ABSENT"],
      [f.people.c0107, "EXCUSED"],
      [f.people.c0119, "ABSENT"],
    ] as const)
      await tx.attendance.create({
        data: { sessionId: f.missed, personId: who, mark, source: "CLERK", at, markedById: clerkId },
      });
    const approval = await tx.approval.create({
      data: { subjectType: "LeaveRequest", state: "APPROVED", submittedById: f.people.c0106 },
    });
    await tx.leaveRequest.create({
      data: {
        sessionId: f.missed,
        personId: f.people.c0106,
        reasonKind: "ILLNESS",
        reasonText: "发烧",
        approvalId: approval.id,
        createdAt: new Date(at.getTime() - 4 * DAY),
      },
    });
  });
}

/**
 * Runs the make-up pages once before a file's tests (in its beforeAll, under the hook's longer timeout):
 * the first run of each query shape pays for compiling it, which on a busy machine can eat most of a test's
 * time budget.
 */
export async function warmUpMakeUps() {
  const [{ loader: mine, action: accept }, { loader: list }] = await Promise.all([
    import("~/routes/_app.my-make-ups"),
    import("~/routes/_app.make-ups"),
  ]);
  await seedDemoCompany();
  const at = demoDayAt("12:00");
  const f = await makeUpFixture(at);
  await recordMisses(f, at);
  const ctx = { params: {}, context: { cspNonce: "" } };
  const [trainee, clerk] = [await cookieFor("C0105"), await cookieFor("T0002")];
  await outcome(() => mine({ request: requestAs(trainee, "/my-make-ups"), ...ctx }));
  await outcome(() => list({ request: requestAs(clerk, "/make-ups"), ...ctx }));
  const form = { intent: "accept", missedSessionId: f.missed, sessionId: f.b1 };
  await outcome(() => accept({ request: requestAs(trainee, "/my-make-ups", { form }), ...ctx }));
}
