// The pre-job assessment's part of the one certification function: a new hire is cleared only with a
// signed-off pass as their latest signed-off assessment, whatever the quiz says; nobody else is held by it.
import { describe, expect, it } from "vitest";

import { answerFor } from "~/domain/clearance/clearance-response";

import {
  assessmentReason,
  certificationState,
  type CertAssessment,
  type CertAttempt,
  type CertPerson,
  type CertRule,
} from "./certification-rules";

const DAY = 86_400_000;
const t0 = new Date("2026-12-31T15:30:00Z"); // 23:30 on New Year's Eve in Shanghai
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const policy = { validityMonths: 12, graceDays: 7, expiringWithinDays: 30 };
const rules: CertRule[] = [{ id: "B3", versions: [{ version: 1, effectiveAt: new Date("2025-01-01T00:00:00Z") }] }];
const passed: CertAttempt = {
  mode: "FULL",
  status: "SUBMITTED",
  submittedAt: at(-5),
  scorePercent: 100,
  passPercent: 90,
  redLineMissed: false,
  ruleVersions: { B3: 1 },
};
const newHire: CertPerson = { id: "n1", status: "NEW_HIRE" };
const form = (
  result: CertAssessment["result"],
  assessedDay: number,
  signedDay = assessedDay + 0.5,
): CertAssessment => ({
  result,
  assessedAt: at(assessedDay),
  signedOffAt: at(signedDay),
});
const codes = (c: { reasons: Array<{ code: string }> }) => c.reasons.map((r) => r.code);

describe("a new hire's pre-job assessment", () => {
  it("without a signed-off form: not cleared though the quiz is passed (assessmentMissing)", () => {
    const c = certificationState(newHire, rules, [passed], at(0), policy, []);
    expect(c).toMatchObject({ cleared: false, status: "assessmentDue", validUntil: null });
    expect(codes(c)).toEqual(["assessmentMissing"]);
  });

  it("with a signed-off pass: cleared as the quiz says", () => {
    const c = certificationState(newHire, rules, [passed], at(0), policy, [form("PASS", -2)]);
    expect(c).toMatchObject({ cleared: true, status: "certified" });
    expect(codes(c)).toEqual(["passed"]);
  });

  it.each(["EXTEND", "FAIL"] as const)("latest signed off %s: not cleared (assessmentNotPassed)", (result) => {
    const c = certificationState(newHire, rules, [passed], at(0), policy, [form("PASS", -4), form(result, -2)]);
    expect(c.cleared).toBe(false);
    expect(c.reasons).toContainEqual(expect.objectContaining({ code: "assessmentNotPassed", result }));
  });

  it("a later pass after an extension clears them; the latest is by the date the form was filed", () => {
    expect(
      certificationState(newHire, rules, [passed], at(0), policy, [form("EXTEND", -4), form("PASS", -1)]).cleared,
    ).toBe(true);
    // An older extension signed off after the newer pass does not undo it.
    expect(
      certificationState(newHire, rules, [passed], at(0), policy, [form("EXTEND", -4, -0.1), form("PASS", -1, -0.5)])
        .cleared,
    ).toBe(true);
  });

  it("a sign-off that has not happened yet (later than now) does not count", () => {
    expect(assessmentReason(newHire, [form("PASS", -1, 1)], at(0))).toEqual({ code: "assessmentMissing" });
  });

  it("a quiz not passed: both reasons, the quiz's status", () => {
    const c = certificationState(newHire, rules, [], at(0), policy, []);
    expect(c).toMatchObject({ cleared: false, status: "never" });
    expect(codes(c)).toEqual(["neverPassed", "assessmentMissing"]);
  });

  it.each(["ACTIVE", "TRANSFERRING"] as const)("%s people are not affected", (status) => {
    const c = certificationState({ id: "a1", status }, rules, [passed], at(0), policy, [form("FAIL", -1)]);
    expect(c.cleared).toBe(true);
  });

  it("the clearance API's answer changes when a sign-off dated later comes", () => {
    const answer = answerFor("C0220", newHire, rules, [passed], at(0), policy, [form("PASS", -1, 1)]);
    expect(JSON.parse(answer.json)).toMatchObject({ cleared: false, reasons: ["assessmentMissing"] });
    expect(answer.until).toBe(at(1).getTime());
  });
});
