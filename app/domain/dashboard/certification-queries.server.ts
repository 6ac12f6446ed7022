// The agents in scope and their case-work certification, through the one certification function the
// board and the case-work gate read (certificationsFor). Agents as on the board: collection posts and
// anyone with a quiz to take.
import { certificationsFor } from "~/domain/certification/certification-queries.server";
import { isCollectionPost } from "~/domain/quiz/assignment-rules";
import { db } from "~/utils/db.server";

export async function agentCertifications(departmentIds: string[]) {
  // Two flat reads (people, then who has a quiz to take) rather than a nested one per person.
  const [people, assigned] = await Promise.all([
    db.person.findMany({
      where: { departmentId: { in: departmentIds }, status: { not: "LEFT" }, disabledAt: null },
      select: { id: true, post: true, status: true, disabledAt: true, departmentId: true },
    }),
    db.quizAssignment.findMany({
      where: { doneAt: null, person: { departmentId: { in: departmentIds } } },
      select: { personId: true },
    }),
  ]);
  const toTake = new Set(assigned.map((a) => a.personId));
  const agents = people.filter((p) => isCollectionPost(p.post) || toTake.has(p.id));
  const certs = await certificationsFor(agents);
  return agents.map((a) => ({ personId: a.id, departmentId: a.departmentId, certification: certs.get(a.id)! }));
}
