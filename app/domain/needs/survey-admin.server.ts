// The training manager's survey actions besides opening it: reminders, the GM's requirements, closing.
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { addTodo, closeTodos } from "~/utils/todo.server";

import { answerTodo, fillTodo, headsOf, respondents } from "./needs-people.server";

type Outcome = { ok: true; forms: number; people: number } | { ok: false; error: string; status?: number };

/** Puts (back) on the to-do list of everyone still owing a form or an answer. */
export async function sendReminders(actor: NonNullable<AuditActor>, surveyId: string): Promise<Outcome> {
  return db.$transaction(async (tx) => {
    const survey = await tx.needsSurvey.findUnique({
      where: { id: surveyId },
      include: { forms: { where: { status: "DRAFT" }, include: { department: { select: { name: true } } } } },
    });
    if (!survey) return { ok: false as const, error: "errors.notFound" };
    if (survey.status !== "OPEN") return { ok: false as const, error: "needs.surveyClosed", status: 409 as const };
    let forms = 0;
    for (const form of survey.forms) {
      const heads = await headsOf(tx, form.departmentId);
      for (const personId of heads)
        await addTodo(tx, {
          ...fillTodo(surveyId, form.id),
          personId,
          params: { year: survey.year, department: form.department.name },
          dueAt: survey.deadline,
        });
      if (heads.length > 0) forms += 1;
    }
    const answered = new Set(
      (await tx.questionnaireResponse.findMany({ where: { surveyId }, select: { personId: true } })).map(
        (r) => r.personId,
      ),
    );
    const missing = (await respondents(tx)).filter((p) => !answered.has(p.id));
    for (const person of missing)
      await addTodo(tx, {
        ...answerTodo(surveyId),
        personId: person.id,
        params: { year: survey.year },
        dueAt: survey.deadline,
      });
    await writeAudit(tx, {
      actor,
      action: "needsSurvey.reminded",
      entityType: "NeedsSurvey",
      entityId: surveyId,
      summary: { year: survey.year, forms, people: missing.length },
    });
    return { ok: true as const, forms, people: missing.length };
  });
}

/**
 * The general manager's requirements guide the departments while they fill in their forms: once the survey is closed
 * they are history.
 */
export async function setRequirements(
  actor: NonNullable<AuditActor>,
  surveyId: string,
  requirements: string | undefined,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.needsSurvey.findUnique({
      where: { id: surveyId },
      select: { requirements: true, year: true },
    });
    if (!before) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    // The update checks the status itself, so a survey being closed at this moment is refused too.
    const updated = await tx.needsSurvey.updateMany({
      where: { id: surveyId, status: "OPEN" },
      data: { requirements: requirements ?? null },
    });
    if (updated.count === 0) return { ok: false as const, error: "needs.surveyClosed", status: 409 as const };
    await writeAudit(tx, {
      actor,
      action: "needsSurvey.requirementsSet",
      entityType: "NeedsSurvey",
      entityId: surveyId,
      summary: { year: before.year, before: before.requirements, after: requirements ?? null },
    });
    return { ok: true as const };
  });
}

/** Ends the survey: forms and questionnaire are closed and nobody is asked any more. */
export async function closeSurvey(actor: NonNullable<AuditActor>, surveyId: string) {
  return db.$transaction(async (tx) => {
    const closed = await tx.needsSurvey.updateMany({
      where: { id: surveyId, status: "OPEN" },
      data: { status: "CLOSED", closedAt: now() },
    });
    if (closed.count === 0) return { ok: false as const, error: "needs.surveyClosed", status: 409 as const };
    const survey = await tx.needsSurvey.findUniqueOrThrow({
      where: { id: surveyId },
      include: { forms: { select: { id: true, status: true } } },
    });
    for (const form of survey.forms) await closeTodos(tx, { sourceType: "DepartmentNeedsForm", sourceId: form.id });
    await closeTodos(tx, { sourceType: "NeedsSurvey", sourceId: surveyId });
    await writeAudit(tx, {
      actor,
      action: "needsSurvey.closed",
      entityType: "NeedsSurvey",
      entityId: surveyId,
      summary: {
        year: survey.year,
        submitted: survey.forms.filter((f) => f.status === "SUBMITTED").length,
        forms: survey.forms.length,
      },
    });
    return { ok: true as const };
  });
}
