// The case-work certification, computed — never stored — from the person, the rule catalogue, their
// case-work quiz attempts and (for a new hire) their signed-off pre-job assessments. The case-work gate,
// the board and the clearance API all read this one function.

export type CertPerson = { id: string; status: "ACTIVE" | "NEW_HIRE" | "TRANSFERRING" | "LEFT"; disabled?: boolean };
export type CertRule = { id: string; versions: ReadonlyArray<{ version: number; effectiveAt: Date }> };
export type CertAttempt = {
  mode: "FULL" | "REQUIZ";
  status: "OPEN" | "SUBMITTED";
  submittedAt: Date | null;
  scorePercent: number | null;
  passPercent: number;
  redLineMissed: boolean | null;
  /** The rule versions the attempt tested, e.g. { B3: 2 }. Read only: attempts may share one object. */
  ruleVersions: Readonly<Record<string, number>>;
};
/** A pre-job assessment (《员工岗前培训考核表》) signed off by the head: only these count. */
export type CertAssessment = { result: "PASS" | "EXTEND" | "FAIL"; assessedAt: Date; signedOffAt: Date };
export type CertPolicy = { validityMonths: number; graceDays: number; expiringWithinDays: number };
/** A certification ending within this many days shows as "expiring". */
export const EXPIRING_WITHIN_DAYS = 30;

/** assessmentDue: a new hire whose quiz certification holds, but whose pre-job assessment is not a signed-off pass. */
export type CertStatus = "certified" | "expiring" | "grace" | "assessmentDue" | "lapsed" | "expired" | "never";
export const BOARD_STATUSES: CertStatus[] = [
  "certified",
  "expiring",
  "grace",
  "assessmentDue",
  "lapsed",
  "expired",
  "never",
];
export type CertReason =
  | { code: "neverPassed" }
  | { code: "lastAttemptRedLine" }
  | { code: "passed"; at: Date }
  | { code: "expired"; at: Date }
  | { code: "ruleChanged"; ruleId: string; fromVersion: number; toVersion: number; lapsesAt: Date }
  | { code: "inactive" }
  | { code: "assessmentMissing" }
  | { code: "assessmentNotPassed"; result: "EXTEND" | "FAIL"; at: Date };

export type Certification = {
  cleared: boolean;
  status: CertStatus;
  /** Until when the person is cleared (or, when not cleared, when the last clearance ended). */
  validUntil: Date | null;
  certifiedAt: Date | null;
  reasons: CertReason[];
  /** Rules whose newer version this person has not yet been quizzed on: the re-quiz covers exactly these. */
  staleRules: Array<{ ruleId: string; fromVersion: number; toVersion: number; lapsesAt: Date }>;
};

const DAY = 86_400_000;

export function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * A submitted attempt as the certification read sends it (certification-inputs.server.ts): person, mode, submittedAt
 * in epoch milliseconds, score, pass mark, red line missed, and ruleVersions as JSON text.
 */
export type AttemptRow = [string, CertAttempt["mode"], number | null, number | null, number, boolean | null, string];

/**
 * Submitted attempts grouped by person, as certificationState reads them. Attempts that tested the same rule
 * versions (every full attempt of a rule set) share one parsed object: the function only reads it, and a whole
 * company's recompute then makes one object per distinct set instead of one per attempt.
 */
export function attemptsByPerson(rows: Iterable<AttemptRow>): Map<string, CertAttempt[]> {
  const byPerson = new Map<string, CertAttempt[]>();
  const parsed = new Map<string, Readonly<Record<string, number>>>();
  for (const [personId, mode, submittedAt, scorePercent, passPercent, redLineMissed, ruleVersionsJson] of rows) {
    let ruleVersions = parsed.get(ruleVersionsJson);
    if (ruleVersions === undefined) {
      ruleVersions = Object.freeze((JSON.parse(ruleVersionsJson) ?? {}) as Record<string, number>);
      parsed.set(ruleVersionsJson, ruleVersions);
    }
    const attempt: CertAttempt = {
      mode,
      status: "SUBMITTED",
      submittedAt: submittedAt === null ? null : new Date(submittedAt),
      scorePercent,
      passPercent,
      redLineMissed,
      ruleVersions,
    };
    const list = byPerson.get(personId);
    if (list) list.push(attempt);
    else byPerson.set(personId, [attempt]);
  }
  return byPerson;
}

export function attemptPassed(a: CertAttempt): boolean {
  return (
    a.status === "SUBMITTED" &&
    a.submittedAt !== null &&
    a.scorePercent !== null &&
    isPass({ ...a, scorePercent: a.scorePercent })
  );
}

/** A rule's version in force at `at`: the highest whose effectiveAt has come (a future one does not count yet). */
export function versionInForce<V extends { version: number; effectiveAt: Date }>(
  versions: readonly V[],
  at: Date,
): V | null {
  return versions
    .filter((v) => v.effectiveAt <= at)
    .reduce<V | null>((best, v) => (!best || v.version > best.version ? v : best), null);
}

/**
 * A new hire's pre-job assessment, as the gate reads it: null when their latest signed-off assessment (by the
 * date it was filed, among those signed off by `now`) is a pass, else the reason they are not cleared.
 * Anyone who is not a new hire is never held by it.
 */
