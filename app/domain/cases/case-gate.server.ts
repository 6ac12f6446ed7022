// The case-work gate inside TrainGate: the agent a case is assigned to needs a valid certification
// to open it, record an action or see a full number, read from the one certification function. A
// refusal is audited. Anyone else allowed to read the case (a department head in scope) is not gated.
import { getCaseWorkClearance } from "~/domain/certification/certification-queries.server";
import type { Certification } from "~/domain/certification/certification-rules";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

export type GateOutcome = { ok: true } | { ok: false; certification: Certification };

export async function caseWorkGate(
  actor: { id: string; employeeNo: string },
  kase: { id: string; assignedToId: string | null },
  purpose: "open" | "record" | "reveal",
): Promise<GateOutcome> {
  if (kase.assignedToId !== actor.id) return { ok: true };
  const refused = await caseWorkCertification(actor.id);
  if (refused.cleared) return { ok: true };
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: "case.gateRefused",
      entityType: "CollectionCase",
      entityId: kase.id,
      summary: { purpose, status: refused.status, reasons: refused.reasons.map((r) => r.code) },
    }),
  );
  return { ok: false, certification: refused };
}

/** The person's case-work certification; a person who cannot be found is never cleared. */
export async function caseWorkCertification(personId: string): Promise<Certification> {
  return (
    (await getCaseWorkClearance(personId)) ?? {
      cleared: false,
      status: "never",
      validUntil: null,
      certifiedAt: null,
      reasons: [{ code: "inactive" }],
      staleRules: [],
    }
  );
}

/**
 * What a page may show of a refusal: the status, its date, the changed rules and, for a new hire, what holds
 * their pre-job assessment back — nothing else.
 */
export const gateView = (c: Certification) => ({
  status: c.status,
  date: c.validUntil?.toISOString() ?? null,
  rules: c.staleRules.map((s) => s.ruleId).join("、"),
  assessment:
    c.reasons.find(
      (r): r is Extract<typeof r, { code: "assessmentMissing" | "assessmentNotPassed" }> =>
        r.code === "assessmentMissing" || r.code === "assessmentNotPassed",
    )?.code ?? null,
});
