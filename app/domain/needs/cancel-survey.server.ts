// Taking back a survey opened by mistake: only while nobody has answered it; it goes away with its to-dos.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { closeTodos } from "~/utils/todo.server";

export type CancelSurveyOutcome = { ok: true } | { ok: false; error: string; status?: 404 | 409; field?: "reason" };

/**
 * Cancels an open survey no department has submitted and nobody has answered: its forms, questions and
 * to-dos go, the year is free again, and the audit log keeps who did it and why.
 */
export async function cancelSurvey(
  actor: NonNullable<AuditActor>,
  surveyId: string,
  reason: string,
): Promise<CancelSurveyOutcome> {
  return db.$transaction(async (tx) => {
    // The survey row and its forms locked first: an answer or a submission in flight is waited for and
    // counted below; one arriving later finds the survey gone.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "NeedsSurvey" WHERE id = ${surveyId} FOR UPDATE`;
    if (locked.length === 0) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    await tx.$queryRaw`SELECT id FROM "DepartmentNeedsForm" WHERE "surveyId" = ${surveyId} FOR UPDATE`;
    const survey = await tx.needsSurvey.findUniqueOrThrow({
      where: { id: surveyId },
      select: {
        year: true,
        status: true,
        forms: { select: { id: true, status: true, _count: { select: { items: true } } } },
        _count: { select: { responses: true } },
      },
    });
    if (survey.status !== "OPEN") return { ok: false as const, error: "needs.surveyClosed", status: 409 as const };
    const submitted = survey.forms.filter((f) => f.status === "SUBMITTED").length;
    if (submitted > 0 || survey._count.responses > 0)
      return { ok: false as const, error: "needs.cancel.answered", status: 409 as const };
    for (const form of survey.forms) await closeTodos(tx, { sourceType: "DepartmentNeedsForm", sourceId: form.id });
    await closeTodos(tx, { sourceType: "NeedsSurvey", sourceId: surveyId });
    await tx.needsSurvey.delete({ where: { id: surveyId } });
    await writeAudit(tx, {
      actor,
      action: "needsSurvey.cancelled",
      entityType: "NeedsSurvey",
      entityId: surveyId,
      reason,
      summary: {
        year: survey.year,
        forms: survey.forms.length,
        draftItems: survey.forms.reduce((sum, f) => sum + f._count.items, 0),
      },
    });
    return { ok: true as const };
  });
}