export function assessmentReason(
  person: Pick<CertPerson, "status">,
  assessments: readonly CertAssessment[],
  now: Date,
): Extract<CertReason, { code: "assessmentMissing" | "assessmentNotPassed" }> | null {
  if (person.status !== "NEW_HIRE") return null;
  const latest = assessments
    .filter((a) => a.signedOffAt <= now)
    .reduce<CertAssessment | null>(
      (best, a) =>
        !best ||
        a.assessedAt > best.assessedAt ||
        (a.assessedAt.getTime() === best.assessedAt.getTime() && a.signedOffAt > best.signedOffAt)
          ? a
          : best,
      null,
    );
  if (!latest) return { code: "assessmentMissing" };
  return latest.result === "PASS"
    ? null
    : { code: "assessmentNotPassed", result: latest.result, at: latest.signedOffAt };
}

/**
 * The certification of one person. A new hire is cleared only when the quiz certification holds AND their
 * latest signed-off pre-job assessment is a pass, whatever the quiz says; everyone else ignores assessments.
 */
export function certificationState(
  person: CertPerson,
  rules: readonly CertRule[],
  attempts: readonly CertAttempt[],
  now: Date,
  policy: CertPolicy,
  assessments: readonly CertAssessment[] = [],
): Certification {
  const byQuiz = quizCertification(person, rules, attempts, now, policy);
  const held = assessmentReason(person, assessments, now);
  if (!held || person.status === "LEFT" || person.disabled) return byQuiz;
  if (!byQuiz.cleared) return { ...byQuiz, reasons: [...byQuiz.reasons, held] };
  // The quiz is passed but the form is not: not cleared, and the board says what is missing.
  const reasons = [...byQuiz.reasons.filter((r) => r.code !== "passed"), held];
  return { ...byQuiz, cleared: false, status: "assessmentDue", validUntil: null, reasons };
}

function quizCertification(
  person: CertPerson,
  rules: readonly CertRule[],
  attempts: readonly CertAttempt[],
  now: Date,
  policy: CertPolicy,
): Certification {
  const done = attempts
    .filter((a) => a.status === "SUBMITTED" && a.submittedAt && a.submittedAt <= now)
    .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime());
  const base = [...done].reverse().find((a) => a.mode === "FULL" && attemptPassed(a));
  const none = (reasons: CertReason[], status: CertStatus = "never"): Certification => ({
    cleared: false,
    status,
    validUntil: null,
    certifiedAt: null,
    reasons,
    staleRules: [],
  });

  if (person.status === "LEFT" || person.disabled) return none([{ code: "inactive" }]);
  if (!base) {
    const last = done[done.length - 1];
    return none(
      last?.redLineMissed ? [{ code: "neverPassed" }, { code: "lastAttemptRedLine" }] : [{ code: "neverPassed" }],
    );
  }

  const certifiedAt = base.submittedAt!;
  const expiresAt = addMonths(certifiedAt, policy.validityMonths);
  if (expiresAt <= now) {
    return {
      cleared: false,
      status: "expired",
      validUntil: expiresAt,
      certifiedAt,
      reasons: [{ code: "expired", at: expiresAt }],
      staleRules: [],
    };
  }

  // What the person has been quizzed on: the full quiz, then every passed re-quiz after it.
  const covered: Record<string, number> = { ...base.ruleVersions };
  for (const a of done) {
    if (a.mode === "REQUIZ" && a.submittedAt! > certifiedAt && attemptPassed(a)) {
      for (const [ruleId, version] of Object.entries(a.ruleVersions))
        covered[ruleId] = Math.max(covered[ruleId] ?? 0, version);
    }
  }

  const staleRules: Certification["staleRules"] = [];
  for (const rule of rules) {
    const had = covered[rule.id];
    const current = versionInForce(rule.versions, now);
    // A rule the certification never covered cannot make it lapse.
    if (had === undefined || !current || current.version <= had) continue;
    const firstUnseen = rule.versions
      .filter((v) => v.version > had && v.effectiveAt <= now)
      .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime())[0];
    staleRules.push({
      ruleId: rule.id,
      fromVersion: had,
      toVersion: current.version,
      lapsesAt: new Date(firstUnseen.effectiveAt.getTime() + policy.graceDays * DAY),
    });
  }
  const changed: CertReason[] = staleRules.map((s) => ({ code: "ruleChanged", ...s }));
  const lapsesAt = staleRules.length ? new Date(Math.min(...staleRules.map((s) => s.lapsesAt.getTime()))) : null;

  if (lapsesAt && lapsesAt <= now) {
    return { cleared: false, status: "lapsed", validUntil: lapsesAt, certifiedAt, reasons: changed, staleRules };
  }
  const validUntil = lapsesAt && lapsesAt < expiresAt ? lapsesAt : expiresAt;
  const status: CertStatus = lapsesAt
    ? "grace"
    : validUntil.getTime() - now.getTime() <= policy.expiringWithinDays * DAY
      ? "expiring"
      : "certified";
  return {
    cleared: true,
    status,
    validUntil,
    certifiedAt,
    reasons: [{ code: "passed", at: certifiedAt }, ...changed],
    staleRules,
  };
}

/**
 * Pass = score at or above the pass mark AND no wrong answer on a red-line rule. The attempt's stored
 * `passed` column is written from this, and the certification reads it for every attempt.
 */
export function isPass(score: { scorePercent: number; passPercent: number; redLineMissed: boolean | null }): boolean {
  return score.scorePercent >= score.passPercent && !score.redLineMissed;
}
