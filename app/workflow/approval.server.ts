// Performs the transitions of approval-rules.ts: one transaction per decision, guarded by a
// conditional update so that of two people acting at once exactly one wins (docs/decisions/0006).
import type { Prisma } from "~/generated/prisma/client";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { scopeFor, type RoleName } from "~/utils/permissions";
import { addTodo, closeTodos } from "~/utils/todo.server";

import {
  ACTION_VERBS,
  checkTransition,
  type ApprovalActionName,
  type ApprovalPolicy,
  type ApprovalStateName,
} from "./approval-rules";

export type Actor = { id: string; employeeNo: string; name: string; roles: RoleName[] };

/** What a loop tells the workflow about its subject; the workflow itself knows no loop. */
export type ApprovalSubject = {
  /** Approval.subjectType and audit entity type, e.g. "AnnualPlan". */
  type: string;
  /** Audit actions are `<auditArea>.submitted` …; to-do kinds `<auditArea>.review` and `<auditArea>.revise`. */
  auditArea: string;
  policy: ApprovalPolicy;
  /** The approval of the subject with this id (the id in its page's URL), or null if there is none. */
  approvalIdOf(tx: Tx, subjectId: string): Promise<string | null>;
  /** The subject behind an approval: its id, page and the parameters its to-do labels use. */
  describe(
    tx: Tx,
    approvalId: string,
  ): Promise<{ subjectId: string; href: string; params: Record<string, string | number> } | null>;
  /** Who must decide a submission; by default everyone holding the approver permission. */
  approverIds?(tx: Tx, approvalId: string): Promise<string[]>;
  /** The content of the revision as submitted, kept on the decision so later revisions can be compared. */
  snapshot(tx: Tx, approvalId: string): Promise<Prisma.InputJsonValue>;
  /** A message key when the subject is not ready to be submitted (e.g. no items). */
  checkSubmit?(tx: Tx, approvalId: string): Promise<string | null>;
  /** What the approval sets off (e.g. step 006 after a monthly plan), in the decision's transaction. */
  onApproved?(tx: Tx, approvalId: string, actor: Actor): Promise<void>;
  /**
   * Whether this person may take this action on this subject, beyond what their roles allow: a subject with
   * an owner or a scope says so here (only the requester withdraws a leave form; only the head of the
   * requester's department decides it). Refused: 403, nothing recorded.
   */
  mayAct?(tx: Tx, approvalId: string, actor: Actor, action: ApprovalActionName): Promise<boolean>;
};

export type DecisionOutcome =
  | { ok: true; state: ApprovalStateName; revision: number }
  | { ok: false; error: string; status: 400 | 403 | 404 | 409 };

const STATUS: Record<string, 400 | 403 | 409> = {
  "workflow.notAllowed": 403,
  "workflow.alreadyDecided": 409,
  "workflow.reasonRequired": 400,
};

/**
 * Thrown inside the transaction to roll back what was already written, then returned as the outcome. A
 * use-case that decides inside its own transaction (decideIn) catches it the same way.
 */
export class Refusal {
  constructor(readonly outcome: Extract<DecisionOutcome, { ok: false }>) {}
}

export type DecisionInput = {
  subjectId: string;
  action: ApprovalActionName;
  revision: number;
  actor: Actor;
  reason?: string | null;
};

/** A new approval for a subject being created in the same transaction. */
export function createApproval(tx: Tx, subjectType: string) {
  return tx.approval.create({ data: { subjectType } });
}

/** The active people whose roles make them hold a permission. */
export async function peopleHolding(tx: Tx, permission: ApprovalPolicy[keyof ApprovalPolicy]): Promise<string[]> {
  const people = await tx.person.findMany({
    where: { disabledAt: null, status: { not: "LEFT" }, roles: { some: {} } },
    select: { id: true, roles: { select: { role: true } } },
  });
  return people
    .filter((p) =>
      scopeFor(
        p.roles.map((r) => r.role),
        permission,
      ),
    )
    .map((p) => p.id);
}

/**
 * Takes the row lock of a draft before its content changes, so an edit and a submission cannot
 * interleave; false when the subject is no longer a draft (submitted or approved: locked).
 */
export async function lockDraft(tx: Tx, approvalId: string): Promise<boolean> {
  const touched = await tx.approval.updateMany({
    where: { id: approvalId, state: "DRAFT" },
    data: { updatedAt: now() },
  });
  return touched.count === 1;
}

