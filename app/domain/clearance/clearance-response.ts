// Pure: the clearance API's answer for one person, shaped from the one certification function,
// and the instant until which that answer holds if nothing in the database changes.
import {
  addMonths,
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

/** The first instant after `at` at which the answer can change by the passing of time alone. */
export function answerChangesAt(
  c: Certification,
  rules: readonly CertRule[],
  attempts: readonly CertAttempt[],
  at: Date,
  policy: CertPolicy,
  assessments: readonly CertAssessment[] = [],
): number {
  const t = at.getTime();
  const candidates: number[] = [];
  if (c.validUntil) candidates.push(c.validUntil.getTime());
  if (c.certifiedAt) candidates.push(addMonths(c.certifiedAt, policy.validityMonths).getTime());
  for (const s of c.staleRules) candidates.push(s.lapsesAt.getTime());
  for (const r of rules)
    for (const v of r.versions)
      candidates.push(v.effectiveAt.getTime(), v.effectiveAt.getTime() + policy.graceDays * 86_400_000);
  for (const a of attempts) if (a.submittedAt) candidates.push(a.submittedAt.getTime());
  // A sign-off dated later than now (a test's clock, a skewed server) starts to count when it comes.
  for (const a of assessments) candidates.push(a.signedOffAt.getTime());
  return Math.min(Number.POSITIVE_INFINITY, ...candidates.filter((x) => x > t));
}

export type CachedAnswer = { json: string; cleared: boolean; from: number; until: number };

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
