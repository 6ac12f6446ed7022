// The closed year's plans and courses, built in memory and written in a few createMany batches: the
// annual plan of a year the demo does not plan itself, an approved monthly plan per month, and for each
// item approved, prepared, confirmed and published courses with their sessions and attendees.
import { randomUUID } from "node:crypto";

import { sessionUid } from "../../app/domain/delivery/invite";
import { standardItems } from "../../app/domain/delivery/preparation-rules";
import { monthShare } from "../../app/domain/monthly-plan/monthly-plan-rules";
import type { Prisma } from "../../app/generated/prisma/client";
import type { Tx } from "../../app/utils/db.server";

import {
  BRING,
  COURSE_REJECTIONS,
  COURSES,
  HISTORY_ITEMS,
  MONTHLY_REJECTION,
  ONBOARDING_ITEM,
  REFRESHER_ITEM,
  type Category,
  type CourseTemplate,
} from "./history-data";
import { insertRows } from "./history-insert";
import { audienceAt, type HPerson } from "./history-people";
import { DAY, HOUR, MINUTE, wallClock, workingDays } from "./history-time";

type Who = { id: string; employeeNo: string; name: string };
export type HSession = { id: string; courseId: string; startsAt: Date; endsAt: Date; location: string };
export type HCourse = {
  id: string;
  itemId: string;
  title: string;
  template: CourseTemplate;
  attendees: HPerson[];
  sessions: HSession[];
  approvedAt: Date;
  publishedAt: Date;
};
type AnnualRow = {
  id: string;
  title: string;
  category: Category;
  months: number[];
  sessions: number;
  budgetFen: number;
  targetPeople: string;
};

export type PlanContext = {
  tx: Tx;
  people: HPerson[];
  manager: Who;
  leader: Who;
  clerk: Who;
  quizId: string | null;
  /** Department id of COL1 and COL2 (the heads confirm for their teams). */
  headDepartments: Record<string, string>;
  heads: Record<string, Who>;
  /** 培训部, which runs the closed year's items. */
  trainingDepartmentId: string;
};

const UNTAKEN = "电话礼仪与文明用语";
// The closed year's items state the people they train by kind: the agents, a year's intake, a few movers.
const HISTORY_HEADCOUNT: Record<Category, number> = { INTERNAL: 40, NEW_HIRE: 16, TRANSFER: 3, EXTERNAL: 2, GROUP: 2 };
const by = (p: Who) => ({ actorId: p.id, actorEmployeeNo: p.employeeNo, actorName: p.name });
const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The approved annual plan of a year the other seeds left out: drafted, sent back once, approved at New Year. */
export async function seedAnnualPlan(ctx: PlanContext, year: number): Promise<void> {
  const { tx, manager, leader } = ctx;
  const at = (month: number, day: number, hour = 10) => new Date(Date.UTC(year - 1, month - 1, day, hour - 8));
  const approvalId = randomUUID();
  const planId = randomUUID();
  await tx.approval.create({
    data: {
      id: approvalId,
      subjectType: "AnnualPlan",
      state: "APPROVED",
      revision: 2,
      submittedById: manager.id,
      createdAt: at(12, 22),
    },
  });
  await tx.annualPlan.create({
    data: {
      id: planId,
      year,
      title: `${year} 年度培训计划`,
      approvalId,
      createdById: manager.id,
      createdAt: at(12, 22),
    },
  });
  const items = HISTORY_ITEMS.map(
    ([title, category, months, targetPeople, sessions, hours, delivery, lecturerType, yuan], i) => ({
      id: randomUUID(),
      planId,
      title,
      category,
      months,
      targetPeople,
      sessions,
      hoursTenths: hours * 10,
      delivery,
      lecturerType,
      budgetFen: yuan * 100,
      headcount: HISTORY_HEADCOUNT[category],
      departmentId: ctx.trainingDepartmentId,
      createdAt: new Date(at(12, 22).getTime() + i * MINUTE),
    }),
  );
  await tx.planItem.createMany({ data: items });
  const view = items.map(({ planId: _, createdAt: __, ...i }) => ({
    ...i,
    department: "培训部",
    lecturerId: null,
    lecturerName: null,
    lecturer: null,
    needIds: [] as string[],
  }));
  const approved = { title: `${year} 年度培训计划`, items: view };
  const first = { ...approved, items: view.filter((i) => i.title !== "情绪管理与压力调节") };
  const step = (revision: number, action: "SUBMIT" | "APPROVE" | "REJECT", actor: Who, when: Date, extra = {}) => ({
    approvalId,
    revision,
    action,
    fromState: action === "SUBMIT" ? ("DRAFT" as const) : ("SUBMITTED" as const),
    toState:
      action === "SUBMIT" ? ("SUBMITTED" as const) : action === "APPROVE" ? ("APPROVED" as const) : ("DRAFT" as const),
    ...by(actor),
    at: when,
    ...extra,
  });
  await tx.approvalDecision.createMany({
    data: [
      step(1, "SUBMIT", manager, at(12, 26), { snapshot: json(first) }),
      step(1, "REJECT", leader, at(12, 28), { reason: "催收二部提出的情绪管理需求未纳入计划，请补充后再报。" }),
      step(2, "SUBMIT", manager, at(12, 30), { snapshot: json(approved) }),
      step(2, "APPROVE", leader, at(12, 31), { reason: "同意。" }),
    ],
  });
}

