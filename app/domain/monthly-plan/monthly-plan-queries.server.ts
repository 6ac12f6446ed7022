// Reads of monthly plans shaped for their pages and the month calendar.
import { overBy, rollUp } from "~/domain/course/budget-rules";
import { CALENDAR_SESSION } from "~/domain/course/course-queries.server";
import { courseCost } from "~/domain/course/course-rules";
import { db } from "~/utils/db.server";
import type { RoleName } from "~/utils/permissions";
import { availableActions, isEditable } from "~/workflow/approval-rules";
import { comparisonBase, listDecisions, submittedSnapshot } from "~/workflow/approval.server";

import { annualHeadcountOf, annualHeadcounts } from "./annual-items.server";
import { diffMonthlyPlans, type MonthlySnapshot } from "./monthly-plan-diff";
import { MonthlyPlanSubject, monthlySnapshot } from "./monthly-plan-subject.server";

export function listMonthlyPlans() {
  return db.monthlyPlan.findMany({
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: {
      id: true,
      year: true,
      month: true,
      title: true,
      approval: { select: { state: true, revision: true } },
      items: { select: { budgetFen: true } },
    },
  });
}

/** The plan and the item ("new": none) an item form edits; null when either does not exist. */
export async function monthlyItemToEdit(planId: string, itemId: string) {
  const plan = await db.monthlyPlan.findUnique({
    where: { id: planId },
    select: { id: true, year: true, month: true, title: true, approval: { select: { state: true } } },
  });
  if (!plan) return null;
  if (itemId === "new") return { plan, item: null, annualHeadcount: null };
  const item = await db.monthlyPlanItem.findFirst({ where: { id: itemId, planId } });
  if (!item) return null;
  const annualHeadcount = item.planItemId ? await annualHeadcountOf(db, planId, item.planItemId) : null;
  return { plan, item, annualHeadcount };
}

const monthRange = (year: number, month: number) => ({
  gte: new Date(Date.UTC(year, month - 1, 1)),
  lt: new Date(Date.UTC(year, month, 1)),
});

/**
 * Who the month's own items are for and not yet scheduled: people hired (or about to be) this month,
 * and people moving post; only those in `departmentIds` when given (a department head sees their own
 * people only). Someone attending an approved course of an onboarding item (new hires) or a transfer
 * item (people moving post), in any month, is scheduled: the training manager plans each person once,
 * and a course still in the making may yet change, so its people stay listed until it is approved.
 * Monthly items name no one (their target people are free text), so the courses are the only link.
 * `scheduled` says how many were left out for that reason.
 */
export async function peopleToTrain(year: number, month: number, departmentIds: string[] | null = null) {
  const select = {
    id: true,
    employeeNo: true,
    name: true,
    post: true,
    hireDate: true,
    department: { select: { name: true } },
  } as const;
  const active = {
    disabledAt: null,
    status: { not: "LEFT" as const },
    ...(departmentIds ? { departmentId: { in: departmentIds } } : {}),
  };
  const groups = {
    newHires: { ...active, OR: [{ status: "NEW_HIRE" as const }, { hireDate: monthRange(year, month) }] },
    transfers: { ...active, status: "TRANSFERRING" as const },
  };
  const inCourse = (category: "NEW_HIRE" | "TRANSFER") => ({
    course: { approval: { state: "APPROVED" as const }, monthlyItem: { category } },
  });
  const [newHires, transfers, newHiresScheduled, transfersScheduled] = await Promise.all([
    db.person.findMany({
      where: { ...groups.newHires, courseAttendances: { none: inCourse("NEW_HIRE") } },
      select,
      orderBy: { employeeNo: "asc" },
    }),
    db.person.findMany({
      where: { ...groups.transfers, courseAttendances: { none: inCourse("TRANSFER") } },
      select,
      orderBy: { employeeNo: "asc" },
    }),
    db.person.count({ where: { ...groups.newHires, courseAttendances: { some: inCourse("NEW_HIRE") } } }),
    db.person.count({ where: { ...groups.transfers, courseAttendances: { some: inCourse("TRANSFER") } } }),
  ]);
  return { newHires, transfers, scheduled: { newHires: newHiresScheduled, transfers: transfersScheduled } };
}

