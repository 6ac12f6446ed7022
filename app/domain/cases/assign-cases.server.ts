// A department head assigns cases of their department to agents of their department who hold a
// valid case-work certification: a case given to an agent who may not work it would sit unreachable.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";

import { caseWorkCertification } from "./case-gate.server";

export type AssignOutcome = { ok: true; assigned: number } | { ok: false; error: string };

/** `departmentIds`: the head's scope (null: every department). Cases and agent must both be inside it. */
export async function assignCases(
  actor: { id: string; employeeNo: string },
  departmentIds: string[] | null,
  caseIds: string[],
  agentId: string,
): Promise<AssignOutcome> {
  const inScope = departmentIds ? { departmentId: { in: departmentIds } } : {};
  const agent = await db.person.findFirst({
    where: { id: agentId, ...inScope, status: { not: "LEFT" }, disabledAt: null },
    select: { id: true, employeeNo: true, name: true },
  });
  if (!agent) return { ok: false, error: "cases.assign.agentOutOfScope" };
  const certification = await caseWorkCertification(agent.id);
  if (!certification.cleared)
    return {
      ok: false,
      error: messageKey(`cases.assign.notCertified.${certification.status}`, {
        name: agent.name,
        employeeNo: agent.employeeNo,
      }),
    };
  return db.$transaction(async (tx) => {
    const cases = await tx.collectionCase.findMany({
      where: { id: { in: caseIds }, ...inScope },
      select: { id: true, caseNo: true, assignedToId: true },
    });
    if (cases.length !== new Set(caseIds).size) return { ok: false as const, error: "cases.assign.caseOutOfScope" };
    await tx.collectionCase.updateMany({
      where: { id: { in: cases.map((c) => c.id) } },
      data: { assignedToId: agent.id, assignedAt: now() },
    });
    await writeAudit(tx, {
      actor,
      action: "case.assigned",
      entityType: "CollectionCase",
      entityId: cases.length === 1 ? cases[0].id : null,
      summary: {
        agent: agent.employeeNo,
        caseNos: cases.map((c) => c.caseNo),
        previous: cases.map((c) => c.assignedToId),
      },
    });
    return { ok: true as const, assigned: cases.length };
  });
}
