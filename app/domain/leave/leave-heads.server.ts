// Who decides a leave form: the heads of the requester's department or of a department above it.
import type { Tx } from "~/utils/db.server";

/** The department and every department above it (a team → its department → the company). */
async function departmentChain(tx: Tx, departmentId: string): Promise<string[]> {
  const departments = await tx.department.findMany({ select: { id: true, parentId: true } });
  const parentOf = new Map(departments.map((d) => [d.id, d.parentId]));
  const chain: string[] = [];
  for (let id: string | null | undefined = departmentId; id && !chain.includes(id); id = parentOf.get(id))
    chain.push(id);
  return chain;
}

/**
 * The active heads whose department contains the requester's (a head assignment without a department heads
 * the person's own). Never the requester: a head's own leave goes to the head above them.
 */
export async function headsFor(tx: Tx, requesterId: string): Promise<string[]> {
  const requester = await tx.person.findUniqueOrThrow({ where: { id: requesterId }, select: { departmentId: true } });
  const chain = await departmentChain(tx, requester.departmentId);
  const assignments = await tx.roleAssignment.findMany({
    where: {
      role: "DEPARTMENT_HEAD",
      personId: { not: requesterId },
      person: { disabledAt: null, status: { not: "LEFT" } },
    },
    select: { personId: true, departmentId: true, person: { select: { departmentId: true } } },
  });
  const heads = assignments.filter((a) => chain.includes(a.departmentId ?? a.person.departmentId));
  return [...new Set(heads.map((a) => a.personId))].sort();
}
