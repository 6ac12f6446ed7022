// Reads for the leave pages, each scoped to who is looking: the requester sees their own forms, a head the
// forms of people in their departments, the training clerks (receive:leave) every form.
import { isOnRoster, sessionsSatBy } from "~/domain/attendance/roster.server";
import type { Prisma } from "~/generated/prisma/client";
import { departmentIdsInScope, type CurrentUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import {
  decodeInstantIdCursor,
  encodeInstantIdCursor,
  keysetPage,
  keysetAfter,
  keysetRequest,
  NO_PAGE,
} from "~/utils/keyset";
import { can, scopeFor } from "~/utils/permissions";
import { availableActions } from "~/workflow/approval-rules";
import { comparisonBase, listDecisions } from "~/workflow/approval.server";

import { headsFor } from "./leave-heads.server";
import { tooLateToFile } from "./leave-rules";
import { LeaveSubject } from "./leave-subject.server";

export type LeaveViewer = {
  id: string;
  roles: CurrentUser["roles"];
  /** The departments whose people's forms this head decides (their subtree); empty for everyone else. */
  headOf: string[];
  /** Holds receive:leave: sees every form, acknowledges approved ones. */
  receives: boolean;
};

export async function leaveViewer(user: CurrentUser): Promise<LeaveViewer> {
  const scope = scopeFor(user.roles, "approve:leave");
  const headOf = scope ? ((await departmentIdsInScope({ user, scope })) ?? []) : [];
  return { id: user.id, roles: user.roles, headOf, receives: can(user.roles, "receive:leave") };
}

/** The forms a viewer may open at all. */
function visibleTo(viewer: LeaveViewer): Prisma.LeaveRequestWhereInput {
  if (viewer.receives) return {};
  return { OR: [{ personId: viewer.id }, { person: { departmentId: { in: viewer.headOf } } }] };
}

const listSelect = {
  id: true,
  reasonKind: true,
  reasonText: true,
  acknowledgedAt: true,
  attachmentName: true,
  person: { select: { employeeNo: true, name: true, department: { select: { name: true } } } },
  session: {
    select: { startsAt: true, endsAt: true, location: true, course: { select: { id: true, title: true } } },
  },
  approval: {
    select: {
      state: true,
      revision: true,
      decisions: {
        where: { action: { in: ["APPROVE", "REJECT"] } },
        orderBy: { at: "desc" },
        take: 1,
        select: { action: true, actorName: true, reason: true, at: true },
      },
    },
  },
} satisfies Prisma.LeaveRequestSelect;

type ListRow = Prisma.LeaveRequestGetPayload<{ select: typeof listSelect }>;

const listItem = (l: ListRow) => ({
  id: l.id,
  reasonKind: l.reasonKind,
  reasonText: l.reasonText,
  hasAttachment: l.attachmentName !== null,
  acknowledgedAt: l.acknowledgedAt,
  person: { employeeNo: l.person.employeeNo, name: l.person.name, department: l.person.department.name },
  session: {
    startsAt: l.session.startsAt,
    endsAt: l.session.endsAt,
    location: l.session.location,
    courseTitle: l.session.course.title,
  },
  state: l.approval.state,
  revision: l.approval.revision,
  lastDecision: l.approval.decisions[0] ?? null,
});
export type LeaveListItem = ReturnType<typeof listItem>;

export const LEAVE_PAGE_SIZE = 30;

/** Which page of a list to show: `after`/`before` cursors (a bad one is the first page). */
export type LeavePageQuery = { after?: string; before?: string };

/** A list's order: by the session's start or by when the form was acknowledged, ids breaking ties. */
type LeaveOrder = { by: "sessionStart" | "acknowledgedAt"; dir: "asc" | "desc" };

/**
 * One keyset page of forms matching `where` in `order`: only the page (and one row more) is read, no OFFSET,
 * so a deep page costs what the first does; the cursors of its neighbours say whether there is more.
 */
async function leaveListPage(where: Prisma.LeaveRequestWhereInput, order: LeaveOrder, query: LeavePageQuery) {
  const request = keysetRequest(query, decodeInstantIdCursor);
  const keyset = keysetAfter(
    "LeaveRequest",
    order.dir,
    request,
    [order.by === "sessionStart" ? "session.startsAt" : "acknowledgedAt", "id"],
    (c) => [c.at, c.id],
  );
  const fetched = await db.leaveRequest.findMany({
    where: { AND: [where, keyset.where] },
    orderBy: keyset.orderBy,
    take: LEAVE_PAGE_SIZE + 1,
    select: listSelect,
  });
  const page = keysetPage(fetched, request, LEAVE_PAGE_SIZE, (l) =>
    encodeInstantIdCursor({ at: order.by === "sessionStart" ? l.session.startsAt : l.acknowledgedAt!, id: l.id }),
  );
  return { items: page.rows.map(listItem), next: page.next, previous: page.previous };
}

/** The viewer's own forms, the latest session first. */
export function myLeaves(personId: string, query: LeavePageQuery = {}) {
  return leaveListPage({ personId }, { by: "sessionStart", dir: "desc" }, query);
}

/** Forms waiting for this head: submitted by people of their departments (never their own), soonest session
 * first. */
export async function waitingForHead(viewer: LeaveViewer, query: LeavePageQuery = {}) {
  if (viewer.headOf.length === 0) return NO_PAGE;
  return leaveListPage(
    {
      approval: { state: "SUBMITTED" },
      personId: { not: viewer.id },
      person: { departmentId: { in: viewer.headOf } },
    },
    { by: "sessionStart", dir: "asc" },
    query,
  );
}

/** The clerk's desk: approved forms not yet acknowledged (soonest session first), and the acknowledged ones
 * (latest first); each list pages on its own. */
export async function receivedLeaves(open: LeavePageQuery = {}, done: LeavePageQuery = {}) {
  const [openPage, donePage] = await Promise.all([
    leaveListPage({ approval: { state: "APPROVED" }, acknowledgedAt: null }, { by: "sessionStart", dir: "asc" }, open),
    leaveListPage(
      { approval: { state: "APPROVED" }, acknowledgedAt: { not: null } },
      { by: "acknowledgedAt", dir: "desc" },
      done,
    ),
  ]);
  return { open: openPage, done: donePage };
}

/** One form as its page shows it to this viewer, or null when it is not theirs to see. */
export async function leavePage(leaveId: string, viewer: LeaveViewer) {
  const form = await db.leaveRequest.findFirst({
    where: { AND: [{ id: leaveId }, visibleTo(viewer)] },
    select: {
      ...listSelect,
      personId: true,
      attachmentType: true,
      attachmentSize: true,
      acknowledgedById: true,
      approval: { select: { id: true, state: true, revision: true } },
    },
  });
  if (!form) return null;
  const [decisions, base, heads, acknowledgedBy] = await Promise.all([
    listDecisions(form.approval.id),
    comparisonBase(form.approval),
    db.$transaction((tx) => headsFor(tx, form.personId)),
    form.acknowledgedById
      ? db.person.findUnique({ where: { id: form.acknowledgedById }, select: { name: true } })
      : null,
  ]);
  const own = form.personId === viewer.id;
  const decides = heads.includes(viewer.id);
  const started = tooLateToFile(form.session, now());
  // The workflow's buttons this viewer may press: the requester withdraws, the heads above them decide;
  // sending again goes through the revision form below, and an approved leave is never reopened.
  const actions = availableActions(form.approval.state, viewer.roles, LeaveSubject.policy).filter((a) =>
    a === "WITHDRAW" ? own : a === "APPROVE" || a === "REJECT" ? decides : false,
  );
  return {
    leave: {
      id: form.id,
      reasonKind: form.reasonKind,
      reasonText: form.reasonText,
      attachment: form.attachmentName
        ? { name: form.attachmentName, type: form.attachmentType, size: form.attachmentSize }
        : null,
      acknowledgedAt: form.acknowledgedAt,
      acknowledgedBy: acknowledgedBy?.name ?? null,
      state: form.approval.state,
      revision: form.approval.revision,
    },
    person: { employeeNo: form.person.employeeNo, name: form.person.name, department: form.person.department.name },
    session: {
      startsAt: form.session.startsAt,
      endsAt: form.session.endsAt,
      location: form.session.location,
      courseId: form.session.course.id,
      courseTitle: form.session.course.title,
      started,
    },
    decisions,
    rejection: base?.kind === "rejected" ? { reason: base.reason, actorName: base.actorName } : null,
    actions,
    own,
    canRevise: own && form.approval.state === "DRAFT" && !started,
    canAcknowledge: viewer.receives && form.approval.state === "APPROVED" && !form.acknowledgedAt,
    waitingForHead: form.approval.state === "SUBMITTED" && heads.length > 0,
  };
}

/**
 * The attachment, for the requester, the heads who may decide the form and the training clerks; null for
 * anyone else (to them it does not exist).
 */
export async function leaveAttachment(leaveId: string, viewer: LeaveViewer) {
  const form = await db.leaveRequest.findUnique({
    where: { id: leaveId },
    select: { personId: true, attachment: true, attachmentName: true, attachmentType: true },
  });
  if (!form?.attachment || !form.attachmentName || !form.attachmentType) return null;
  const allowed =
    form.personId === viewer.id ||
    viewer.receives ||
    (viewer.headOf.length > 0 && (await db.$transaction((tx) => headsFor(tx, form.personId))).includes(viewer.id));
  return allowed ? { bytes: form.attachment, name: form.attachmentName, type: form.attachmentType } : null;
}

const sessionSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  location: true,
  course: { select: { id: true, title: true } },
  leaveRequests: { select: { id: true, personId: true } },
} satisfies Prisma.CourseSessionSelect;

