import { describe, expect, it } from "vitest";

import { assessmentTabs, attendanceSuggestion, mayAssess, quizSuggestion } from "./assessment-rules";

const hire = { id: "h1", headIds: ["head1"], lecturerIds: ["lect1"] };

describe("who may assess a new hire", () => {
  it("the heads above them, the lecturer of their onboarding course and the training manager", () => {
    expect(mayAssess({ id: "head1", roles: ["DEPARTMENT_HEAD", "EMPLOYEE"] }, hire)).toBe(true);
    expect(mayAssess({ id: "lect1", roles: ["LECTURER", "EMPLOYEE"] }, hire)).toBe(true);
    expect(mayAssess({ id: "tm", roles: ["TRAINING_MANAGER", "EMPLOYEE"] }, hire)).toBe(true);
  });

  it("nobody else: another head, another lecturer, an agent, the general manager, the new hire", () => {
    expect(mayAssess({ id: "head2", roles: ["DEPARTMENT_HEAD"] }, hire)).toBe(false);
    expect(mayAssess({ id: "lect2", roles: ["LECTURER"] }, hire)).toBe(false);
    expect(mayAssess({ id: "agent", roles: ["EMPLOYEE"] }, hire)).toBe(false);
    expect(mayAssess({ id: "gm", roles: ["GENERAL_MANAGER"] }, hire)).toBe(false);
    expect(mayAssess({ id: "h1", roles: ["TRAINING_MANAGER"] }, hire)).toBe(false);
  });

  it("the role is needed as well as the link: a course's lecturer without the LECTURER role may not", () => {
    expect(mayAssess({ id: "lect1", roles: ["EMPLOYEE"] }, hire)).toBe(false);
    expect(mayAssess({ id: "head1", roles: ["EMPLOYEE"] }, hire)).toBe(false);
  });
});

describe("suggested scores", () => {
  const session = (minutes: number) => ({
    minutes,
    startsAt: new Date("2026-12-24T01:00:00Z"),
    endsAt: new Date("2026-12-24T04:00:00Z"),
  });
  it("attendance: minutes credited over minutes scheduled", () => {
    expect(attendanceSuggestion([session(180), session(180)])).toBe(100);
    expect(attendanceSuggestion([session(180), session(0)])).toBe(50);
    expect(attendanceSuggestion([])).toBeNull();
  });
  it("quiz: the best submitted score, none when never taken", () => {
    expect(quizSuggestion([{ scorePercent: 62 }, { scorePercent: 95 }, { scorePercent: null }])).toBe(95);
    expect(quizSuggestion([])).toBeNull();
  });
});

it("tabs: assessors see new hires, heads the sign-off list, every reader all forms", () => {
  expect(assessmentTabs(["DEPARTMENT_HEAD"])).toEqual(["toAssess", "signOff", "all"]);
  expect(assessmentTabs(["LECTURER"])).toEqual(["toAssess", "all"]);
  expect(assessmentTabs(["GENERAL_MANAGER"])).toEqual(["all"]);
});
