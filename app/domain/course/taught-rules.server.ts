// The call-script rules a course teaches and the quiz that closes it: saved with the course, in its
// transaction, and audited as `course.rulesChanged` when they change (the rule loop's first link).
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import type { Tx } from "~/utils/db.server";

import type { CourseInput } from "./course.schema";

type Taught = Pick<CourseInput, "ruleIds" | "quizId">;
type Refusal = { ok: false; error: string; status: 400; field: string };

/** Refuses rule ids not in the catalogue and a quiz that is not active; null when both are fine. */
export async function checkTaughtRules(tx: Tx, input: Taught): Promise<Refusal | null> {
  const ids = [...new Set(input.ruleIds)];
  if ((await tx.callRule.count({ where: { id: { in: ids } } })) !== ids.length)
    return { ok: false, error: "course.validation.unknownRule", status: 400, field: "ruleIds" };
  if (input.quizId && (await tx.quiz.count({ where: { id: input.quizId, active: true } })) !== 1)
    return { ok: false, error: "course.validation.unknownQuiz", status: 400, field: "quizId" };
  return null;
}

/** Replaces the course's rules and quiz with those given; writes the audit entry only when something changed. */
export async function saveTaughtRules(tx: Tx, actor: NonNullable<AuditActor>, courseId: string, input: Taught) {
  const course = await tx.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { quizId: true, rules: { select: { ruleId: true } } },
  });
  const before = course.rules.map((r) => r.ruleId).sort();
  const after = [...new Set(input.ruleIds)].sort();
  const quizId = input.quizId ?? null;
  if (before.join() === after.join() && course.quizId === quizId) return;
  await tx.courseRule.deleteMany({ where: { courseId, ruleId: { notIn: after } } });
  await tx.courseRule.createMany({ data: after.map((ruleId) => ({ courseId, ruleId })), skipDuplicates: true });
  if (course.quizId !== quizId) await tx.course.update({ where: { id: courseId }, data: { quizId } });
  await writeAudit(tx, {
    actor,
    action: "course.rulesChanged",
    entityType: "Course",
    entityId: courseId,
    summary: {
      added: after.filter((r) => !before.includes(r)),
      removed: before.filter((r) => !after.includes(r)),
      quizBefore: course.quizId,
      quizAfter: quizId,
    },
  });
}