type Rows = {
  approvals: Prisma.ApprovalCreateManyInput[];
  decisions: Prisma.ApprovalDecisionCreateManyInput[];
  plans: Prisma.MonthlyPlanCreateManyInput[];
  items: Prisma.MonthlyPlanItemCreateManyInput[];
  courses: Prisma.CourseCreateManyInput[];
  sessions: Prisma.CourseSessionCreateManyInput[];
  attendees: Prisma.CourseAttendeeCreateManyInput[];
  deliveries: Prisma.CourseDeliveryCreateManyInput[];
  preparation: Prisma.PreparationItemCreateManyInput[];
  confirmations: Prisma.HeadConfirmationCreateManyInput[];
  invites: Prisma.SessionInviteCreateManyInput[];
  rules: Prisma.CourseRuleCreateManyInput[];
};

type Planned = {
  planItemId: string | null;
  title: string;
  category: Category;
  targetPeople: string;
  sessions: number | null;
  budgetFen: number | null;
  unplannedReason: string | null;
  templates: CourseTemplate[];
};

/** Every history month's plan and courses; returns the courses (oldest first) for attendance and the rest. */
export async function seedMonths(
  ctx: PlanContext,
  months: Array<{ year: number; month: number }>,
  ownYears: Set<number>,
): Promise<HCourse[]> {
  const annual = new Map<number, AnnualRow[]>();
  for (const year of new Set(months.map((m) => m.year))) {
    const plan = await ctx.tx.annualPlan.findUnique({
      where: { year },
      select: { items: { orderBy: { createdAt: "asc" } } },
    });
    annual.set(year, plan?.items ?? []);
  }
  const rows: Rows = {
    approvals: [],
    decisions: [],
    plans: [],
    items: [],
    courses: [],
    sessions: [],
    attendees: [],
    deliveries: [],
    preparation: [],
    confirmations: [],
    invites: [],
    rules: [],
  };
  const courses: HCourse[] = [];
  const context = { onboarded: new Set<string>(), turn: 0 };
  let courseCount = 0;
  for (const [index, { year, month }] of months.entries()) {
    const monthStart = wallClock(year, month, 1, "10:00");
    const before = (days: number, hour = 0) => new Date(monthStart.getTime() - days * DAY + hour * HOUR);
    const days = workingDays(year, month).filter((d) => d >= 6 && d <= 27);
    let cursor = 0;
    let flip = false;
    // Dates of a course's sessions: consecutive working days, a working day between courses.
    const schedule = (t: CourseTemplate) => {
      if (cursor + t.sessions > days.length) [cursor, flip] = [1, !flip];
      const picked = days.slice(cursor, cursor + t.sessions);
      cursor += t.sessions + 1;
      return picked.map((day) => {
        const [from, to] = flip && t.time[0] === "14:00" ? ["09:00", "12:00"] : flip ? ["14:00", "17:00"] : t.time;
        return { startsAt: wallClock(year, month, day, from), endsAt: wallClock(year, month, day, to) };
      });
    };
    const firstDay = wallClock(year, month, days[0], "09:00");
    const newHires = audienceAt(ctx.people, "newHires", firstDay, context);

    // The month's items: the annual items of the month, an onboarding batch when people were hired, and a
    // refresher when the annual plan holds fewer than two items for the month.
    const planned: Planned[] = [];
    for (const item of annual.get(year) ?? []) {
      const share = monthShare(item, month);
      if (!share || planned.length >= 3) continue;
      if (item.category === "NEW_HIRE" && newHires.length === 0) continue;
      // A year the demo plans itself keeps an item no month took (as real plans do; the annual plan's
      // pages and tests delete such an item).
      if (!ownYears.has(year) && item.title === UNTAKEN) continue;
      const templates = COURSES[item.title] ?? [];
      if (templates.length === 0) continue;
      planned.push({
        planItemId: item.id,
        title: item.title,
        category: item.category,
        targetPeople: item.targetPeople,
        sessions: share.sessions,
        budgetFen: share.budgetFen,
        unplannedReason: null,
        templates,
      });
    }
    if (newHires.length > 0 && !planned.some((p) => p.category === "NEW_HIRE"))
      planned.push({
        planItemId: null,
        title: ONBOARDING_ITEM.title(month),
        category: "NEW_HIRE",
        targetPeople: "本月新入职催收员",
        sessions: null,
        budgetFen: null,
        unplannedReason: ONBOARDING_ITEM.reason(newHires.length),
        templates: COURSES.NEW_HIRE,
      });
    if (planned.length < 2)
      planned.push({
        planItemId: null,
        title: REFRESHER_ITEM.title(month),
        category: "INTERNAL",
        targetPeople: "全体催收员",
        sessions: null,
        budgetFen: null,
        unplannedReason: REFRESHER_ITEM.reason,
        templates: COURSES.REFRESHER,
      });

    const planId = randomUUID();
    const planApproval = randomUUID();
    const planRejected = index % 5 === 2;
    const itemRows: Array<Prisma.MonthlyPlanItemCreateManyInput & { id: string }> = [];
    for (const [i, p] of planned.entries()) {
      const itemId = randomUUID();
      let headcount = 0;
      let sessionCount = 0;
      let cost = 0;
      for (const t of p.templates) {
        const dates = schedule(t);
        if (dates.length === 0) continue;
        const attendees = audienceAt(ctx.people, t.audience, dates[0].startsAt, context);
        if (attendees.length === 0) continue;
        if (t.audience === "newHires") for (const a of attendees) context.onboarded.add(a.id);
        if (t.audience === "transfer") context.turn++;
        const course = addCourse(ctx, rows, {
          template: t,
          itemId,
          year,
          month,
          dates,
          attendees,
          n: courseCount++,
          before,
        });
        courses.push(course);
        headcount += attendees.length;
        sessionCount += dates.length;
        cost += courseCost(t);
      }
      itemRows.push({
        id: itemId,
        planId,
        planItemId: p.planItemId,
        title: p.title,
        category: p.category,
        targetPeople: p.targetPeople,
        headcount: Math.max(1, headcount),
        sessions: p.sessions ?? Math.max(1, sessionCount),
        budgetFen: p.budgetFen ?? cost,
        unplannedReason: p.unplannedReason,
        createdAt: before(12, i / 60),
        updatedAt: before(9),
      });
    }
    rows.approvals.push({
      id: planApproval,
      subjectType: "MonthlyPlan",
      state: "APPROVED",
      revision: planRejected ? 2 : 1,
      submittedById: ctx.manager.id,
      createdAt: before(12),
      updatedAt: before(7),
    });
    rows.plans.push({
      id: planId,
      year,
      month,
      title: `${year} 年 ${month} 月培训计划`,
      approvalId: planApproval,
      createdById: ctx.manager.id,
      createdAt: before(12),
      updatedAt: before(7),
    });
    rows.items.push(...itemRows);
    const snapshot = {
      title: `${year} 年 ${month} 月培训计划`,
      items: itemRows.map((i) => ({
        id: i.id,
        planItemId: i.planItemId ?? null,
        title: i.title,
        category: i.category,
        targetPeople: i.targetPeople,
        headcount: i.headcount,
        sessions: i.sessions,
        budgetFen: i.budgetFen,
        unplannedReason: i.unplannedReason ?? null,
      })),
    };
    const revision = planRejected ? 2 : 1;
    if (planRejected) {
      const first = {
        ...snapshot,
        items: snapshot.items.map((i) =>
          i.category === "NEW_HIRE" ? { ...i, budgetFen: Math.round(i.budgetFen / 2) } : i,
        ),
      };
      rows.decisions.push(
        {
          approvalId: planApproval,
          revision: 1,
          action: "SUBMIT",
          fromState: "DRAFT",
          toState: "SUBMITTED",
          ...by(ctx.manager),
          snapshot: json(first),
          at: before(11),
        },
        {
          approvalId: planApproval,
          revision: 1,
          action: "REJECT",
          fromState: "SUBMITTED",
          toState: "DRAFT",
          ...by(ctx.leader),
          reason: MONTHLY_REJECTION,
          at: before(10, 5),
        },
      );
    }
    rows.decisions.push(
      {
        approvalId: planApproval,
        revision,
        action: "SUBMIT",
        fromState: "DRAFT",
        toState: "SUBMITTED",
        ...by(ctx.manager),
        snapshot: json(snapshot),
        at: before(9),
      },
      {
        approvalId: planApproval,
        revision,
        action: "APPROVE",
        fromState: "SUBMITTED",
        toState: "APPROVED",
        ...by(ctx.leader),
        reason: "同意。",
        at: before(7, 6),
      },
    );
  }
  const { tx } = ctx;
  await tx.approval.createMany({ data: rows.approvals });
  await tx.monthlyPlan.createMany({ data: rows.plans });
  await tx.monthlyPlanItem.createMany({ data: rows.items });
  await tx.course.createMany({ data: rows.courses });
  await tx.courseSession.createMany({ data: rows.sessions });
  await tx.courseAttendee.createMany({ data: rows.attendees });
  await tx.courseDelivery.createMany({ data: rows.deliveries });
  await tx.preparationItem.createMany({ data: rows.preparation });
  await tx.headConfirmation.createMany({ data: rows.confirmations });
  await tx.courseRule.createMany({ data: rows.rules });
  await tx.approvalDecision.createMany({ data: rows.decisions });
  await insertRows(tx, "SessionInvite", rows.invites);
  return courses;
}

