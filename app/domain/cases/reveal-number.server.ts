// The one way to see a full ID or card number: on request, audited in the same transaction that reads it.
// The assigned agent needs a valid certification; a department head may look within their scope.
import { writeAudit } from "~/utils/audit.server";
import type { Authorized } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

import { decryptNumber } from "./case-crypto.server";
import { caseWorkGate } from "./case-gate.server";
import { caseScopeWhere } from "./case-queries.server";

export type RevealOutcome = { ok: true; value: string } | { ok: false; kind: "notFound" | "gate" };

export async function revealNumber(
  auth: Authorized,
  caseId: string,
  field: "idNumber" | "cardNumber",
): Promise<RevealOutcome> {
  const actor = { id: auth.user.id, employeeNo: auth.user.employeeNo };
  const found = await db.collectionCase.findFirst({
    where: { id: caseId, ...(await caseScopeWhere(auth)) },
    select: { id: true, caseNo: true, assignedToId: true },
  });
  if (!found) return { ok: false, kind: "notFound" };
  if (!(await caseWorkGate(actor, found, "reveal")).ok) return { ok: false, kind: "gate" };
  return db.$transaction(async (tx) => {
    const row = await tx.collectionCase.findUniqueOrThrow({
      where: { id: caseId },
      select: { idNumberEnc: true, cardNumberEnc: true },
    });
    await writeAudit(tx, {
      actor,
      action: "case.numberRevealed",
      entityType: "CollectionCase",
      entityId: caseId,
      summary: { caseNo: found.caseNo, field },
    });
    return { ok: true as const, value: decryptNumber(field === "idNumber" ? row.idNumberEnc : row.cardNumberEnc) };
  });
}
