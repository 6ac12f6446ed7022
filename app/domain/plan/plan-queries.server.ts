// Reads of the annual plan, shaped for its pages, print view and export.
import { submittedNeeds } from "~/domain/needs/needs-queries.server";
import { db } from "~/utils/db.server";

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

export async function getPlan(planId: string) {
  return db.annualPlan.findUnique({
    where: { id: planId },
    include: {
      approval: true,
      items: { orderBy: { createdAt: "asc" }, include: { needs: { select: { needItemId: true } } } },
    },
  });
}

export type PlanWithItems = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

/** Just what an item form's post needs of its plan: the year its months must fall in. */
export function planYear(planId: string) {
  return db.annualPlan.findUnique({ where: { id: planId }, select: { id: true, year: true } });
}

/** The needs submitted in the survey of the plan's year, shaped for linking and coverage. */
export async function needsForYear(year: number) {
  const survey = await db.needsSurvey.findUnique({ where: { year }, select: { id: true } });
  if (!survey) return { surveyId: null, needs: [] };
  const needs = await submittedNeeds(survey.id, null);
  return {
    surveyId: survey.id,
    needs: needs.map((n) => ({
      id: n.id,
      topic: n.topic,
      category: n.category,
      department: n.form.department.name,
      headcount: n.headcount,
      months: n.months,
      hoursTenths: n.hoursTenths,
      costFen: n.costFen,
      priority: n.priority,
      delivery: n.delivery,
      targetPeople: n.targetPeople,
    })),
  };
}

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
  needIds: i.needs.map((n) => n.needItemId),
});
