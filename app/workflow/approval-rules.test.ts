import { describe, expect, it } from "vitest";

import type { RoleName } from "~/utils/permissions";

import {
  ACTION_VERBS,
  APPROVAL_ACTIONS,
  APPROVAL_STATES,
  availableActions,
  checkTransition,
  isEditable,
  mayAct,
  permissionFor,
  TRANSITIONS,
  transitionFor,
  type ApprovalPolicy,
} from "./approval-rules";

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
  "DRAFT WITHDRAW": null,
  "SUBMITTED SUBMIT": null,
  "SUBMITTED APPROVE": "APPROVED",
  "SUBMITTED REJECT": "DRAFT",
  "SUBMITTED REOPEN": null,
  "SUBMITTED WITHDRAW": "DRAFT",
  "APPROVED SUBMIT": null,
  "APPROVED APPROVE": null,
  "APPROVED REJECT": null,
  "APPROVED REOPEN": "DRAFT",
  "APPROVED WITHDRAW": null,
};

const cases = APPROVAL_STATES.flatMap((state) => APPROVAL_ACTIONS.map((action) => [state, action] as const));

describe("the approval transition table", () => {
  it.each(cases)("%s + %s", (state, action) => {
    expect(`${state} ${action}` in EXPECTED).toBe(true);
    expect(transitionFor(state, action)?.to ?? null).toBe(EXPECTED[`${state} ${action}`]);
  });

  it(
    "every way back to a draft starts a new revision; " + "rejecting and reopening need a reason, withdrawing does not",
    () => {
      const all = Object.entries(TRANSITIONS).flatMap(([state, row]) =>
        Object.entries(row).map(([action, t]) => ({ state, action, ...t })),
      );
      expect(
        all
          .filter((t) => t.newRevision)
          .map((t) => t.action)
          .sort(),
      ).toEqual(["REJECT", "REOPEN", "WITHDRAW"]);
      for (const t of all) expect(t.newRevision, `${t.state} ${t.action}`).toBe(t.to === "DRAFT");
      expect(
        all
          .filter((t) => t.reasonRequired)
          .map((t) => t.action)
          .sort(),
      ).toEqual(["REJECT", "REOPEN"]);
    },
  );

  it.each(APPROVAL_ACTIONS)("%s has an audit verb", (action) => {
    expect(ACTION_VERBS[action]).toMatch(/^[a-z]+$/);
  });

  it.each(APPROVAL_STATES)("only a draft (%s) can be edited", (state) => {
    expect(isEditable(state)).toBe(state === "DRAFT");
  });
});

describe("who may act", () => {
  it("the drafter submits, withdraws and reopens; the approver approves and rejects", () => {
    expect(APPROVAL_ACTIONS.filter((a) => mayAct(manager, policy, a))).toEqual(["SUBMIT", "REOPEN", "WITHDRAW"]);
    expect(APPROVAL_ACTIONS.filter((a) => mayAct(leader, policy, a))).toEqual(["APPROVE", "REJECT"]);
  });

  it("a submitted revision offers the drafter only to withdraw it, and the approver only to decide it", () => {
    expect(availableActions("SUBMITTED", manager, policy)).toEqual(["WITHDRAW"]);
    expect(availableActions("SUBMITTED", leader, policy)).toEqual(["APPROVE", "REJECT"]);
  });

  it("a posted intent needs its actor's permission; any other intent (editing the draft) the drafter's", () => {
    expect(["SUBMIT", "REOPEN", "WITHDRAW", "deleteItem", ""].map((i) => permissionFor(policy, i))).toEqual(
      Array(5).fill("draft:annual-plan"),
    );
    expect(["APPROVE", "REJECT"].map((i) => permissionFor(policy, i))).toEqual([
      "approve:annual-plan",
      "approve:annual-plan",
    ]);
  });

  it("an agent can do nothing in the plan's loop", () => {
    for (const action of APPROVAL_ACTIONS) expect(mayAct(agent, policy, action)).toBe(false);
  });

  it.each(APPROVAL_STATES)("the buttons offered in %s are exactly the allowed transitions for the role", (state) => {
    for (const roles of [manager, leader, agent]) {
      for (const action of availableActions(state, roles, policy))
        expect(
          checkTransition({ state, revision: 1, expectedRevision: 1, action, roles, policy, reason: "x" }).ok,
        ).toBe(true);
    }
  });
});

describe("checking a transition against what the form showed", () => {
  const base = { state: "SUBMITTED" as const, revision: 2, expectedRevision: 2, roles: leader, policy };

  it("a leader approves the revision they looked at", () => {
    expect(checkTransition({ ...base, action: "APPROVE" })).toMatchObject({ ok: true, transition: { to: "APPROVED" } });
  });

  it("the drafter withdraws the revision they submitted, with or without a reason, as a new revision", () => {
    for (const reason of [null, "提交错了"]) {
      expect(checkTransition({ ...base, roles: manager, action: "WITHDRAW", reason })).toMatchObject({
        ok: true,
        transition: { to: "DRAFT", newRevision: true },
      });
    }
  });

  it(
    "the approver cannot withdraw, and " + "withdrawing an older or decided revision is told it was already decided",
    () => {
      expect(checkTransition({ ...base, action: "WITHDRAW" })).toEqual({ ok: false, error: "workflow.notAllowed" });
      expect(checkTransition({ ...base, roles: manager, expectedRevision: 1, action: "WITHDRAW" })).toEqual({
        ok: false,
        error: "workflow.alreadyDecided",
      });
      expect(checkTransition({ ...base, roles: manager, state: "APPROVED", action: "WITHDRAW" })).toEqual({
        ok: false,
        error: "workflow.alreadyDecided",
      });
    },
  );

  it("a rejection without a reason is refused", () => {
    expect(checkTransition({ ...base, action: "REJECT", reason: "  " })).toEqual({
      ok: false,
      error: "workflow.reasonRequired",
    });
  });

  it("acting on an older revision (back button, second tab) is told it was already decided", () => {
    expect(checkTransition({ ...base, expectedRevision: 1, action: "APPROVE" })).toEqual({
      ok: false,
      error: "workflow.alreadyDecided",
    });
  });

  it("approving what was approved a moment ago is told it was already decided", () => {
    expect(checkTransition({ ...base, state: "APPROVED", action: "APPROVE" })).toEqual({
      ok: false,
      error: "workflow.alreadyDecided",
    });
  });

  it("an agent is refused before anything else is looked at", () => {
    expect(checkTransition({ ...base, roles: agent, action: "APPROVE" })).toEqual({
      ok: false,
      error: "workflow.notAllowed",
    });
  });
});
