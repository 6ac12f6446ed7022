// Three years of monthly plans and the courses under them: sessions, rosters, published notices, the
// heads' confirmations, sign-ins and marks, approved leave, closed rosters and their training records.
// Sessions after the anchor instant are published but not yet held.
import type { BenchPerson } from "./company";
import { by, DAY, shanghai, type Ctx } from "./context";
import { copyRows } from "./copy";
import type { PlanItems } from "./needs";
import { COURSE_TOPICS, LEAVE_REASONS, ROOMS } from "./vocabulary";

export const TOTAL_COURSES = Number(process.env.BENCH_COURSES ?? 2_000);
const MINUTES = 180;

export type HeldSession = {
  sessionId: string;
  courseId: string;
  startsAt: Date;
  quiz: boolean;
  attendees: BenchPerson[];
};

export async function addCourses(ctx: Ctx, planItems: PlanItems, quizId: string | null) {
  const { client, r, id, company, at } = ctx;
  const existing = new Map(
    (await client.query(`SELECT id, year, month FROM "MonthlyPlan"`)).rows.map((x) => [
      `${x.year}-${x.month}`,
      x.id as string,
    ]),
  );
  const months: Array<[number, number]> = [];
  const end = new Date(at.getTime() + 8 * 3_600_000);
  for (const y of ctx.years)
    for (let m = 1; m <= 12; m++) if (y < end.getUTCFullYear() || m <= end.getUTCMonth() + 1) months.push([y, m]);
  const perMonth = Math.ceil(TOTAL_COURSES / months.length);
  const byDivision = new Map<string, BenchPerson[]>();
  for (const p of company.people)
    if (p.agent) byDivision.set(p.divisionId, [...(byDivision.get(p.divisionId) ?? []), p]);
  const divisions = company.divisions;

  const rows = {
    approvals: [] as unknown[][],
    decisions: [] as unknown[][],
    plans: [] as unknown[][],
    items: [] as unknown[][],
    courses: [] as unknown[][],
    deliveries: [] as unknown[][],
    confirmations: [] as unknown[][],
    sessions: [] as unknown[][],
    attendees: [] as unknown[][],
    attendance: [] as unknown[][],
    leave: [] as unknown[][],
    closures: [] as unknown[][],
    records: [] as unknown[][],
  };
  const approve = (
    subjectType: string,
    submitter: { id: string; employeeNo: string; name: string },
    approver: typeof ctx.leader,
    when: Date,
    snapshot: object | null,
  ) => {
    const approvalId = id("aa");
    rows.approvals.push([approvalId, subjectType, "APPROVED", 1, submitter.id, when, when]);
    rows.decisions.push(
      [id("ad"), approvalId, 1, "SUBMIT", "DRAFT", "SUBMITTED", ...by(submitter), null, snapshot, when],
      [
        id("ad"),
        approvalId,
        1,
        "APPROVE",
        "SUBMITTED",
        "APPROVED",
        ...by(approver),
        null,
        null,
        new Date(when.getTime() + DAY),
      ],
    );
    return approvalId;
  };
  const held: HeldSession[] = [];
  let courseNo = 0;
  for (const [year, month] of months) {
    const drafted = shanghai(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1, 20, 10);
    let planId = existing.get(`${year}-${month}`);
    if (!planId) {
      planId = id("mp");
      const title = `${year} 年 ${month} 月培训计划`;
      rows.plans.push([
        planId,
        year,
        month,
        title,
        approve("MonthlyPlan", ctx.manager, ctx.leader, drafted, { title }),
        ctx.manager.id,
        drafted,
      ]);
    }
    const annual = planItems.get(year) ?? [];
    const itemIds: Array<{ id: string; topic: string; category: string }> = [];
    for (let k = 0; k < 8; k++) {
      const [topic, category] = COURSE_TOPICS[(month + k) % COURSE_TOPICS.length];
      const itemId = id("mi");
      itemIds.push({ id: itemId, topic, category });
      rows.items.push([
        itemId,
        planId,
        annual.length ? annual[(month * 2 + k) % annual.length] : null,
        `${topic}（${month}月）`,
        category,
        "各催收部门催收员",
        r.int(20, 200),
        r.int(4, 10),
        r.int(5, 40) * 100_000,
        annual.length ? null : "本月新增培训需求。",
        drafted,
      ]);
    }
    for (let c = 0; c < perMonth && courseNo < TOTAL_COURSES; c++, courseNo++) {
      const item = itemIds[c % itemIds.length];
      const division = divisions[courseNo % divisions.length];
      const courseId = id("co");
      const title = `${item.topic}·${division.name}（第${Math.floor(c / itemIds.length) + 1}期）`;
      const lecturer = ctx.lecturers[courseNo % ctx.lecturers.length];
      const day = r.int(3, 26);
      const startsAt = shanghai(year, month, day, r.chance(0.5) ? 9 : 14);
      const created = new Date(startsAt.getTime() - 20 * DAY);
      const withQuiz = quizId !== null && item.category !== "GROUP" && r.chance(0.5);
      rows.courses.push([
        courseId,
        item.id,
        title,
        30,
        `围绕${item.topic}讲解规则要点，结合录音案例演练。`,
        "INTERNAL",
        lecturer.id,
        r.int(0, 10) * 10_000,
        r.int(0, 5) * 10_000,
        approve("Course", ctx.clerk, ctx.manager, created, { title }),
        ctx.clerk.id,
        created,
        withQuiz ? quizId : null,
      ]);
      const publishedAt = new Date(startsAt.getTime() - 7 * DAY);
      rows.deliveries.push([courseId, "PUBLISHED", "笔记本、笔；工牌", publishedAt, ctx.clerk.id, 1, publishedAt]);
      const head = company.heads.get(division.id)!;
      rows.confirmations.push([
        courseId,
        division.id,
        "CONFIRMED",
        new Date(publishedAt.getTime() - DAY),
        head.id,
        head.name,
      ]);
      const pool = (byDivision.get(division.id) ?? []).filter((p) => p.hireDate < startsAt);
      const size = Math.min(pool.length, r.int(20, 30));
      const offset = r.int(0, Math.max(0, pool.length - 1));
      const attendees = Array.from({ length: size }, (_, k) => pool[(offset + k * 7) % pool.length]);
      const unique = [...new Map(attendees.map((p) => [p.id, p])).values()];
      for (const p of unique) rows.attendees.push([courseId, p.id]);
      const sessionCount = r.chance(0.2) ? 2 : 1;
      for (let s = 0; s < sessionCount; s++) {
        const sessionId = id("cs");
        const start = new Date(startsAt.getTime() + s * DAY);
        const stop = new Date(start.getTime() + MINUTES * 60_000);
        rows.sessions.push([sessionId, courseId, start, stop, r.pick(ROOMS), s]);
        if (stop.getTime() > at.getTime()) continue;
        held.push({ sessionId, courseId, startsAt: start, quiz: withQuiz, attendees: unique });
        rows.closures.push([sessionId, new Date(stop.getTime() + 3_600_000), ctx.clerk.id]);
        for (const p of unique) {
          const roll = r.next();
          const mark =
            roll < 0.85
              ? "PRESENT"
              : roll < 0.9
                ? "LATE"
                : roll < 0.93
                  ? "PRESENT_PAPER"
                  : roll < 0.97
                    ? "EXCUSED"
                    : "ABSENT";
          const arrived = new Date(start.getTime() + (mark === "LATE" ? r.int(6, 30) : -r.int(0, 10)) * 60_000);
          rows.attendance.push([
            sessionId,
            p.id,
            mark,
            mark === "PRESENT" ? (r.chance(0.8) ? "QR" : "KIOSK") : "CLERK",
            arrived,
            mark === "PRESENT" ? null : ctx.clerk.id,
            null,
            arrived,
          ]);
          if (mark === "EXCUSED") {
            const [kind, text] = r.pick(LEAVE_REASONS);
            const asked = new Date(start.getTime() - r.int(1, 5) * DAY);
            rows.leave.push([
              id("lr"),
              sessionId,
              p.id,
              kind,
              text,
              approve("LeaveRequest", p, head, asked, null),
              asked,
            ]);
          }
          const outcome = mark === "PRESENT_PAPER" ? "PRESENT" : mark;
          const minutes = outcome === "PRESENT" ? MINUTES : outcome === "LATE" ? MINUTES - 20 : 0;
          const score = withQuiz && minutes > 0 ? r.int(60, 100) : null;
          rows.records.push([
            id("tr"),
            sessionId,
            courseId,
            p.id,
            p.departmentId,
            outcome,
            minutes,
            minutes === 0,
            title,
            item.category,
            lecturer.name,
            start,
            stop,
            score,
            score === null ? null : score >= 90,
            new Date(stop.getTime() + 3_600_000),
          ]);
        }
      }
    }
  }
  const approvalCols = ["id", "subjectType", "state", "revision", "submittedById", "createdAt", "updatedAt"];
  const decisionCols = [
    "id",
    "approvalId",
    "revision",
    "action",
    "fromState",
    "toState",
    "actorId",
    "actorEmployeeNo",
    "actorName",
    "reason",
    "snapshot",
    "at",
  ];
  await copyRows(client, "Approval", approvalCols, rows.approvals);
  await copyRows(client, "ApprovalDecision", decisionCols, rows.decisions);
  await copyRows(
    client,
    "MonthlyPlan",
    ["id", "year", "month", "title", "approvalId", "createdById", "updatedAt"],
    rows.plans,
  );
  await copyRows(
    client,
    "MonthlyPlanItem",
    [
      "id",
      "planId",
      "planItemId",
      "title",
      "category",
      "targetPeople",
      "headcount",
      "sessions",
      "budgetFen",
      "unplannedReason",
      "updatedAt",
    ],
    rows.items,
  );
  await copyRows(
    client,
    "Course",
    [
      "id",
      "monthlyItemId",
      "title",
      "capacity",
      "outline",
      "lecturerKind",
      "lecturerId",
      "lecturerFeeFen",
      "materialsFeeFen",
      "approvalId",
      "createdById",
      "updatedAt",
      "quizId",
    ],
    rows.courses,
  );
  await copyRows(
    client,
    "CourseDelivery",
    ["courseId", "state", "bringItems", "publishedAt", "publishedById", "version", "updatedAt"],
    rows.deliveries,
  );
  await copyRows(
    client,
    "HeadConfirmation",
    ["courseId", "departmentId", "state", "confirmedAt", "confirmedById", "confirmedByName"],
    rows.confirmations,
  );
  await copyRows(
    client,
    "CourseSession",
    ["id", "courseId", "startsAt", "endsAt", "location", "sequence"],
    rows.sessions,
  );
  await copyRows(client, "CourseAttendee", ["courseId", "personId"], rows.attendees);
  await copyRows(
    client,
    "Attendance",
    ["sessionId", "personId", "mark", "source", "at", "markedById", "note", "updatedAt"],
    rows.attendance,
  );
  await copyRows(
    client,
    "LeaveRequest",
    ["id", "sessionId", "personId", "reasonKind", "reasonText", "approvalId", "createdAt"],
    rows.leave,
  );
  await copyRows(client, "RosterClosure", ["sessionId", "closedAt", "closedById"], rows.closures);
  await copyRows(
    client,
    "TrainingRecord",
    [
      "id",
      "sessionId",
      "courseId",
      "personId",
      "departmentId",
      "outcome",
      "minutes",
      "makeUpOwed",
      "courseTitle",
      "category",
      "lecturerName",
      "startsAt",
      "endsAt",
      "quizScorePercent",
      "quizPassed",
      "createdAt",
    ],
    rows.records,
  );
  return {
    held,
    counts: {
      courses: rows.courses.length,
      sessions: rows.sessions.length,
      attendees: rows.attendees.length,
      attendance: rows.attendance.length,
      leave: rows.leave.length,
      records: rows.records.length,
      approvals: rows.approvals.length,
    },
  };
}
