// Reads that feed the one certification function: for one person (the case-work gate) or many (the board).
import { db } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { getSettings } from "~/domain/settings/settings.server";
import { ruleVersionsForCertification } from "~/domain/quiz/rule-queries.server";
import { certificationState, type CertAttempt, type CertPolicy, type Certification } from "./certification-rules";

export async function certificationPolicy(): Promise<CertPolicy> {
  const s = await getSettings();
  return { validityMonths: s.certValidityMonths, graceDays: s.certGraceDays, expiringWithinDays: 30 };
}

/** The quiz whose pass grants the case-work certification. */
export async function caseWorkQuizId(): Promise<string | null> {
  const quiz = await db.quiz.findFirst({ where: { grantsCertification: true, active: true }, orderBy: { code: "asc" }, select: { id: true } });
  return quiz?.id ?? null;
}

const ATTEMPT_FIELDS = { personId: true, mode: true, status: true, submittedAt: true, scorePercent: true, passPercent: true, redLineMissed: true, ruleVersions: true } as const;

/** Certification of each given person (all of them: persons without attempts are "never"). */
export async function certificationsFor(persons: ReadonlyArray<{ id: string; status: "ACTIVE" | "NEW_HIRE" | "TRANSFERRING" | "LEFT"; disabledAt?: Date | null }>): Promise<Map<string, Certification>> {
  const [quizId, rules, policy] = await Promise.all([caseWorkQuizId(), ruleVersionsForCertification(), certificationPolicy()]);
  const at = now();
  const attempts = quizId
    ? await db.quizAttempt.findMany({ where: { quizId, status: "SUBMITTED", personId: { in: persons.map((p) => p.id) } }, select: ATTEMPT_FIELDS })
    : [];
  const byPerson = new Map<string, CertAttempt[]>();
  for (const a of attempts) {
    const list = byPerson.get(a.personId) ?? [];
    list.push({ ...a, ruleVersions: (a.ruleVersions ?? {}) as Record<string, number> });
    byPerson.set(a.personId, list);
  }
  const out = new Map<string, Certification>();
  for (const p of persons) out.set(p.id, certificationState({ id: p.id, status: p.status, disabled: Boolean(p.disabledAt) }, rules, byPerson.get(p.id) ?? [], at, policy));
  return out;
}

/** What the case-work gate reads: is this person cleared to work cases right now, why, and until when. */
export async function getCaseWorkClearance(personId: string): Promise<Certification | null> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { id: true, status: true, disabledAt: true } });
  if (!person) return null;
  return (await certificationsFor([person])).get(person.id)!;
}