const courseCost = (t: CourseTemplate) =>
  Object.values(t.fees).reduce((s, v) => s + (v ?? 0), 0) + (typeof t.lecturer === "string" ? 0 : t.lecturer.feeFen);

function addCourse(
  ctx: PlanContext,
  rows: Rows,
  input: {
    template: CourseTemplate;
    itemId: string;
    year: number;
    month: number;
    dates: Array<{ startsAt: Date; endsAt: Date }>;
    attendees: HPerson[];
    n: number;
    before: (days: number, hour?: number) => Date;
  },
): HCourse {
  const { template: t, before, attendees } = input;
  const id = randomUUID();
  const approvalId = randomUUID();
  const lecturer = typeof t.lecturer === "string" ? ctx.people.find((p) => p.employeeNo === t.lecturer)! : null;
  const ext = typeof t.lecturer === "string" ? null : t.lecturer;
  const title = t.title(input.year, input.month);
  const sessions: HSession[] = input.dates.map((d) => ({ id: randomUUID(), courseId: id, ...d, location: t.room }));
  const costs = {
    lecturerFeeFen: t.fees.lecturerFeeFen ?? 0,
    venueFeeFen: t.fees.venueFeeFen ?? 0,
    materialsFeeFen: t.fees.materialsFeeFen ?? 0,
    externalFeeFen: ext?.feeFen ?? 0,
    otherFeeFen: t.fees.otherFeeFen ?? 0,
  };
  const capacity = Math.max(attendees.length, 10) + 5;
  const created = before(6, input.n % 5);
  const rejection = input.n % 6 === 4 ? COURSE_REJECTIONS[Math.floor(input.n / 6) % COURSE_REJECTIONS.length] : null;
  const approvedAt = before(4, 5 + (input.n % 3));
  rows.approvals.push({
    id: approvalId,
    subjectType: "Course",
    state: "APPROVED",
    revision: rejection ? 2 : 1,
    submittedById: ctx.clerk.id,
    createdAt: created,
    updatedAt: approvedAt,
  });
  rows.courses.push({
    id,
    monthlyItemId: input.itemId,
    title,
    capacity,
    outline: t.outline,
    approvalId,
    createdById: ctx.clerk.id,
    lecturerKind: lecturer ? "INTERNAL" : "EXTERNAL",
    lecturerId: lecturer?.id ?? null,
    externalLecturer: ext?.name ?? null,
    externalOrg: ext?.org ?? null,
    externalContact: ext?.contact ?? null,
    ...costs,
    quizId: t.quiz ? ctx.quizId : null,
    createdAt: created,
    updatedAt: approvedAt,
  });
  rows.sessions.push(...sessions);
  rows.attendees.push(...attendees.map((a) => ({ courseId: id, personId: a.id })));
  rows.rules.push(...t.rules.map((ruleId) => ({ courseId: id, ruleId })));

  // The snapshots the workflow would have kept; a course sent back differed in what the reason names.
  const snapshot = {
    title,
    monthlyItemId: input.itemId,
    capacity,
    outline: t.outline,
    lecturerKind: lecturer ? "INTERNAL" : "EXTERNAL",
    lecturerId: lecturer?.id ?? null,
    externalLecturer: ext?.name ?? null,
    externalOrg: ext?.org ?? null,
    externalContact: ext?.contact ?? null,
    costs,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      location: s.location,
    })),
    attendeeIds: attendees.map((a) => a.id).sort(),
    materials: [],
  };
  const revision = rejection ? 2 : 1;
  if (rejection) {
    const first =
      rejection === COURSE_REJECTIONS[0]
        ? {
            ...snapshot,
            costs: { ...costs, externalFeeFen: costs.externalFeeFen + 1000_00, lecturerFeeFen: ext ? 0 : 800_00 },
          }
        : rejection === COURSE_REJECTIONS[1]
          ? {
              ...snapshot,
              sessions: snapshot.sessions.map((s) => ({
                ...s,
                startsAt: new Date(Date.parse(s.startsAt) - 5 * HOUR).toISOString(),
                endsAt: new Date(Date.parse(s.endsAt) - 5 * HOUR).toISOString(),
              })),
            }
          : { ...snapshot, attendeeIds: snapshot.attendeeIds.slice(0, -1) };
    rows.decisions.push(
      {
        approvalId,
        revision: 1,
        action: "SUBMIT",
        fromState: "DRAFT",
        toState: "SUBMITTED",
        ...by(ctx.clerk),
        snapshot: json(first),
        at: before(5, 1),
      },
      {
        approvalId,
        revision: 1,
        action: "REJECT",
        fromState: "SUBMITTED",
        toState: "DRAFT",
        ...by(ctx.manager),
        reason: rejection,
        at: before(5, 6),
      },
    );
  }
  rows.decisions.push(
    {
      approvalId,
      revision,
      action: "SUBMIT",
      fromState: "DRAFT",
      toState: "SUBMITTED",
      ...by(ctx.clerk),
      snapshot: json(snapshot),
      at: before(4, 1 + (input.n % 3)),
    },
    {
      approvalId,
      revision,
      action: "APPROVE",
      fromState: "SUBMITTED",
      toState: "APPROVED",
      ...by(ctx.manager),
      reason: "同意。",
      at: approvedAt,
    },
  );

  // Steps 008–009: prepared, confirmed by the heads, published before the first session.
  const first = sessions[0].startsAt.getTime();
  const when = (daysBefore: number) => new Date(Math.max(approvedAt.getTime() + HOUR, first - daysBefore * DAY));
  const publishedAt = when(3);
  const clerk = { doneById: ctx.clerk.id, doneByName: ctx.clerk.name };
  rows.deliveries.push({
    courseId: id,
    state: "PUBLISHED",
    bringItems: BRING,
    institutionContact: ext ? ext.contact : null,
    agreedFeeFen: ext ? ext.agreedFen : null,
    confirmBy: when(4),
    lecturerNotifiedAt: lecturer ? when(6) : null,
    publishedAt,
    publishedById: ctx.clerk.id,
    createdAt: approvedAt,
    updatedAt: publishedAt,
  });
  rows.preparation.push(
    ...standardItems(lecturer ? "INTERNAL" : "EXTERNAL").map((item) => ({
      courseId: id,
      ...item,
      doneAt: when(5),
      ...clerk,
      createdAt: approvedAt,
    })),
  );
  for (const code of new Set(attendees.map((a) => a.department))) {
    const departmentId = ctx.headDepartments[code];
    const head = ctx.heads[code];
    if (!departmentId || !head) continue;
    rows.confirmations.push({
      courseId: id,
      departmentId,
      state: "CONFIRMED",
      confirmedAt: when(4.5),
      confirmedById: head.id,
      confirmedByName: head.name,
      createdAt: when(5),
    });
  }
  rows.invites.push(
    ...attendees.flatMap((a) =>
      sessions.map((s) => ({
        uid: sessionUid(s.id),
        personId: a.id,
        courseId: id,
        sessionId: s.id,
        sequence: 0,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: s.location,
        sentAt: publishedAt,
        remindedAt: new Date(s.startsAt.getTime() - DAY),
      })),
    ),
  );
  return { id, itemId: input.itemId, title, template: t, attendees, sessions, approvedAt, publishedAt };
}
