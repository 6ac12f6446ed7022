import { describe, expect, it } from "vitest";

import {
  chosenConfirmBy,
  confirmingDepartmentId,
  defaultConfirmBy,
  endOfLocalDay,
  groupByConfirmingDepartment,
  headMayAct,
  mayRemind,
  sameAttendees,
} from "./confirmation-rules";

const TZ = "Asia/Shanghai";
// 2026-12-20 09:00 in Shanghai.
const SESSION = new Date("2026-12-20T01:00:00Z");
const at = (iso: string) => new Date(iso);

describe("defaultConfirmBy", () => {
  it("is the end of the day headConfirmDays before the first session, company time", () => {
    const due = defaultConfirmBy(SESSION, at("2026-12-04T02:00:00Z"), 3, TZ);
    expect(due).toEqual(endOfLocalDay("2026-12-17", TZ));
    expect(due?.toISOString()).toBe("2026-12-17T15:59:59.999Z");
  });

  it("gives heads at least a day when that day is past or too close", () => {
    const now = at("2026-12-17T10:00:00Z");
    expect(defaultConfirmBy(SESSION, now, 3, TZ)).toEqual(at("2026-12-18T10:00:00Z"));
  });

  it("never lies beyond the first session's start", () => {
    const now = at("2026-12-19T12:00:00Z");
    expect(defaultConfirmBy(SESSION, now, 3, TZ)).toEqual(SESSION);
  });

  it("is null without sessions or once the course has begun", () => {
    expect(defaultConfirmBy(null, at("2026-12-04T00:00:00Z"), 3, TZ)).toBeNull();
    expect(defaultConfirmBy(SESSION, SESSION, 3, TZ)).toBeNull();
  });
});

describe("chosenConfirmBy", () => {
  const now = at("2026-12-04T02:00:00Z");
  it("takes the end of the chosen day", () => {
    expect(chosenConfirmBy("2026-12-15", SESSION, now, TZ)).toEqual({
      ok: true,
      confirmBy: endOfLocalDay("2026-12-15", TZ),
    });
  });
  it("refuses a past day and a day on or after the first session", () => {
    expect(chosenConfirmBy("2026-12-03", SESSION, now, TZ)).toMatchObject({ error: "confirmations.deadlineInPast" });
    expect(chosenConfirmBy("2026-12-20", SESSION, now, TZ)).toMatchObject({
      error: "confirmations.deadlineAfterStart",
    });
    expect(chosenConfirmBy("2026-12-10", null, now, TZ)).toMatchObject({ error: "confirmations.noSessions" });
  });
  it("accepts today (its end is still ahead)", () => {
    expect(chosenConfirmBy("2026-12-04", SESSION, now, TZ).ok).toBe(true);
  });
});

describe("headMayAct", () => {
  const state = { confirmBy: at("2026-12-17T15:59:59.999Z"), firstSessionStart: SESSION, cancelled: false };
  it("allows acting before the deadline", () => {
    expect(headMayAct(state, at("2026-12-17T15:00:00Z"))).toEqual({ ok: true });
  });
  it("refuses after the deadline, once started, when cancelled or not requested", () => {
    expect(headMayAct(state, at("2026-12-17T16:00:00Z"))).toMatchObject({ error: "confirmations.pastDeadline" });
    expect(headMayAct({ ...state, confirmBy: at("2026-12-21T00:00:00Z") }, SESSION)).toMatchObject({
      error: "confirmations.courseStarted",
    });
    expect(headMayAct({ ...state, cancelled: true }, at("2026-12-05T00:00:00Z"))).toMatchObject({
      error: "confirmations.cancelled",
    });
    expect(headMayAct({ ...state, confirmBy: null }, at("2026-12-05T00:00:00Z"))).toMatchObject({
      error: "confirmations.notRequested",
    });
  });
});

describe("mayRemind", () => {
  const last = at("2026-12-05T02:00:00Z");
  it("once an hour", () => {
    expect(mayRemind(null, last)).toBe(true);
    expect(mayRemind(last, at("2026-12-05T02:59:59Z"))).toBe(false);
    expect(mayRemind(last, at("2026-12-05T03:00:00Z"))).toBe(true);
  });
});

describe("confirming departments", () => {
  const tree = [
    { id: "co", parentId: null, kind: "COMPANY" },
    { id: "col1", parentId: "co", kind: "DEPARTMENT" },
    { id: "col1-1", parentId: "col1", kind: "TEAM" },
    { id: "col2", parentId: "co", kind: "DEPARTMENT" },
    { id: "col2-2", parentId: "col2", kind: "TEAM" },
  ];
  it("a team's people are confirmed by its department", () => {
    expect(confirmingDepartmentId(tree, "col1-1")).toBe("col1");
    expect(confirmingDepartmentId(tree, "col2")).toBe("col2");
    expect(confirmingDepartmentId(tree, "co")).toBe("co");
  });
  it("groups attendees by the department that confirms them", () => {
    const groups = groupByConfirmingDepartment(tree, [
      { personId: "b", departmentId: "col1-1" },
      { personId: "a", departmentId: "col1" },
      { personId: "c", departmentId: "col2-2" },
    ]);
    expect([...groups.keys()].sort()).toEqual(["col1", "col2"]);
    expect(groups.get("col1")!.map((a) => a.personId)).toEqual(["a", "b"]);
  });
  it("compares attendee sets regardless of order", () => {
    expect(sameAttendees(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameAttendees(["a", "b"], ["a", "c"])).toBe(false);
    expect(sameAttendees(["a"], ["a", "b"])).toBe(false);
  });
});