const filable = { approval: { state: "APPROVED" }, NOT: { delivery: { is: { state: "CANCELLED" } } } } as const;

/**
 * What the new form offers: the one session asked for (null when the person is not on its roster), or the
 * upcoming sessions they attend to choose from, each with the form already filed for it if any.
 */
export async function filingChoice(personId: string, sessionId: string | null) {
  const at = now();
  const shape = (s: Prisma.CourseSessionGetPayload<{ select: typeof sessionSelect }>) => ({
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: s.location,
    courseTitle: s.course.title,
    started: tooLateToFile(s, at),
    filedId: s.leaveRequests.find((l) => l.personId === personId)?.id ?? null,
  });
  if (sessionId) {
    const session = await db.courseSession.findFirst({
      where: { id: sessionId, course: filable },
      select: sessionSelect,
    });
    if (!session || !(await isOnRoster(db, session.id, personId))) return null;
    return { session: shape(session), upcoming: [] };
  }
  const upcoming = await db.courseSession.findMany({
    where: {
      startsAt: { gt: at },
      course: filable,
      ...(await sessionsSatBy(db, personId)),
    },
    orderBy: { startsAt: "asc" },
    take: 50,
    select: sessionSelect,
  });
  return { session: null, upcoming: upcoming.map(shape) };
}

/** The trainee's forms for these sessions, by session (the notice page shows them beside each session). */
export async function leaveForSessions(personId: string, sessionIds: string[]) {
  const forms = await db.leaveRequest.findMany({
    where: { personId, sessionId: { in: sessionIds } },
    select: {
      id: true,
      sessionId: true,
      acknowledgedAt: true,
      approval: { select: listSelect.approval.select },
    },
  });
  return new Map(
    forms.map((f) => [
      f.sessionId,
      {
        id: f.id,
        state: f.approval.state,
        acknowledgedAt: f.acknowledgedAt,
        lastDecision: f.approval.decisions[0] ?? null,
      },
    ]),
  );
}
