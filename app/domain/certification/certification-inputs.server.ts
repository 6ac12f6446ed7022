// What the one certification function reads: the inputs every person shares (the certifying quiz, the rule
// versions, validity and grace) and each person's own (status, submitted attempts of that quiz, signed-off
// pre-job assessments). The stored certification (certification-store.server.ts) is computed from these.
import { createHash } from "node:crypto";

import { getSettings } from "~/domain/settings/settings.server";
import { db, type Tx } from "~/utils/db.server";
import { sqlRows } from "~/utils/sql.server";

import {
  attemptsByPerson,
  type AttemptRow,
  EXPIRING_WITHIN_DAYS,
  type CertAssessment,
  type CertAttempt,
  type CertPerson,
  type CertPolicy,
  type CertRule,
} from "./certification-rules";

export async function certificationPolicy(): Promise<CertPolicy> {
  const s = await getSettings();
  return { validityMonths: s.certValidityMonths, graceDays: s.certGraceDays, expiringWithinDays: EXPIRING_WITHIN_DAYS };
}

/** The quiz whose pass grants the case-work certification (`client`: a transaction's, to read inside it). */
export async function caseWorkQuizId(client: Pick<Tx, "quiz"> = db): Promise<string | null> {
  const quiz = await client.quiz.findFirst({
    where: { grantsCertification: true, active: true },
    orderBy: { code: "asc" },
    select: { id: true },
  });
  return quiz?.id ?? null;
}

export type SharedInputs = { quizId: string | null; rules: CertRule[]; policy: CertPolicy; key: string };

/** The inputs everyone shares, and `key`: a hash that changes whenever any of them does. */
export async function sharedInputs(): Promise<SharedInputs> {
  const [quizId, versions, policy] = await Promise.all([
    caseWorkQuizId(),
    db.callRuleVersion.findMany({
      orderBy: [{ ruleId: "asc" }, { version: "asc" }],
      select: { ruleId: true, version: true, effectiveAt: true },
    }),
    certificationPolicy(),
  ]);
  const byRule = new Map<string, CertRule>();
  for (const v of versions) {
    const rule = byRule.get(v.ruleId) ?? { id: v.ruleId, versions: [] };
    (rule.versions as Array<{ version: number; effectiveAt: Date }>).push({
      version: v.version,
      effectiveAt: v.effectiveAt,
    });
    byRule.set(v.ruleId, rule);
  }
  const rules = [...byRule.values()];
  const key = createHash("sha256").update(JSON.stringify({ quizId, rules, policy })).digest("base64url").slice(0, 22);
  return { quizId, rules, policy, key };
}

/** The signed-off pre-job assessments of these people (signed off: approved; when: the sign-off decision). */
export async function signedOffAssessments(
  personIds: readonly string[],
  client: Pick<Tx, "preJobAssessment"> = db,
): Promise<Map<string, CertAssessment[]>> {
  const rows = personIds.length
    ? await client.preJobAssessment.findMany({
        where: { personId: { in: [...personIds] }, approval: { state: "APPROVED" } },
        select: {
          personId: true,
          result: true,
          assessedAt: true,
          approval: { select: { decisions: { where: { action: "APPROVE" }, select: { at: true } } } },
        },
      })
    : [];
  const out = new Map<string, CertAssessment[]>();
  for (const r of rows) {
    const at = r.approval.decisions.map((d) => d.at.getTime());
    if (at.length === 0) continue;
    const entry = { result: r.result, assessedAt: r.assessedAt, signedOffAt: new Date(Math.max(...at)) };
    out.set(r.personId, [...(out.get(r.personId) ?? []), entry]);
  }
  return out;
}

export type PersonInputs = { person: CertPerson; attempts: CertAttempt[]; assessments: CertAssessment[] };

// Plain SQL (app/utils/sql.server.ts): a change of the shared inputs (a rule version, the validity or grace
// settings) makes every row stale, and the recompute reads every submitted attempt of the company: on the bench
// company 300,000 rows, which through Prisma took ~3 s of the server's CPU (half of it collecting garbage) while the
// clearance API, its snapshot no longer fresh, answered 503 to every call (docs/benchmarks.md, session 19). As arrays
// with the date as a number and the rule versions as text (parsed once per distinct set): ~1.3 s.
const SUBMITTED_ATTEMPTS = `SELECT "personId", mode, (extract(epoch FROM "submittedAt") * 1000)::float8,
    "scorePercent", "passPercent", "redLineMissed", "ruleVersions"::text
  FROM "QuizAttempt" WHERE "quizId" = $1 AND status = 'SUBMITTED' AND "personId" = ANY($2::text[])`;

/** Each given person's own inputs, over their whole history (people that do not exist are left out). */
export async function personInputs(personIds: readonly string[], quizId: string | null) {
  const ids = [...personIds];
  const [people, attempts, assessments] = await Promise.all([
    db.person.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, disabledAt: true } }),
    quizId ? sqlRows<AttemptRow>(SUBMITTED_ATTEMPTS, [quizId, ids]) : [],
    signedOffAssessments(ids),
  ]);
  const byPerson = attemptsByPerson(attempts);
  const out = new Map<string, PersonInputs>();
  for (const p of people)
    out.set(p.id, {
      person: { id: p.id, status: p.status, disabled: p.disabledAt !== null },
      attempts: byPerson.get(p.id) ?? [],
      // Only a new hire is held by assessments; the function ignores them for anyone else.
      assessments: p.status === "NEW_HIRE" ? (assessments.get(p.id) ?? []) : [],
    });
  return out;
}
