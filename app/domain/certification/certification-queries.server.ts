// Reads that feed the one certification function: for one person (the case-work gate) or many (the board):
// quiz attempts, and for new hires their signed-off pre-job assessments.
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

import {
  attemptsByPerson,
  certificationState,
  EXPIRING_WITHIN_DAYS,
  type CertAssessment,
  type CertPolicy,
  type Certification,
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

/** The shape the certification function needs: each rule's versions and when they took effect. */
function ruleVersionsForCertification() {
  return db.callRule.findMany({ select: { id: true, versions: { select: { version: true, effectiveAt: true } } } });
}

const ATTEMPT_FIELDS = {
  personId: true,
  mode: true,
  status: true,
  submittedAt: true,
  scorePercent: true,
  passPercent: true,
  redLineMissed: true,
  ruleVersions: true,
} as const;

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

/** Certification of each given person (all of them: persons without attempts are "never"). */
export async function certificationsFor(
  persons: ReadonlyArray<{
    id: string;
    status: "ACTIVE" | "NEW_HIRE" | "TRANSFERRING" | "LEFT";
    disabledAt?: Date | null;
  }>,
): Promise<Map<string, Certification>> {
  const [quizId, rules, policy] = await Promise.all([
    caseWorkQuizId(),
    ruleVersionsForCertification(),
    certificationPolicy(),
  ]);
  const at = now();
  const attempts = quizId
    ? await db.quizAttempt.findMany({
        where: { quizId, status: "SUBMITTED", personId: { in: persons.map((p) => p.id) } },
        select: ATTEMPT_FIELDS,
      })
    : [];
  const byPerson = attemptsByPerson(attempts);
  const assessments = await signedOffAssessments(persons.filter((p) => p.status === "NEW_HIRE").map((p) => p.id));
  const out = new Map<string, Certification>();
  for (const p of persons)
    out.set(
      p.id,
      certificationState(
        { id: p.id, status: p.status, disabled: Boolean(p.disabledAt) },
        rules,
        byPerson.get(p.id) ?? [],
        at,
        policy,
        assessments.get(p.id) ?? [],
      ),
    );
  return out;
}

/** What the case-work gate reads: is this person cleared to work cases right now, why, and until when. */
export async function getCaseWorkClearance(personId: string): Promise<Certification | null> {
  const person = await db.person.findUnique({
    where: { id: personId },
    select: { id: true, status: true, disabledAt: true },
  });
  if (!person) return null;
  return (await certificationsFor([person])).get(person.id)!;
}
