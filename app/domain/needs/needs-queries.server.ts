// Reads of the needs survey, shaped for its pages; `scope` is the department ids in view (null = all).
import { CATEGORIES } from "~/domain/plan/fields";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

import { questionsFrozenBy, summarize } from "./needs-rules";

const inScope = (scope: string[] | null): Prisma.DepartmentNeedsFormWhereInput =>
  scope ? { departmentId: { in: scope } } : {};

export async function listSurveys(scope: string[] | null) {
  const surveys = await db.needsSurvey.findMany({
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      status: true,
      deadline: true,
      forms: { where: inScope(scope), select: { id: true, status: true, departmentId: true } },
      _count: { select: { responses: true } },
    },
  });
  return surveys.map(({ _count, ...s }) => ({ ...s, responses: _count.responses }));
}

export async function getSurvey(surveyId: string) {
  return db.needsSurvey.findUnique({ where: { id: surveyId } });
}

/** The survey page: every department's form in view, its heads, and who has answered the questionnaire. */
export async function surveyOverview(surveyId: string, scope: string[] | null) {
  const survey = await db.needsSurvey.findUnique({
    where: { id: surveyId },
    include: {
      forms: {
        where: inScope(scope),
        orderBy: { department: { sortOrder: "asc" } },
        select: {
          id: true,
          status: true,
          reopened: true,
          submittedAt: true,
          departmentId: true,
          department: { select: { name: true } },
          _count: { select: { items: true } },
        },
      },
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, text: true, options: true, required: true },
      },
    },
  });
  if (!survey) return null;
  const heads = await db.roleAssignment.findMany({
    where: { role: "DEPARTMENT_HEAD" },
    select: { departmentId: true, person: { select: { name: true, departmentId: true } } },
  });
  const headNames = (departmentId: string) =>
    heads.filter((h) => (h.departmentId ?? h.person.departmentId) === departmentId).map((h) => h.person.name);
  const departments = await db.department.findMany({ select: { id: true, parentId: true } });
  // Answers and staff counted per top-level department (teams roll up into their department).
  const parentOf = new Map(departments.map((d) => [d.id, d.parentId]));
  const formDepartments = new Set(survey.forms.map((f) => f.departmentId));
  const topOf = (id: string) => {
    let at: string | null | undefined = id;
    while (at && !formDepartments.has(at)) at = parentOf.get(at);
    return at ?? id;
  };
  const [people, responses] = await Promise.all([
    db.person.findMany({
      where: { disabledAt: null, status: { not: "LEFT" }, ...(scope ? { departmentId: { in: scope } } : {}) },
      select: { departmentId: true },
    }),
    db.questionnaireResponse.findMany({
      where: { surveyId, ...(scope ? { departmentId: { in: scope } } : {}) },
      select: { departmentId: true },
    }),
  ]);
  const count = (rows: Array<{ departmentId: string }>, departmentId: string) =>
    rows.filter((r) => topOf(r.departmentId) === departmentId).length;
  return {
    ...survey,
    forms: survey.forms.map((f) => ({
      ...f,
      items: f._count.items,
      heads: headNames(f.departmentId),
      staff: count(people, f.departmentId),
      answered: count(responses, f.departmentId),
    })),
    totals: { staff: people.length, answered: responses.length },
  };
}

const planLinkTitles = {
  orderBy: { planItem: { createdAt: "asc" } },
  select: { planItem: { select: { id: true, title: true } } },
} as const;

export async function getNeedsForm(formId: string, scope: string[] | null) {
  const form = await db.departmentNeedsForm.findUnique({
    where: { id: formId },
    include: {
      survey: true,
      department: { select: { name: true } },
      items: { orderBy: { createdAt: "asc" }, include: { planLinks: planLinkTitles } },
    },
  });
  if (!form || (scope && !scope.includes(form.departmentId))) return null;
  return form;
}

/** The questionnaire's questions as the training manager sets them up, and why they are frozen (if they are). */
export async function questionnaireSetup(surveyId: string) {
  const survey = await db.needsSurvey.findUnique({
    where: { id: surveyId },
    select: {
      id: true,
      year: true,
      status: true,
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, text: true, options: true, required: true },
      },
      _count: { select: { responses: true } },
    },
  });
  if (!survey) return null;
  return {
    survey: { id: survey.id, year: survey.year },
    questions: survey.questions,
    frozen: questionsFrozenBy(survey, survey._count.responses),
  };
}

export async function questionnaireFor(surveyId: string, personId: string) {
  const survey = await db.needsSurvey.findUnique({
    where: { id: surveyId },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  if (!survey) return null;
  const response = await db.questionnaireResponse.findUnique({
    where: { surveyId_personId: { surveyId, personId } },
    select: { submittedAt: true },
  });
  return { survey, response };
}

/** Open questionnaires and whether this person has answered them. */
export async function questionnairesFor(personId: string) {
  const surveys = await db.needsSurvey.findMany({
    orderBy: { year: "desc" },
    take: 5,
    select: {
      id: true,
      year: true,
      status: true,
      deadline: true,
      responses: { where: { personId }, select: { submittedAt: true } },
    },
  });
  return surveys.map(({ responses, ...s }) => ({ ...s, answeredAt: responses[0]?.submittedAt ?? null }));
}

/** The need lines of submitted forms in view, with their department: what the summary and plan work from. */
export async function submittedNeeds(surveyId: string, scope: string[] | null) {
  return db.needItem.findMany({
    where: { form: { surveyId, status: "SUBMITTED", ...inScope(scope) } },
    orderBy: [{ form: { department: { sortOrder: "asc" } } }, { createdAt: "asc" }, { id: "asc" }],
    include: { form: { select: { departmentId: true, department: { select: { name: true } } } } },
  });
}
export type SubmittedNeed = Awaited<ReturnType<typeof submittedNeeds>>[number];

/** The roll-ups the summary page and its workbook show. */
export function summarizeNeeds(needs: SubmittedNeed[]) {
  return summarize(
    needs.map((n) => ({ ...n, departmentId: n.form.departmentId, departmentName: n.form.department.name })),
    CATEGORIES,
  );
}

/**
 * What became of the submitted needs in view (002): each need's outcome and the plan items answering it,
 * the year's plan items to adopt a need into, and whether the plan is still a draft (links may change).
 */
export async function needOutcomes(surveyId: string, scope: string[] | null) {
  const survey = await db.needsSurvey.findUnique({ where: { id: surveyId }, select: { id: true, year: true } });
  if (!survey) return null;
  const [needs, plan] = await Promise.all([
    db.needItem.findMany({
      where: { form: { surveyId, status: "SUBMITTED", ...inScope(scope) } },
      orderBy: [{ form: { department: { sortOrder: "asc" } } }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        topic: true,
        category: true,
        headcount: true,
        months: true,
        priority: true,
        reason: true,
        outcome: true,
        outcomeReason: true,
        outcomeAt: true,
        updatedAt: true,
        form: { select: { department: { select: { name: true } } } },
        planLinks: planLinkTitles,
      },
    }),
    db.annualPlan.findUnique({
      where: { year: survey.year },
      select: {
        id: true,
        approval: { select: { state: true } },
        items: { orderBy: { createdAt: "asc" }, select: { id: true, title: true } },
      },
    }),
  ]);
  return {
    survey,
    plan: plan ? { id: plan.id, state: plan.approval.state, items: plan.items } : null,
    needs: needs.map(({ form, planLinks, ...n }) => ({
      ...n,
      department: form.department.name,
      items: planLinks.map((l) => l.planItem),
    })),
  };
}
