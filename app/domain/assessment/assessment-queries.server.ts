// Reads for the assessment pages, each scoped to who is looking: the training department and leaders every
// form; a head their department's new hires and forms (teams included); a lecturer the new hires of the
// onboarding courses they lecture; an assessor always their own forms.
import { caseWorkQuizId } from "~/domain/certification/certification-queries.server";
import type { Prisma } from "~/generated/prisma/client";
import { departmentIdsInScope, type CurrentUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import {
  decodeInstantIdCursor,
  encodeInstantIdCursor,
  keysetPage,
  keysetAfter,
  keysetRequest,
  NO_PAGE,
} from "~/utils/keyset";
import { scopeFor } from "~/utils/permissions";
import { comparisonBase, listDecisions } from "~/workflow/approval.server";

import { formStanding } from "./assessment-rules";

export const PAGE_SIZE = 20;

export type AssessmentViewer = {
  id: string;
  roles: CurrentUser["roles"];
  /** Reads every form. */
  readsAll: boolean;
  /** Assesses every new hire (the training manager). */
  assessesAll: boolean;
  /** The departments (with their teams) this head supervises; empty for everyone else. */
  headOf: string[];
  lectures: boolean;
};

export async function assessmentViewer(user: CurrentUser): Promise<AssessmentViewer> {
  const head = user.roles.includes("DEPARTMENT_HEAD");
  return {
    id: user.id,
    roles: user.roles,
    readsAll: scopeFor(user.roles, "read:assessment") === "any",
    assessesAll: scopeFor(user.roles, "assess:new-hire") === "any",
    headOf: head ? ((await departmentIdsInScope({ user, scope: "department" })) ?? []) : [],
    lectures: user.roles.includes("LECTURER"),
  };
}

/** People attending an onboarding course this lecturer gives. */
const lecturedBy = (viewerId: string): Prisma.PersonWhereInput => ({
  courseAttendances: {
    some: { course: { lecturerId: viewerId, monthlyItem: { category: "NEW_HIRE" }, approval: { state: "APPROVED" } } },
  },
});

/** The new hires a viewer may assess (the same people as mayAssess, as a query). */
function assessable(viewer: AssessmentViewer): Prisma.PersonWhereInput {
  const base: Prisma.PersonWhereInput = { status: "NEW_HIRE", disabledAt: null, id: { not: viewer.id } };
  if (viewer.assessesAll) return base;
  const or: Prisma.PersonWhereInput[] = [];
  if (viewer.headOf.length) or.push({ departmentId: { in: viewer.headOf } });
  if (viewer.lectures) or.push(lecturedBy(viewer.id));
  return or.length ? { ...base, OR: or } : { id: { in: [] } };
}

/** The forms a viewer may open. */
function visibleForms(viewer: AssessmentViewer): Prisma.PreJobAssessmentWhereInput {
  if (viewer.readsAll) return {};
  const or: Prisma.PreJobAssessmentWhereInput[] = [{ assessorId: viewer.id }];
  if (viewer.headOf.length) or.push({ person: { departmentId: { in: viewer.headOf } } });
  if (viewer.lectures) or.push({ person: lecturedBy(viewer.id) });
  return { OR: or };
}

const listSelect = {
  id: true,
  result: true,
  assessedAt: true,
  person: { select: { id: true, name: true, employeeNo: true, department: { select: { name: true } } } },
  course: { select: { title: true } },
  assessorId: true,
  approval: {
    select: {
      state: true,
      revision: true,
      decisions: { orderBy: { at: "desc" }, take: 1, select: { actorName: true, action: true, at: true } },
    },
  },
} satisfies Prisma.PreJobAssessmentSelect;

type ListRow = Prisma.PreJobAssessmentGetPayload<{ select: typeof listSelect }>;

async function listItems(rows: ListRow[]) {
  const assessors = await db.person.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.assessorId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(assessors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    result: r.result,
    assessedAt: r.assessedAt,
    person: {
      id: r.person.id,
      name: r.person.name,
      employeeNo: r.person.employeeNo,
      department: r.person.department.name,
    },
    courseTitle: r.course?.title ?? null,
    assessorName: nameOf.get(r.assessorId) ?? "",
    standing: formStanding(r.approval.state),
    revision: r.approval.revision,
    lastDecision: r.approval.decisions[0] ?? null,
  }));
}
export type AssessmentListItem = Awaited<ReturnType<typeof listItems>>[number];

/** Which page of a list to show: `after`/`before` cursors (a bad one is the first page). */
export type AssessmentPageQuery = { after?: string; before?: string };

/** An employee number as a cursor (the new hires are listed by it). */
const decodeEmployeeNo = (value: string | undefined) => (value && /^[\w-]{1,40}$/.test(value) ? value : null);

