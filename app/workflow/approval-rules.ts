// The one approval workflow, as plain data (docs/decisions/0006). No I/O: the server module
// (approval.server.ts) performs what this table allows.
import { can, type Permission, type RoleName } from "~/utils/permissions";

export const APPROVAL_STATES = ["DRAFT", "SUBMITTED", "APPROVED"] as const;
export type ApprovalStateName = (typeof APPROVAL_STATES)[number];

export const APPROVAL_ACTIONS = ["SUBMIT", "APPROVE", "REJECT", "REOPEN", "WITHDRAW"] as const;
export type ApprovalActionName = (typeof APPROVAL_ACTIONS)[number];

/** Who acts: the loop's drafter (e.g. training manager) or its approver (e.g. approving leader). */
export type ActorKind = "drafter" | "approver";

/** A loop says which permission makes someone its drafter and which its approver. */
export type ApprovalPolicy = Record<ActorKind, Permission>;

export type Transition = {
  to: ApprovalStateName;
  by: ActorKind;
  /** Every way back to a draft starts a new revision, so the decided (or withdrawn) one stays as it was. */
  newRevision: boolean;
  reasonRequired: boolean;
};

export const TRANSITIONS: Record<ApprovalStateName, Partial<Record<ApprovalActionName, Transition>>> = {
  DRAFT: {
    SUBMIT: { to: "SUBMITTED", by: "drafter", newRevision: false, reasonRequired: false },
  },
  SUBMITTED: {
    APPROVE: { to: "APPROVED", by: "approver", newRevision: false, reasonRequired: false },
    REJECT: { to: "DRAFT", by: "approver", newRevision: true, reasonRequired: true },
    // Submitted by mistake: any drafter takes it back before a decision (docs/decisions/0006).
    WITHDRAW: { to: "DRAFT", by: "drafter", newRevision: true, reasonRequired: false },
  },
  APPROVED: {
    REOPEN: { to: "DRAFT", by: "drafter", newRevision: true, reasonRequired: true },
  },
};

export function transitionFor(state: ApprovalStateName, action: ApprovalActionName): Transition | null {
  return TRANSITIONS[state][action] ?? null;
}

/** The kind of actor an action needs (whatever the state). */
export function actorOf(action: ApprovalActionName): ActorKind | null {
  return (
    Object.values(TRANSITIONS)
      .map((row) => row[action]?.by)
      .find(Boolean) ?? null
  );
}

/** Whether the roles make someone the kind of actor this action needs (whatever the state). */
export function mayAct(roles: readonly RoleName[], policy: ApprovalPolicy, action: ApprovalActionName): boolean {
  const by = actorOf(action);
  return by ? can(roles, policy[by]) : false;
}

/** The permission a page's posted intent needs: a workflow action's actor's; any other intent edits the draft. */
export function permissionFor(policy: ApprovalPolicy, intent: string): Permission {
  const action = APPROVAL_ACTIONS.find((a) => a === intent);
  return policy[(action && actorOf(action)) || "drafter"];
}

/** The actions these roles may take now, for the buttons a page shows. */
export function availableActions(
  state: ApprovalStateName,
  roles: readonly RoleName[],
  policy: ApprovalPolicy,
): ApprovalActionName[] {
  return APPROVAL_ACTIONS.filter((action) => transitionFor(state, action) && mayAct(roles, policy, action));
}

/** Content may change only in a draft: a submitted revision is under review, an approved one is locked. */
export function isEditable(state: ApprovalStateName): boolean {
  return state === "DRAFT";
}

export type Check =
  | { ok: true; transition: Transition }
  | { ok: false; error: "workflow.notAllowed" | "workflow.alreadyDecided" | "workflow.reasonRequired" };

/**
 * Decides whether an action may happen, given what the actor's form was showing (the revision).
 * A stale revision or a state the action does not start from means someone already acted.
 */
export function checkTransition(input: {
  state: ApprovalStateName;
  revision: number;
  expectedRevision: number;
  action: ApprovalActionName;
  roles: readonly RoleName[];
  policy: ApprovalPolicy;
  reason?: string | null;
}): Check {
  if (!mayAct(input.roles, input.policy, input.action)) return { ok: false, error: "workflow.notAllowed" };
  const transition = transitionFor(input.state, input.action);
  if (!transition || input.revision !== input.expectedRevision) return { ok: false, error: "workflow.alreadyDecided" };
  if (transition.reasonRequired && !input.reason?.trim()) return { ok: false, error: "workflow.reasonRequired" };
  return { ok: true, transition };
}

/** Audit verbs: `<area>.<verb>`. */
export const ACTION_VERBS: Record<ApprovalActionName, string> = {
  SUBMIT: "submitted",
  APPROVE: "approved",
  REJECT: "rejected",
  REOPEN: "reopened",
  WITHDRAW: "withdrawn",
};
