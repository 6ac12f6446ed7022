// Pure: the clearance API's answer for one person, shaped from the one certification function,
// and the instant until which that answer holds if nothing in the database changes.
import { clearanceChangesAt } from "~/domain/certification/certification-recheck";
import {
  certificationState,
  type CertAssessment,
  type CertAttempt,
  type CertPerson,
  type CertPolicy,
  type CertRule,
  type Certification,
} from "~/domain/certification/certification-rules";

export type ClearanceBody = {
  employeeNo: string;
  cleared: boolean;
  reasons: string[];
  validUntil: string | null;
  rules: Record<string, boolean>;
};

/**
 * Machine-readable reasons: passed, neverPassed, lastAttemptRedLine, expired, ruleChanged:<ruleId>, inactive,
 * assessmentMissing, assessmentNotPassed (a new hire's pre-job assessment).
 */
export function reasonCodes(c: Certification): string[] {
  return c.reasons.map((r) => (r.code === "ruleChanged" ? `ruleChanged:${r.ruleId}` : r.code));
}

/**
 * rules[id] is true when the person is cleared and has been quizzed on the rule's version in force;
 * a rule changed within the grace period is false while the person as a whole is still cleared.
 */
export function clearanceBody(employeeNo: string, c: Certification, ruleIds: readonly string[]): ClearanceBody {
  const stale = new Set(c.staleRules.map((s) => s.ruleId));
  return {
    employeeNo,
    cleared: c.cleared,
    reasons: reasonCodes(c),
    validUntil: c.cleared && c.validUntil ? c.validUntil.toISOString() : null,
    rules: Object.fromEntries(ruleIds.map((id) => [id, c.cleared && !stale.has(id)])),
  };
}

/** The body of a 503 (TrainGate cannot vouch for an answer): the employee number when the call named a valid one, else
 * null, so every 503 has one shape whichever path refused it. */
export function unavailableBody(employeeNo: string | null): string {
  const body: Omit<ClearanceBody, "employeeNo"> & { employeeNo: string | null } = {
    employeeNo,
    cleared: false,
    reasons: ["unavailable"],
    validUntil: null,
    rules: {},
  };
  return JSON.stringify(body);
}

/** The first instant after `at` at which the answer can change by the passing of time alone. */
export const answerChangesAt = clearanceChangesAt;

export type CachedAnswer = { json: string; cleared: boolean; from: number; until: number };

/** The answer from a certification computed earlier (stored), holding from `from` until `until`. */
export function answerFromCertification(
  employeeNo: string,
  c: Certification,
  ruleIds: readonly string[],
  from: number,
  until: number,
): CachedAnswer {
  return { json: JSON.stringify(clearanceBody(employeeNo, c, ruleIds)), cleared: c.cleared, from, until };
}

/** The answer at `at`, as JSON, with the span of time it holds for. */
export function answerFor(
  employeeNo: string,
  person: CertPerson,
  rules: readonly CertRule[],
  attempts: readonly CertAttempt[],
  at: Date,
  policy: CertPolicy,
  assessments: readonly CertAssessment[] = [],
): CachedAnswer {
  const c = certificationState(person, rules, attempts, at, policy, assessments);
  const body = clearanceBody(
    employeeNo,
    c,
    rules.map((r) => r.id),
  );
  return {
    json: JSON.stringify(body),
    cleared: c.cleared,
    from: at.getTime(),
    until: answerChangesAt(c, rules, attempts, at, policy, assessments),
  };
}
