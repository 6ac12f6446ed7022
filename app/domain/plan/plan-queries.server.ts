// Reads of the annual plan, shaped for its pages, print view and export.
import { db } from "~/utils/db.server";

import { readNeedsForYear, readPlanWithItems, type PlanWithItems } from "./plan-read.server";

export function listPlans() {
  return db.annualPlan.findMany({
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      title: true,
      updatedAt: true,
      approval: { select: { state: true, revision: true } },
      _count: { select: { items: true } },
    },
  });
}

/** What an item's view needs besides its own columns: its needs, and the names of its department and lecturer. */
export const itemInclude = {
  needs: { select: { needItemId: true } },
  department: { select: { name: true } },
  lecturer: { select: { name: true } },
} as const;

/** The plan with its approval and its items (with their needs, department and lecturer): one statement. */
export const getPlan = readPlanWithItems;
export type { PlanWithItems };

/** Just what an item form's post needs of its plan: the year its months must fall in. */
export function planYear(planId: string) {
  return db.annualPlan.findUnique({ where: { id: planId }, select: { id: true, year: true } });
}

/** The needs submitted in the survey of the plan's year, shaped for linking and coverage: one statement. */
export const needsForYear = readNeedsForYear;

export const itemView = (i: PlanWithItems["items"][number]) => ({
  id: i.id,
  title: i.title,
  category: i.category,
  months: i.months,
  targetPeople: i.targetPeople,
  sessions: i.sessions,
  hoursTenths: i.hoursTenths,
  delivery: i.delivery,
  lecturerType: i.lecturerType,
  budgetFen: i.budgetFen,
  headcount: i.headcount,
  departmentId: i.departmentId,
  department: i.department?.name ?? null,
  lecturerId: i.lecturerId,
  lecturerName: i.lecturerName,
  lecturer: i.lecturer?.name ?? i.lecturerName ?? null,
  needIds: i.needs.map((n) => n.needItemId),
});

/** The departments an item can be run by, and the people who can lecture (lecturers first), for the item form. */
export async function itemChoices() {
  const [departments, people] = await Promise.all([
    db.department.findMany({
      where: { kind: { not: "TEAM" } },
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
      select: { id: true, name: true },
    }),
    db.person.findMany({
      where: { disabledAt: null, status: { not: "LEFT" } },
      orderBy: { employeeNo: "asc" },
      select: { id: true, name: true, employeeNo: true, post: true, roles: { select: { role: true } } },
    }),
  ]);
  const lecturer = (p: (typeof people)[number]) => p.roles.some((r) => r.role === "LECTURER");
  const lecturers = [...people.filter(lecturer), ...people.filter((p) => !lecturer(p))].map(({ roles: _r, ...p }) => p);
  return { departments, lecturers };
}
