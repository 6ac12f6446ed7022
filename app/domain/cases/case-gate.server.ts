// The case-work gate inside TrainGate: opening a case or recording an action needs a valid
// certification, read from the one certification function. A refusal is audited.
import { db } from "~/utils/db.server";
import { writeAudit } from "~/utils/audit.server";
import { getCaseWorkClearance } from "~/domain/certification/certification-queries.server";
import type { Certification } from "~/domain/certification/certification-rules";

export type GateOutcome = { ok: true; certification: Certification } | { ok: false; certification: Certification };

export async function caseWorkGate(actor: { id: string; employeeNo: string }, caseId: string, purpose: "open" | "record" | "reveal"): Promise<GateOutcome> {
  const certification = await getCaseWorkClearance(actor.id);
  if (certification?.cleared) return { ok: true, certification };
  const refused = certification ?? { cleared: false, status: "never", validUntil: null, certifiedAt: null, reasons: [{ code: "inactive" }], staleRules: [] };
  await db.$transaction((tx) =>
    writeAudit(tx, { actor, action: "case.gateRefused", entityType: "CollectionCase", entityId: caseId, summary: { purpose, status: refused.status, reasons: refused.reasons.map((r) => r.code) } }),
  );
  return { ok: false, certification: refused };
}
