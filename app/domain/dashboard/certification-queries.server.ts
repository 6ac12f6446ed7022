// The agents in scope and their case-work certification, through the one certification function the
// board and the case-work gate read (certificationsFor). Agents as on the board: collection posts and
// anyone with a quiz to take.
import { certificationsFor } from "~/domain/certification/certification-queries.server";
import { isCollectionPost } from "~/domain/quiz/assignment-rules";
import { db } from "~/utils/db.server";

export async function agentCertifications(departmentIds: string[]) {
  const people = await db.person.findMany({
    where: { departmentId: { in: departmentIds }, status: { not: "LEFT" }, disabledAt: null },
    select: {
      id: true,
      post: true,
      status: true,
      disabledAt: true,
      departmentId: true,
      quizAssignments: { where: { doneAt: null }, select: { id: true }, take: 1 },
    },
  });
  const agents = people.filter((p) => isCollectionPost(p.post) || p.quizAssignments.length > 0);
  const certs = await certificationsFor(agents);
  return agents.map((a) => ({ personId: a.id, departmentId: a.departmentId, certification: certs.get(a.id)! }));
}