/** One decision on the subject with this id (a plan, a course …): 404 when there is no such subject. */
export async function decide(subject: ApprovalSubject, input: DecisionInput): Promise<DecisionOutcome> {
  try {
    return await db.$transaction((tx) => decideIn(tx, subject, input));
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    // The unique (approval, revision, action) key: a duplicate that slipped past the guard.
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, error: "workflow.alreadyDecided", status: 409 };
    throw error;
  }
}

/**
 * The decision inside a use-case's own transaction (filing a leave form creates and submits it at once).
 * A refusal is thrown as a Refusal, so that the caller's transaction rolls back whole.
 */
export async function decideIn(
  tx: Tx,
  subject: ApprovalSubject,
  input: DecisionInput,
): Promise<Extract<DecisionOutcome, { ok: true }>> {
  const reason = input.reason?.trim() || null;
  const notFound = new Refusal({ ok: false, error: "errors.notFound", status: 404 });
  const approvalId = await subject.approvalIdOf(tx, input.subjectId);
  const approval = approvalId ? await tx.approval.findUnique({ where: { id: approvalId } }) : null;
  if (!approval || approval.subjectType !== subject.type) throw notFound;
  const check = checkTransition({
    state: approval.state,
    revision: approval.revision,
    expectedRevision: input.revision,
    action: input.action,
    roles: input.actor.roles,
    policy: subject.policy,
    reason,
  });
  if (!check.ok) throw new Refusal({ ok: false, error: check.error, status: STATUS[check.error] });
  if (subject.mayAct && !(await subject.mayAct(tx, approval.id, input.actor, input.action)))
    throw new Refusal({ ok: false, error: "workflow.notAllowed", status: 403 });
  const { transition } = check;
  const nextRevision = transition.newRevision ? approval.revision + 1 : approval.revision;

  // The guard: only the state and revision this actor saw may change. Whoever comes second
  // waits for the first commit, then matches no row.
  const updated = await tx.approval.updateMany({
    where: { id: approval.id, state: approval.state, revision: approval.revision },
    data: {
      state: transition.to,
      revision: nextRevision,
      ...(input.action === "SUBMIT" ? { submittedById: input.actor.id } : {}),
    },
  });
  if (updated.count === 0) throw new Refusal({ ok: false, error: "workflow.alreadyDecided", status: 409 });

  if (input.action === "SUBMIT") {
    const notReady = await subject.checkSubmit?.(tx, approval.id);
    if (notReady) throw new Refusal({ ok: false, error: notReady, status: 400 });
  }
  const about = await subject.describe(tx, approval.id);
  if (!about) throw notFound;

  await tx.approvalDecision.create({
    data: {
      approvalId: approval.id,
      revision: approval.revision,
      action: input.action,
      fromState: approval.state,
      toState: transition.to,
      actorId: input.actor.id,
      actorEmployeeNo: input.actor.employeeNo,
      actorName: input.actor.name,
      reason,
      snapshot: input.action === "SUBMIT" ? await subject.snapshot(tx, approval.id) : undefined,
      at: now(),
    },
  });
  await writeAudit(tx, {
    actor: { id: input.actor.id, employeeNo: input.actor.employeeNo },
    action: `${subject.auditArea}.${ACTION_VERBS[input.action]}`,
    entityType: subject.type,
    entityId: about.subjectId,
    summary: {
      ...about.params,
      revision: approval.revision,
      from: approval.state,
      to: transition.to,
      newRevision: transition.newRevision ? nextRevision : undefined,
    },
    reason,
  });
  await tellWhoIsNext(tx, subject, {
    approvalId: approval.id,
    action: input.action,
    revision: nextRevision,
    submittedById: approval.submittedById,
    actor: input.actor,
    reason,
    about,
  });
  if (transition.to === "APPROVED") await subject.onApproved?.(tx, approval.id, input.actor);
  return { ok: true as const, state: transition.to, revision: nextRevision };
}

