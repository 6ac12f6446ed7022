// What the clearance API answers from: an in-process copy of every person's certification inputs (quiz
// attempts, and a new hire's signed-off pre-job assessments) and the active API keys, read with plain `pg`
// (no Prisma on the hot path). A cheap fingerprint query says whether anything that can change an answer
// has changed since the last load.
import type pg from "pg";

import {
  attemptsByPerson,
  EXPIRING_WITHIN_DAYS,
  type CertAssessment,
  type CertAttempt,
  type CertPerson,
  type CertPolicy,
  type CertRule,
} from "~/domain/certification/certification-rules";
import { DEFAULT_SETTINGS } from "~/domain/settings/settings.schema";

import type { CachedAnswer } from "./clearance-response";

export type PersonEntry = {
  employeeNo: string;
  person: CertPerson;
  attempts: CertAttempt[];
  /** Signed-off pre-job assessments (read for new hires only). */
  assessments: CertAssessment[];
  answer?: CachedAnswer;
};
export type Snapshot = {
  people: Map<string, PersonEntry>;
  /** SHA-256 of every active key → key id. */
  keys: Map<string, string>;
  rules: CertRule[];
  policy: CertPolicy;
};

// Every table whose rows can change an answer; sums of timestamps change when any row changes. A pre-job
// assessment counts once signed off, so its approval's state is part of it: a sign-off shows at once.
export const FINGERPRINT_SQL = `SELECT concat_ws('|',
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "Person"),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "submittedAt")), 0) FROM "QuizAttempt"
    WHERE status = 'SUBMITTED'),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "effectiveAt")), 0) FROM "CallRuleVersion"),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "Quiz"),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "Setting"),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "ApiKey"),
  (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0) FROM "PreJobAssessment"),
  (SELECT count(*) || ':' || count(*) FILTER (WHERE state = 'APPROVED') || ':' ||
      coalesce(sum(extract(epoch FROM "updatedAt")), 0)
    FROM "Approval" WHERE "subjectType" = 'PreJobAssessment')) AS f`;

export async function fingerprint(pool: pg.Pool): Promise<string> {
  return (await pool.query<{ f: string }>(FINGERPRINT_SQL)).rows[0].f;
}

export async function loadSnapshot(pool: pg.Pool): Promise<Snapshot> {
  const [settings, quiz, versions, people, keys, signedOff] = await Promise.all([
    pool.query<{ key: string; value: unknown }>(`SELECT key, value FROM "Setting" WHERE key = ANY($1)`, [
      ["certValidityMonths", "certGraceDays"],
    ]),
    pool.query<{ id: string }>(`SELECT id FROM "Quiz" WHERE "grantsCertification" AND active ORDER BY code LIMIT 1`),
    pool.query<{ ruleId: string; version: number; effectiveAt: Date }>(
      `SELECT v."ruleId", v.version, v."effectiveAt"
       FROM "CallRuleVersion" v JOIN "CallRule" r ON r.id = v."ruleId" ORDER BY r."sortOrder", v.version`,
    ),
    pool.query<{ id: string; employeeNo: string; status: CertPerson["status"]; disabledAt: Date | null }>(
      `SELECT id, "employeeNo", status, "disabledAt" FROM "Person"`,
    ),
    pool.query<{ id: string; keyHash: string }>(`SELECT id, "keyHash" FROM "ApiKey" WHERE "revokedAt" IS NULL`),
    // Signed off = the approval is APPROVED; when = its sign-off decision.
    pool.query<CertAssessment & { personId: string }>(
      `SELECT a."personId", a.result, a."assessedAt", max(d.at) AS "signedOffAt"
       FROM "PreJobAssessment" a
       JOIN "Approval" p ON p.id = a."approvalId" AND p.state = 'APPROVED'
       JOIN "ApprovalDecision" d ON d."approvalId" = p.id AND d.action = 'APPROVE'
       JOIN "Person" w ON w.id = a."personId" AND w.status = 'NEW_HIRE'
       GROUP BY a.id`,
    ),
  ]);
  const setting = (key: "certValidityMonths" | "certGraceDays") => {
    const value = settings.rows.find((r) => r.key === key)?.value;
    return typeof value === "number" ? value : DEFAULT_SETTINGS[key];
  };
  const attempts = quiz.rows[0]
    ? (
        await pool.query<CertAttempt & { personId: string }>(
          `SELECT "personId", mode, status, "submittedAt", "scorePercent", "passPercent", "redLineMissed",
                  "ruleVersions"
           FROM "QuizAttempt" WHERE "quizId" = $1 AND status = 'SUBMITTED'`,
          [quiz.rows[0].id],
        )
      ).rows
    : [];

  const rules = new Map<string, CertRule>();
  for (const v of versions.rows) {
    const rule = rules.get(v.ruleId) ?? { id: v.ruleId, versions: [] };
    (rule.versions as Array<{ version: number; effectiveAt: Date }>).push({
      version: v.version,
      effectiveAt: v.effectiveAt,
    });
    rules.set(v.ruleId, rule);
  }
  const byPerson = attemptsByPerson(attempts);
  const assessmentsOf = new Map<string, CertAssessment[]>();
  for (const { personId, ...a } of signedOff.rows)
    assessmentsOf.set(personId, [...(assessmentsOf.get(personId) ?? []), a]);
  const entries = new Map<string, PersonEntry>();
  for (const p of people.rows) {
    entries.set(p.employeeNo.toUpperCase(), {
      employeeNo: p.employeeNo,
      person: { id: p.id, status: p.status, disabled: p.disabledAt !== null },
      attempts: byPerson.get(p.id) ?? [],
      assessments: assessmentsOf.get(p.id) ?? [],
    });
  }
  return {
    people: entries,
    keys: new Map(keys.rows.map((k) => [k.keyHash, k.id])),
    rules: [...rules.values()],
    policy: {
      validityMonths: setting("certValidityMonths"),
      graceDays: setting("certGraceDays"),
      expiringWithinDays: EXPIRING_WITHIN_DAYS,
    },
  };
}