/** New hires this viewer may assess, with their latest form: a keyset page by employee number. */
export async function newHiresToAssess(viewer: AssessmentViewer, query: AssessmentPageQuery = {}) {
  const request = keysetRequest(query, decodeEmployeeNo);
  const keyset = keysetAfter("Person", "asc", request, ["employeeNo"], (c) => [c]);
  const people = await db.person.findMany({
    where: { AND: [assessable(viewer), keyset.where] },
    orderBy: keyset.orderBy,
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      name: true,
      employeeNo: true,
      hireDate: true,
      department: { select: { name: true } },
      assessments: { orderBy: { assessedAt: "desc" }, take: 1, select: listSelect },
    },
  });
  const page = keysetPage(people, request, PAGE_SIZE, (p) => p.employeeNo);
  const latest = await listItems(page.rows.flatMap((p) => p.assessments));
  return {
    items: page.rows.map((p) => ({
      id: p.id,
      name: p.name,
      employeeNo: p.employeeNo,
      hireDate: p.hireDate,
      department: p.department.name,
      latest: latest.find((l) => l.person.id === p.id) ?? null,
    })),
    next: page.next,
    previous: page.previous,
  };
}

/**
 * One keyset page of forms matching `where`, by when they were assessed (ids breaking ties): only the page and
 * one row more are read, no OFFSET.
 */
async function formsPage(where: Prisma.PreJobAssessmentWhereInput, dir: "asc" | "desc", query: AssessmentPageQuery) {
  const request = keysetRequest(query, decodeInstantIdCursor);
  const keyset = keysetAfter("PreJobAssessment", dir, request, ["assessedAt", "id"], (c) => [c.at, c.id]);
  const rows = await db.preJobAssessment.findMany({
    where: { AND: [where, keyset.where] },
    orderBy: keyset.orderBy,
    take: PAGE_SIZE + 1,
    select: listSelect,
  });
  const page = keysetPage(rows, request, PAGE_SIZE, (r) => encodeInstantIdCursor({ at: r.assessedAt, id: r.id }));
  return { items: await listItems(page.rows), next: page.next, previous: page.previous };
}

/** Forms waiting for this head's sign-off: filed for new hires of their departments (never their own). */
function signOffWhere(viewer: AssessmentViewer): Prisma.PreJobAssessmentWhereInput {
  return {
    approval: { state: "SUBMITTED" },
    personId: { not: viewer.id },
    person: { departmentId: { in: viewer.headOf } },
  };
}

/** How many forms wait for this head's sign-off (the tab's badge). */
export async function signOffCount(viewer: AssessmentViewer) {
  return viewer.headOf.length === 0 ? 0 : db.preJobAssessment.count({ where: signOffWhere(viewer) });
}

/** Forms waiting for this head's sign-off, the longest waiting first, a keyset page at a time. */
export async function waitingForSignOff(viewer: AssessmentViewer, query: AssessmentPageQuery = {}) {
  if (viewer.headOf.length === 0) return NO_PAGE;
  return formsPage(signOffWhere(viewer), "asc", query);
}

/** Every form this viewer may read, newest first, a keyset page at a time, with how many there are. */
export async function allForms(viewer: AssessmentViewer, query: AssessmentPageQuery = {}) {
  const where = visibleForms(viewer);
  const [total, page] = await Promise.all([db.preJobAssessment.count({ where }), formsPage(where, "desc", query)]);
  return { ...page, total };
}

/** The best submitted score of the certification quiz, per person asked. */
export async function bestQuizAttempts(personId: string) {
  const quizId = await caseWorkQuizId();
  if (!quizId) return [];
  return db.quizAttempt.findMany({
    where: { quizId, personId, status: "SUBMITTED" },
    select: { scorePercent: true },
  });
}

/** One form as its page shows it, or null when this viewer may not read it. */
export async function assessmentForm(assessmentId: string, viewer: AssessmentViewer) {
  const form = await db.preJobAssessment.findFirst({
    where: { AND: [{ id: assessmentId }, visibleForms(viewer)] },
    select: {
      ...listSelect,
      personId: true,
      courseId: true,
      attendanceScore: true,
      quizScore: true,
      practiceScore: true,
      attitudeScore: true,
      comments: true,
      person: {
        select: {
          id: true,
          name: true,
          employeeNo: true,
          status: true,
          hireDate: true,
          post: true,
          department: { select: { name: true } },
        },
      },
      approval: { select: { id: true, state: true, revision: true } },
    },
  });
  if (!form) return null;
  const [decisions, base, assessor] = await Promise.all([
    listDecisions(form.approval.id),
    comparisonBase(form.approval),
    db.person.findUnique({ where: { id: form.assessorId }, select: { name: true, employeeNo: true } }),
  ]);
  return { form, decisions, base, assessor };
}
