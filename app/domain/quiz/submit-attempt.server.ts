// Finalising an attempt: by the agent, or automatically once the server's deadline has passed.
// The conditional update on status makes it happen exactly once however many requests race.
import { db } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { closeTodos } from "~/domain/todo/todo.server";
import { scoreAttempt } from "./quiz-rules";

export type FinaliseOutcome = { finalised: boolean; passed?: boolean };

export async function finaliseAttempt(attemptId: string, options: { auto: boolean; actor?: AuditActor }): Promise<FinaliseOutcome> {
  const at = now();
  return db.$transaction(async (tx) => {
    const attempt = await tx.quizAttempt.findUnique({ where: { id: attemptId }, select: { status: true, deadlineAt: true, passPercent: true, personId: true, quizId: true, mode: true } });
    if (!attempt || attempt.status !== "OPEN") return { finalised: false };
    // An attempt that ran out of time counts as handed in at its deadline (the cooldown runs from there).
    const submittedAt = attempt.deadlineAt < at ? attempt.deadlineAt : at;
    const claimed = await tx.quizAttempt.updateMany({ where: { id: attemptId, status: "OPEN" }, data: { status: "SUBMITTED", openKey: null, submittedAt, autoSubmitted: options.auto || attempt.deadlineAt < at } });
    if (claimed.count === 0) return { finalised: false };

    const questions = await tx.quizAttemptQuestion.findMany({
      where: { attemptId },
      select: { id: true, selected: true, ruleIds: true, redLine: true, question: { select: { options: { where: { isCorrect: true }, select: { id: true } } } } },
    });
    const score = scoreAttempt(questions.map((q) => ({ ruleIds: q.ruleIds, redLine: q.redLine, selected: q.selected, correctOptionIds: q.question.options.map((o) => o.id) })), attempt.passPercent);
    const right = questions.filter((_, i) => score.results[i]).map((q) => q.id);
    const wrong = questions.filter((_, i) => !score.results[i]).map((q) => q.id);
    await tx.quizAttempt.update({
      where: { id: attemptId },
      data: { correctCount: score.correctCount, scorePercent: score.scorePercent, passed: score.passed, redLineMissed: score.redLineMissed, missedRuleIds: score.missedRuleIds },
    });
    if (right.length) await tx.quizAttemptQuestion.updateMany({ where: { id: { in: right } }, data: { correct: true } });
    if (wrong.length) await tx.quizAttemptQuestion.updateMany({ where: { id: { in: wrong } }, data: { correct: false } });
    if (score.passed) {
      await closeTodos(tx, { sourceType: "Quiz", sourceId: attempt.quizId, personId: attempt.personId });
      if (attempt.mode === "FULL") await tx.quizAssignment.updateMany({ where: { quizId: attempt.quizId, personId: attempt.personId, doneAt: null }, data: { doneAt: at } });
    }
    await writeAudit(tx, {
      actor: options.actor ?? null,
      action: options.auto ? "quiz.auto_submitted" : "quiz.submitted",
      entityType: "QuizAttempt",
      entityId: attemptId,
      summary: { scorePercent: score.scorePercent, passed: score.passed, redLineMissed: score.redLineMissed, missedRuleIds: score.missedRuleIds },
    });
    return { finalised: true, passed: score.passed };
  });
}

/** The sweep: every open attempt past its deadline (of one person, or everyone's) is finalised. */
export async function finaliseExpiredAttempts(where: { personId?: string; quizId?: string } = {}) {
  const expired = await db.quizAttempt.findMany({ where: { ...where, status: "OPEN", deadlineAt: { lte: now() } }, select: { id: true } });
  for (const a of expired) await finaliseAttempt(a.id, { auto: true });
  return expired.length;
}

/** The agent hands in their own attempt; anyone else's is "not found". Submitting twice changes nothing. */
export async function submitOwnAttempt(actor: { id: string; employeeNo: string }, attemptId: string): Promise<{ ok: true; finalised: boolean } | { ok: false; error: string }> {
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, personId: actor.id }, select: { id: true } });
  if (!attempt) return { ok: false, error: "errors.notFound" };
  const outcome = await finaliseAttempt(attemptId, { auto: false, actor });
  return { ok: true, finalised: outcome.finalised };
}
