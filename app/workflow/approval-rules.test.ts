import { describe, expect, it } from "vitest";
import type { RoleName } from "~/utils/permissions";
import { APPROVAL_ACTIONS, APPROVAL_STATES, availableActions, checkTransition, isEditable, mayAct, TRANSITIONS, transitionFor, type ApprovalPolicy } from "./approval-rules";

const policy: ApprovalPolicy = { drafter: "draft:annual-plan", approver: "approve:annual-plan" };
const manager: RoleName[] = ["TRAINING_MANAGER", "EMPLOYEE"];
const leader: RoleName[] = ["APPROVING_LEADER", "EMPLOYEE"];
const agent: RoleName[] = ["EMPLOYEE"];

// What each state allows: every state × action is listed, so a new state or action cannot go unhandled.
const EXPECTED: Record<string, string | null> = {
  "DRAFT SUBMIT": "SUBMITTED",
  "DRAFT APPROVE": null,
  "DRAFT REJECT": null,
  "DRAFT REOPEN": null,
  "SUBMITTED SUBMIT": null,
  "SUBMITTED APPROVE": "APPROVED",
  "SUBMITTED REJECT": "DRAFT",
  "SUBMITTED REOPEN": null,
  "APPROVED SUBMIT": null,
  "APPROVED APPROVE": null,
  "APPROVED REJECT": null,
  "APPROVED REOPEN": "DRAFT",
};

const cases = APPROVAL_STATES.flatMap((state) => APPROVAL_ACTIONS.map((action) => [state, action] as const));

describe("the approval transition table", () => {
  it.each(cases)("%s + %s", (state, action) => {
    expect(`${state} ${action}` in EXPECTED).toBe(true);
    expect(transitionFor(state, action)?.to ?? null).toBe(EXPECTED[`${state} ${action}`]);
  });

  it("only rejection and reopening start a new revision, and both need a reason", () => {
    const all = Object.entries(TRANSITIONS).flatMap(([state, row]) => Object.entries(row).map(([action, t]) => ({ state, action, ...t })));
    expect(all.filter((t) => t.newRevision).map((t) => t.action).sort()).toEqual(["REJECT", "REOPEN"]);
    expect(all.filter((t) => t.reasonRequired).map((t) => t.action).sort()).toEqual(["REJECT", "REOPEN"]);
  });

  it.each(APPROVAL_STATES)("only a draft (%s) can be edited", (state) => {
    expect(isEditable(state)).toBe(state === "DRAFT");
  });
});

describe("who may act", () => {
  it("the drafter submits and reopens; the approver approves and rejects", () => {
    expect(APPROVAL_ACTIONS.filter((a) => mayAct(manager, policy, a))).toEqual(["SUBMIT", "REOPEN"]);
    expect(APPROVAL_ACTIONS.filter((a) => mayAct(leader, policy, a))).toEqual(["APPROVE", "REJECT"]);
  });

  it("an agent can do nothing in the plan's loop", () => {
    for (const action of APPROVAL_ACTIONS) expect(mayAct(agent, policy, action)).toBe(false);
  });

  it.each(APPROVAL_STATES)("the buttons offered in %s are exactly the allowed transitions for the role", (state) => {
    for (const roles of [manager, leader, agent]) {
      for (const action of availableActions(state, roles, policy)) expect(checkTransition({ state, revision: 1, expectedRevision: 1, action, roles, policy, reason: "x" }).ok).toBe(true);
    }
  });
});

describe("checking a transition against what the form showed", () => {
  const base = { state: "SUBMITTED" as const, revision: 2, expectedRevision: 2, roles: leader, policy };

  it("a leader approves the revision they looked at", () => {
    expect(checkTransition({ ...base, action: "APPROVE" })).toMatchObject({ ok: true, transition: { to: "APPROVED" } });
  });

  it("a rejection without a reason is refused", () => {
    expect(checkTransition({ ...base, action: "REJECT", reason: "  " })).toEqual({ ok: false, error: "workflow.reasonRequired" });
  });

  it("acting on an older revision (back button, second tab) is told it was already decided", () => {
    expect(checkTransition({ ...base, expectedRevision: 1, action: "APPROVE" })).toEqual({ ok: false, error: "workflow.alreadyDecided" });
  });

  it("approving what was approved a moment ago is told it was already decided", () => {
    expect(checkTransition({ ...base, state: "APPROVED", action: "APPROVE" })).toEqual({ ok: false, error: "workflow.alreadyDecided" });
  });

  it("an agent is refused before anything else is looked at", () => {
    expect(checkTransition({ ...base, roles: agent, action: "APPROVE" })).toEqual({ ok: false, error: "workflow.notAllowed" });
  });
});
