import { describe, expect, it } from "vitest";

import { scoreAttempt, type ScoredQuestion } from "~/domain/quiz/quiz-rules";

import { isPass } from "./certification-rules";
import {
  attemptPassed,
  attemptsByPerson,
  certificationState,
  type CertAttempt,
  type CertRule,
} from "./certification-rules";

const DAY = 86_400_000;
const t0 = new Date("2026-01-10T02:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const policy = { validityMonths: 12, graceDays: 7, expiringWithinDays: 30 };
const agent = { id: "p1", status: "ACTIVE" as const };
const v1 = { version: 1, effectiveAt: new Date("2025-01-01T00:00:00Z") };
const rules: CertRule[] = [
  { id: "B3", versions: [v1] },
  { id: "B5", versions: [v1] },
  { id: "B9", versions: [v1] },
];
const withB3v2 = (day: number): CertRule[] => [
  { id: "B3", versions: [v1, { version: 2, effectiveAt: at(day) }] },
  rules[1],
  rules[2],
];

function attempt(day: number, over: Partial<CertAttempt> = {}): CertAttempt {
  return {
    mode: "FULL",
    status: "SUBMITTED",
    submittedAt: at(day),
    scorePercent: 100,
    passPercent: 90,
    redLineMissed: false,
    ruleVersions: { B3: 1, B5: 1 },
    ...over,
  };
}

describe("the case-work certification", () => {
  it("an agent who never passed is not cleared", () => {
    const c = certificationState(agent, rules, [], at(0), policy);
    expect(c).toMatchObject({ cleared: false, status: "never", validUntil: null, reasons: [{ code: "neverPassed" }] });
  });

  it("a failed attempt or one still open does not certify", () => {
    const c = certificationState(
      agent,
      rules,
      [attempt(0, { scorePercent: 80 }), attempt(1, { status: "OPEN", submittedAt: null, scorePercent: null })],
      at(2),
      policy,
    );
    expect(c.cleared).toBe(false);
  });

  it("a red-line miss fails the attempt even with a score above the pass mark, and says so", () => {
    const c = certificationState(agent, rules, [attempt(0, { scorePercent: 95, redLineMissed: true })], at(1), policy);
    expect(c.cleared).toBe(false);
    expect(c.reasons).toContainEqual({ code: "lastAttemptRedLine" });
  });

  it("passing clears the agent for 12 months", () => {
    const c = certificationState(agent, rules, [attempt(0)], at(1), policy);
    expect(c).toMatchObject({ cleared: true, status: "certified", certifiedAt: at(0) });
    expect(c.validUntil).toEqual(new Date("2027-01-10T02:00:00Z"));
  });

  it("within 30 days of the end it is still valid but shown as expiring", () => {
    const c = certificationState(agent, rules, [attempt(0)], new Date("2026-12-20T00:00:00Z"), policy);
    expect(c).toMatchObject({ cleared: true, status: "expiring" });
  });

  it("after 12 months it has expired", () => {
    const c = certificationState(agent, rules, [attempt(0)], new Date("2027-01-10T02:00:00Z"), policy);
    expect(c).toMatchObject({ cleared: false, status: "expired", validUntil: new Date("2027-01-10T02:00:00Z") });
  });

  it("a later failed attempt does not take away a valid certification", () => {
    const c = certificationState(agent, rules, [attempt(0), attempt(5, { scorePercent: 40 })], at(6), policy);
    expect(c.cleared).toBe(true);
  });

  it("a newer version of a covered rule leaves the agent cleared during the grace period, until its end", () => {
    const c = certificationState(agent, withB3v2(10), [attempt(0)], at(12), policy);
    expect(c).toMatchObject({ cleared: true, status: "grace", validUntil: at(17) });
    expect(c.staleRules).toEqual([{ ruleId: "B3", fromVersion: 1, toVersion: 2, lapsesAt: at(17) }]);
  });

  it("after the grace period the certification has lapsed", () => {
    const c = certificationState(agent, withB3v2(10), [attempt(0)], at(17), policy);
    expect(c).toMatchObject({ cleared: false, status: "lapsed" });
    expect(c.reasons[0]).toMatchObject({ code: "ruleChanged", ruleId: "B3" });
  });

  it("a change to a rule the certification did not cover changes nothing", () => {
    const changedB9: CertRule[] = [
      rules[0],
      rules[1],
      { id: "B9", versions: [v1, { version: 2, effectiveAt: at(10) }] },
    ];
    expect(certificationState(agent, changedB9, [attempt(0)], at(30), policy).status).toBe("certified");
  });

  it("passing the re-quiz on the changed rules keeps the certification, with its original end date", () => {
    const requiz = attempt(12, { mode: "REQUIZ", ruleVersions: { B3: 2 } });
    const c = certificationState(agent, withB3v2(10), [attempt(0), requiz], at(40), policy);
    expect(c).toMatchObject({
      cleared: true,
      status: "certified",
      validUntil: new Date("2027-01-10T02:00:00Z"),
      staleRules: [],
    });
  });

  it("a failed re-quiz does not cover the change", () => {
    const requiz = attempt(12, { mode: "REQUIZ", ruleVersions: { B3: 2 }, scorePercent: 50 });
    expect(certificationState(agent, withB3v2(10), [attempt(0), requiz], at(40), policy).status).toBe("lapsed");
  });

  it("a re-quiz never certifies on its own", () => {
    const c = certificationState(agent, rules, [attempt(0, { mode: "REQUIZ" })], at(1), policy);
    expect(c.status).toBe("never");
  });

  it("a version dated in the future does not count yet", () => {
    expect(certificationState(agent, withB3v2(50), [attempt(0)], at(20), policy).status).toBe("certified");
  });

  it("a full quiz passed after the change covers it", () => {
    const c = certificationState(
      agent,
      withB3v2(10),
      [attempt(0), attempt(20, { ruleVersions: { B3: 2, B5: 1 } })],
      at(40),
      policy,
    );
    expect(c).toMatchObject({ cleared: true, status: "certified", certifiedAt: at(20) });
  });

  it("a person who left is never cleared", () => {
    expect(certificationState({ id: "p1", status: "LEFT" }, rules, [attempt(0)], at(1), policy).cleared).toBe(false);
  });
});

describe("a passed attempt means the same to the quiz and to the certification", () => {
  // The quiz stores `passed` on the attempt when it is handed in; the certification decides from the stored score.
  const questions = (right: number, wrong: number, redLineWrong: boolean): ScoredQuestion[] => [
    ...Array.from({ length: right }, () => ({
      ruleIds: ["B3"],
      redLine: true,
      correctOptionIds: ["a"],
      selected: ["a"],
    })),
    ...Array.from({ length: wrong }, (_, i) => ({
      ruleIds: ["B5"],
      redLine: redLineWrong && i === 0,
      correctOptionIds: ["a"],
      selected: ["b"],
    })),
  ];
  it.each([
    [9, 1, false, 90],
    [8, 2, false, 90],
    [10, 0, false, 100],
    [19, 1, true, 90],
    [0, 0, false, 90],
    [1, 2, false, 33],
    [1, 2, false, 34],
  ])("%i right, %i wrong (red line missed: %s), pass mark %i%%", (right, wrong, redLineWrong, passPercent) => {
    const score = scoreAttempt(questions(right, wrong, redLineWrong), passPercent);
    const stored = attempt(0, { scorePercent: score.scorePercent, passPercent, redLineMissed: score.redLineMissed });
    expect(score.passed).toBe(isPass({ ...score, passPercent }));
    expect(attemptPassed(stored)).toBe(score.passed);
    expect(certificationState(agent, rules, [stored], at(1), policy).cleared).toBe(score.passed);
  });
});

describe("attemptsByPerson", () => {
  const full = JSON.stringify({ B1: 1, B3: 2 });
  it("groups the rows by person in their order, with the date and every field as read", () => {
    const grouped = attemptsByPerson([
      ["p1", "FULL", Date.UTC(2026, 2, 1, 8, 15, 30, 123), 95, 90, false, full],
      ["p2", "REQUIZ", null, null, 90, null, "{}"],
      ["p1", "REQUIZ", Date.UTC(2026, 2, 2), 100, 80, true, '{"B3": 2}'],
    ]);
    expect([...grouped.keys()]).toEqual(["p1", "p2"]);
    expect(grouped.get("p1")).toEqual([
      {
        mode: "FULL",
        status: "SUBMITTED",
        submittedAt: new Date("2026-03-01T08:15:30.123Z"),
        scorePercent: 95,
        passPercent: 90,
        redLineMissed: false,
        ruleVersions: { B1: 1, B3: 2 },
      },
      {
        mode: "REQUIZ",
        status: "SUBMITTED",
        submittedAt: new Date("2026-03-02T00:00:00.000Z"),
        scorePercent: 100,
        passPercent: 80,
        redLineMissed: true,
        ruleVersions: { B3: 2 },
      },
    ]);
    expect(grouped.get("p2")).toEqual([
      {
        mode: "REQUIZ",
        status: "SUBMITTED",
        submittedAt: null,
        scorePercent: null,
        passPercent: 90,
        redLineMissed: null,
        ruleVersions: {},
      },
    ]);
  });

  it("attempts with the same rule versions share one read-only object; a JSON null reads as none", () => {
    const grouped = attemptsByPerson([
      ["p1", "FULL", 1, 95, 90, false, full],
      ["p2", "FULL", 2, 95, 90, false, full],
      ["p3", "FULL", 3, 95, 90, false, "null"],
    ]);
    const a = grouped.get("p1")![0].ruleVersions;
    expect(grouped.get("p2")![0].ruleVersions).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(grouped.get("p3")![0].ruleVersions).toEqual({});
  });
});
