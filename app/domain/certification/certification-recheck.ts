// Pure: when the certification of one person can next change by the passing of time alone, with no new
// data. Not a second reading of the rules: it lists every instant certificationState compares `now` with
// (a later attempt or sign-off, a version taking effect, its grace ending, the expiry, the start of the
// "expiring" window) and takes the first after `at`. Listing more instants than matter only costs a
// recompute; certification-recheck.test.ts checks that none is missing.
import {
  addMonths,
  type CertAssessment,
  type CertAttempt,
  type CertPolicy,
  type CertRule,
  type Certification,
} from "./certification-rules";

const DAY = 86_400_000;

/** The first instant after `at` at which `cleared`, the reasons, valid-until or the stale rules can change. */
export function clearanceChangesAt(
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
      candidates.push(v.effectiveAt.getTime(), v.effectiveAt.getTime() + policy.graceDays * DAY);
  for (const a of attempts) if (a.submittedAt) candidates.push(a.submittedAt.getTime());
  // A sign-off dated later than now (a test's clock, a skewed server) starts to count when it comes.
  for (const a of assessments) candidates.push(a.signedOffAt.getTime());
  return Math.min(Number.POSITIVE_INFINITY, ...candidates.filter((x) => x > t));
}

/** As clearanceChangesAt, and also when the status moves into "expiring": null when nothing can change. */
export function certificationRecheckAt(
  c: Certification,
  rules: readonly CertRule[],
  attempts: readonly CertAttempt[],
  at: Date,
  policy: CertPolicy,
  assessments: readonly CertAssessment[] = [],
): Date | null {
  const t = at.getTime();
  const window = policy.expiringWithinDays * DAY;
  const edges = [clearanceChangesAt(c, rules, attempts, at, policy, assessments)];
  if (c.validUntil) edges.push(c.validUntil.getTime() - window);
  if (c.certifiedAt) edges.push(addMonths(c.certifiedAt, policy.validityMonths).getTime() - window);
  const next = Math.min(...edges.filter((x) => x > t));
  return Number.isFinite(next) ? new Date(next) : null;
}