// The person waiting is told through the to-do list; what they waited for closes in the same transaction.
// Anything but a submission (a decision, a withdrawal, a reopening) closes the approvers' review.
// A submission closes the drafter's notes (sent back, withdrawn by a colleague).
async function tellWhoIsNext(
  tx: Tx,
  subject: ApprovalSubject,
  input: {
    approvalId: string;
    action: ApprovalActionName;
    revision: number;
    submittedById: string | null;
    actor: { id: string; name: string };
    reason: string | null;
    about: { href: string; params: Record<string, string | number> };
  },
) {
  const source = { sourceType: "Approval", sourceId: input.approvalId };
  const review = `${subject.auditArea}.review`;
  const revise = `${subject.auditArea}.revise`;
  const withdrawn = `${subject.auditArea}.withdrawn`;
  const approved = `${subject.auditArea}.approved`;
  const params = { ...input.about.params, revision: input.revision };
  const from = input.actor.name;
  if (input.action === "SUBMIT") {
    await closeTodos(tx, { ...source, kind: revise });
    await closeTodos(tx, { ...source, kind: withdrawn });
    await closeTodos(tx, { ...source, kind: approved });
    const approvers = subject.approverIds
      ? await subject.approverIds(tx, input.approvalId)
      : await peopleHolding(tx, subject.policy.approver);
    for (const personId of approvers)
      await addTodo(tx, { ...source, personId, kind: review, href: input.about.href, params, from });
    return;
  }
  await closeTodos(tx, { ...source, kind: review });
  if (input.action === "REJECT" && input.submittedById) {
    await addTodo(tx, {
      ...source,
      personId: input.submittedById,
      kind: revise,
      href: input.about.href,
      params: { ...params, reason: input.reason ?? "" },
      from,
    });
  }
  // The drafter hears of an approval as they hear of a rejection; they dismiss the note on their home page.
  if (input.action === "APPROVE" && input.submittedById && input.submittedById !== input.actor.id) {
    await addTodo(tx, {
      ...source,
      personId: input.submittedById,
      kind: approved,
      href: input.about.href,
      params,
      from,
    });
  }
  // A colleague who withdraws someone else's submission tells them; their own withdrawal needs no note.
  if (input.action === "WITHDRAW" && input.submittedById && input.submittedById !== input.actor.id) {
    await addTodo(tx, {
      ...source,
      personId: input.submittedById,
      kind: withdrawn,
      href: input.about.href,
      params: { ...params, name: input.actor.name },
      from,
    });
  }
}

export type DecisionView = {
  id: string;
  revision: number;
  action: ApprovalActionName;
  fromState: ApprovalStateName;
  toState: ApprovalStateName;
  actorName: string;
  actorEmployeeNo: string;
  reason: string | null;
  at: Date;
};

/** The decisions of an approval, newest first (snapshots left out: pages ask for them by revision). */
export function listDecisions(approvalId: string): Promise<DecisionView[]> {
  return db.approvalDecision.findMany({
    where: { approvalId },
    orderBy: { at: "desc" },
    select: {
      id: true,
      revision: true,
      action: true,
      fromState: true,
      toState: true,
      actorName: true,
      actorEmployeeNo: true,
      reason: true,
      at: true,
    },
  });
}

/** The content of a revision as it was submitted, or null if it never was. */
export async function submittedSnapshot(approvalId: string, revision: number): Promise<unknown> {
  const row = await db.approvalDecision.findUnique({
    where: { approvalId_revision_action: { approvalId, revision, action: "SUBMIT" } },
    select: { snapshot: true },
  });
  return row?.snapshot ?? null;
}

/**
 * What a revision in the making is compared with: the most recent revision before it that was decided
 * on, sent back or approved (a withdrawn one never was). Sent back: the approver's reason. Approved and
 * reopened for a change: the reason given for reopening it, which the approver needs to see. null when
 * there is none, or the subject is approved now (there is nothing in the making).
 */
export type ComparisonBase = {
  revision: number;
  kind: "rejected" | "approved";
  reason: string | null;
  actorName: string;
  at: Date;
};

export async function comparisonBase(approval: {
  id: string;
  state: ApprovalStateName;
  revision: number;
}): Promise<ComparisonBase | null> {
  if (approval.state === "APPROVED") return null;
  const last = await db.approvalDecision.findFirst({
    where: { approvalId: approval.id, action: { in: ["REJECT", "APPROVE"] }, revision: { lt: approval.revision } },
    orderBy: { revision: "desc" },
    select: { revision: true, action: true, reason: true, actorName: true, at: true },
  });
  if (!last) return null;
  if (last.action === "REJECT")
    return { revision: last.revision, kind: "rejected", reason: last.reason, actorName: last.actorName, at: last.at };
  // Reopening an approved revision is recorded on that revision, with why it is being changed.
  const reopened = await db.approvalDecision.findUnique({
    where: { approvalId_revision_action: { approvalId: approval.id, revision: last.revision, action: "REOPEN" } },
    select: { reason: true, actorName: true, at: true },
  });
  return {
    revision: last.revision,
    kind: "approved",
    reason: reopened?.reason ?? null,
    actorName: reopened?.actorName ?? last.actorName,
    at: reopened?.at ?? last.at,
  };
}
