// The background job that announces ended case-work certifications (expired, or lapsed after a rule
// change): a to-do for the agent (closed when they pass again) and for each head of their department or
// above it (the heads who decide their leave; closed by the job once the agent is cleared again), with an
// audit entry. Each end is announced once: the CertificationEnd row is inserted first and a conflict
// means another run (another instance, a retry) already did it. docs/decisions/0021-background-jobs.md
import { headsFor } from "~/domain/leave/leave-heads.server";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { addTodo } from "~/utils/todo.server";

import { endsToAnnounce, type CertificationEnd } from "./certification-end-rules";
import { caseWorkQuizId, certificationsFor } from "./certification-queries.server";

/** The heads' to-do kinds, one per way a certification ends. */
export const HEAD_KINDS = { expired: "certification.agentExpired", lapsed: "certification.agentLapsed" } as const;

type Agent = { id: string; name: string; employeeNo: string };

/** One end, in one transaction; false when it was already announced. */
async function announce(end: CertificationEnd, agent: Agent, quizId: string, at: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "CertificationEnd" ("personId", "endedAt", "status", "noticedAt")
      VALUES (${end.personId}, ${end.endedAt}, ${end.status}, ${at})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return false;
    // Same source as the quiz's own to-dos: passing the quiz again closes it (submit-attempt.server.ts).
    await addTodo(tx, {
      personId: agent.id,
      kind: `certification.${end.status}`,
      sourceType: "Quiz",
      sourceId: quizId,
      href: "/quiz",
    });
    for (const headId of await headsFor(tx, agent.id)) {
      await addTodo(tx, {
        personId: headId,
        kind: HEAD_KINDS[end.status],
        sourceType: "Person",
        sourceId: agent.id,
        href: "/certification",
        params: { name: agent.name, employeeNo: agent.employeeNo },
      });
    }
    await writeAudit(tx, {
      actor: null,
      action: `certification.${end.status}`,
      entityType: "Person",
      entityId: agent.id,
      summary: { endedAt: end.endedAt.toISOString() },
    });
    return true;
  });
}

/** Announces the ends not yet announced, and closes the heads' items of agents cleared again. */
export async function announceCertificationEnds(at: Date): Promise<{ announced: number; closed: number }> {
  const quizId = await caseWorkQuizId();
  if (!quizId) return { announced: 0, closed: 0 };
  const agents = await db.person.findMany({
    where: {
      status: { not: "LEFT" },
      disabledAt: null,
      quizAttempts: { some: { quizId, passed: true, mode: "FULL" } },
    },
    select: { id: true, name: true, employeeNo: true, status: true, disabledAt: true, departmentId: true },
  });
  const byId = new Map(agents.map((a) => [a.id, a]));
  const certifications = await certificationsFor(agents);
  let announced = 0;
  for (const end of endsToAnnounce(certifications, at)) {
    if (await announce(end, byId.get(end.personId)!, quizId, at)) announced += 1;
  }

  // A head's item stays until the agent is cleared again, leaves or is disabled.
  const open = await db.todoItem.findMany({
    where: { kind: { in: Object.values(HEAD_KINDS) }, sourceType: "Person", doneAt: null },
    select: { sourceId: true },
  });
  const settled = [...new Set(open.map((t) => t.sourceId))].filter(
    (id) => !byId.has(id) || certifications.get(id)?.cleared,
  );
  const { count: closed } = settled.length
    ? await db.todoItem.updateMany({
        where: {
          kind: { in: Object.values(HEAD_KINDS) },
          sourceType: "Person",
          sourceId: { in: settled },
          doneAt: null,
        },
        data: { doneAt: at },
      })
    : { count: 0 };
  return { announced, closed };
}
