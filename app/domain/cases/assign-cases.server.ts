// A department head assigns cases of their department to agents of their department (staff, not heads) who
// hold a valid case-work certification: a case given to an agent who may not work it would sit unreachable.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";

import { agentQuery, pickAgent } from "./agent-options";
import { caseWorkCertification } from "./case-gate.server";
import { assignableAgentsWhere } from "./case-queries.server";

export type AssignOutcome = { ok: true; assigned: number } | { ok: false; error: string };

/**
 * `departmentIds`: the head's scope (null: every department). Cases and agent must both be inside it.
 * `agentText`: the employee number and/or name the head typed (agent-options.ts says how it is read).
 */
export async function assignCases(
  actor: { id: string; employeeNo: string },
  departmentIds: string[] | null,
  caseIds: string[],
  agentText: string,
): Promise<AssignOutcome> {
  const inScope = departmentIds ? { departmentId: { in: departmentIds } } : {};
  const { employeeNos, names } = agentQuery(agentText);
  const candidates = await db.person.findMany({
    where: {
      ...assignableAgentsWhere(departmentIds),
      OR: [{ employeeNo: { in: employeeNos } }, { name: { in: names } }],
    },
    select: { id: true, employeeNo: true, name: true },
    take: 50,
  });
  const pick = pickAgent(agentText, candidates);
  if (!pick.ok)
    return {
      ok: false,
      error:
        pick.reason === "ambiguous"
          ? messageKey("cases.assign.agentAmbiguous", { name: agentText.trim(), n: pick.count })
          : messageKey("cases.assign.agentOutOfScope", { text: agentText.trim() }),
    };
  const agent = candidates.find((c) => c.id === pick.id)!;
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
