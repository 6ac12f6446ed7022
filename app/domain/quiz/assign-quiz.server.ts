// Assigning the case-work quiz: automatically (new hires, transfers into collection posts, called from
// the people use-cases inside their transaction) or by the training manager.
import { caseWorkQuizId } from "~/domain/certification/certification-queries.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { addTodo } from "~/utils/todo.server";

import { autoAssignmentReason } from "./assignment-rules";

type Reason = "NEW_HIRE" | "TRANSFER" | "MANUAL";

async function assign(tx: Tx, quizId: string, personId: string, reason: Reason, assignedById: string | null) {
  const at = now();
  await tx.quizAssignment.upsert({
    where: { quizId_personId: { quizId, personId } },
    create: { quizId, personId, reason, assignedById, createdAt: at },
    update: { reason, assignedById, createdAt: at, doneAt: null },
  });
  await addTodo(tx, { personId, kind: "quizAssigned", sourceType: "Quiz", sourceId: quizId, href: "/quiz" });
}

/** Called by createPerson / updatePerson / the people import, in their transaction. */
export async function autoAssignCaseWork(
  tx: Tx,
  changes: Array<{
    personId: string;
    before: Parameters<typeof autoAssignmentReason>[0];
    after: Parameters<typeof autoAssignmentReason>[1];
  }>,
) {
  const due = changes
    .map((c) => ({ personId: c.personId, reason: autoAssignmentReason(c.before, c.after) }))
    .filter((c) => c.reason !== null);
  if (due.length === 0) return;
  const quizId = await caseWorkQuizId(tx);
  if (!quizId) return;
  for (const c of due) await assign(tx, quizId, c.personId, c.reason!, null);
  await writeAudit(tx, {
    actor: null,
    action: "quiz.assigned",
    entityType: "Quiz",
    entityId: quizId,
    summary: { personIds: due.map((d) => d.personId), reasons: due.map((d) => d.reason) },
  });
}

export type AssignOutcome = { ok: true; assigned: number } | { ok: false; error: string; unknown?: string[] };

/** The training manager assigns a quiz to people by employee number. */
export async function assignByEmployeeNos(
  actor: { id: string; employeeNo: string },
  quizId: string,
  employeeNos: string[],
): Promise<AssignOutcome> {
  const wanted = [...new Set(employeeNos.map((n) => n.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length === 0) return { ok: false, error: "certification.assign.noneGiven" };
  const people = await db.person.findMany({
    where: { employeeNo: { in: wanted }, status: { not: "LEFT" } },
    select: { id: true, employeeNo: true },
  });
  const unknown = wanted.filter((n) => !people.some((p) => p.employeeNo === n));
  if (unknown.length) return { ok: false, error: "certification.assign.unknown", unknown };
  const quiz = await db.quiz.findUnique({ where: { id: quizId }, select: { id: true } });
  if (!quiz) return { ok: false, error: "errors.notFound" };
  await db.$transaction(async (tx) => {
    for (const p of people) await assign(tx, quizId, p.id, "MANUAL", actor.id);
    await writeAudit(tx, {
      actor,
      action: "quiz.assigned",
      entityType: "Quiz",
      entityId: quizId,
      summary: { employeeNos: people.map((p) => p.employeeNo), reason: "MANUAL" },
    });
  });
  return { ok: true, assigned: people.length };
}