/** `peopleIn`: the departments whose people the reader may see (null: all). */
export async function monthlyPlanPage(planId: string, roles: RoleName[], peopleIn: string[] | null) {
  const plan = await db.monthlyPlan.findUnique({
    where: { id: planId },
    include: {
      approval: true,
      items: {
        orderBy: { createdAt: "asc" },
        include: {
          planItem: { select: { title: true, months: true, budgetFen: true } },
          courses: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              title: true,
              lecturerFeeFen: true,
              venueFeeFen: true,
              materialsFeeFen: true,
              externalFeeFen: true,
              otherFeeFen: true,
              approval: { select: { state: true, revision: true } },
            },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const { approval } = plan;
  const budget = rollUp({
    annualItems: [],
    monthlyItems: plan.items.map((i) => ({
      id: i.id,
      planItemId: i.planItemId,
      month: plan.month,
      category: i.category,
      title: i.title,
      budgetFen: i.budgetFen,
    })),
    courses: plan.items.flatMap((i) =>
      i.courses.map((c) => ({
        id: c.id,
        monthlyItemId: i.id,
        costFen: courseCost(c),
        approved: c.approval.state === "APPROVED",
      })),
    ),
  });
  const [decisions, base, people, heads] = await Promise.all([
    listDecisions(approval.id),
    comparisonBase(approval),
    peopleToTrain(plan.year, plan.month, peopleIn),
    annualHeadcounts(db, plan.year, plan.month),
  ]);
  // While a revision is in the making, the leader and the manager see how it differs from the last one
  // decided on: the one sent back, or the approved one it changes (with why it was reopened).
  const before = base ? ((await submittedSnapshot(approval.id, base.revision)) as MonthlySnapshot | null) : null;
  const rejection = base?.kind === "rejected" ? base : null;
  return {
    plan: {
      id: plan.id,
      year: plan.year,
      month: plan.month,
      title: plan.title,
      state: approval.state,
      revision: approval.revision,
    },
    items: plan.items.map((i) => {
      const line = budget.monthlyItems.find((m) => m.id === i.id)!;
      return {
        id: i.id,
        title: i.title,
        category: i.category,
        targetPeople: i.targetPeople,
        headcount: i.headcount,
        sessions: i.sessions,
        budgetFen: i.budgetFen,
        planned: Boolean(i.planItemId),
        annualHeadcount: i.planItemId ? (heads.get(i.planItemId) ?? null) : null,
        annualTitle: i.planItem?.title ?? null,
        unplannedReason: i.unplannedReason,
        committedFen: line.committedFen,
        pendingFen: line.pendingFen,
        overFen: overBy(line),
        courses: i.courses.map((c) => ({
          id: c.id,
          title: c.title,
          costFen: courseCost(c),
          state: c.approval.state,
          revision: c.approval.revision,
        })),
      };
    }),
    total: budget.total,
    people,
    decisions,
    rejection,
    diff:
      base && before
        ? { rejection: base, changes: diffMonthlyPlans(before, await monthlySnapshot(db, approval.id)) }
        : null,
    actions: availableActions(approval.state, roles, MonthlyPlanSubject.policy),
    editable: isEditable(approval.state),
  };
}

/** The month's items and the sessions of their courses, for the calendar. */
export async function monthCalendar(year: number, month: number, departmentIds: string[] | null) {
  const plan = await db.monthlyPlan.findUnique({
    where: { year_month: { year, month } },
    select: {
      id: true,
      title: true,
      approval: { select: { state: true, revision: true } },
      items: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, category: true, planItemId: true } },
    },
  });
  const sessions = await db.courseSession.findMany({
    where: {
      course: {
        monthlyItem: { plan: { year, month } },
        ...(departmentIds ? { attendees: { some: { person: { departmentId: { in: departmentIds } } } } } : {}),
      },
    },
    orderBy: { startsAt: "asc" },
    select: CALENDAR_SESSION,
  });
  return { plan, sessions };
}
