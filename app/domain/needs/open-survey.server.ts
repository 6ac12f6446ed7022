import { TZDate } from "@date-fns/tz";

import { companyToday } from "~/domain/settings/settings.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { addTodo } from "~/utils/todo.server";
import { messageKey } from "~/utils/validation";

import { answerTodo, fillTodo, headsOf, respondents } from "./needs-people.server";
import { DEFAULT_QUESTIONS } from "./needs-rules";

export type OpenSurveyInput = { year: number; deadline: Date; note?: string; requirements?: string };
export type OpenSurveyOutcome = { ok: true; id: string } | { ok: false; field?: "year" | "deadline"; error: string };

/** The last moment of the deadline's calendar day in the company's time zone. */
export function endOfDay(calendarDate: Date, timeZone: string): Date {
  const d = new TZDate(
    calendarDate.getUTCFullYear(),
    calendarDate.getUTCMonth(),
    calendarDate.getUTCDate(),
    23,
    59,
    59,
    999,
    timeZone,
  );
  return new Date(d.getTime());
}

/**
 * Opens the year-end survey: a needs form for every department, the standard questionnaire, and a
 * to-do for each department head (the form) and each employee (the questionnaire).
 */
export async function openSurvey(
  actor: NonNullable<AuditActor>,
  input: OpenSurveyInput,
  timeZone: string,
): Promise<OpenSurveyOutcome> {
  // A survey plans this year or the next; a far year opened by mistake would still ask everyone.
  const { year } = await companyToday();
  if (input.year < year || input.year > year + 1)
    return { ok: false, field: "year", error: messageKey("needs.validation.yearRange", { from: year, to: year + 1 }) };
  const deadline = endOfDay(input.deadline, timeZone);
  if (deadline < now()) return { ok: false, field: "deadline", error: "needs.validation.deadlinePast" };
  return db.$transaction(async (tx) => {
    if (await tx.needsSurvey.findUnique({ where: { year: input.year }, select: { id: true } }))
      return { ok: false as const, field: "year" as const, error: "needs.yearTaken" };
    const survey = await tx.needsSurvey.create({
      data: {
        year: input.year,
        deadline,
        note: input.note ?? null,
        requirements: input.requirements ?? null,
        openedById: actor.id,
        openedAt: now(),
      },
    });
    await tx.surveyQuestion.createMany({
      data: DEFAULT_QUESTIONS.map((q, i) => ({
        surveyId: survey.id,
        position: i + 1,
        kind: q.kind,
        text: q.text,
        options: [...q.options],
        required: q.required,
      })),
    });
    const departments = await tx.department.findMany({
      where: { kind: "DEPARTMENT" },
      select: { id: true, name: true },
      orderBy: { sortOrder: "asc" },
    });
    for (const department of departments) {
      const form = await tx.departmentNeedsForm.create({ data: { surveyId: survey.id, departmentId: department.id } });
      for (const personId of await headsOf(tx, department.id)) {
        await addTodo(tx, {
          ...fillTodo(survey.id, form.id),
          personId,
          params: { year: input.year, department: department.name },
          dueAt: deadline,
        });
      }
    }
    // Everyone's to-do in one statement: the survey is new, so none of them exists yet (addTodo's upsert
    // per person made opening slow enough to outrun the transaction's time limit).
    const answer = answerTodo(survey.id);
    await tx.todoItem.createMany({
      data: (await respondents(tx)).map((person) => ({
        ...answer,
        personId: person.id,
        params: { year: input.year },
        dueAt: deadline,
        createdAt: now(),
      })),
    });
    await writeAudit(tx, {
      actor,
      action: "needsSurvey.opened",
      entityType: "NeedsSurvey",
      entityId: survey.id,
      summary: { year: input.year, deadline: deadline.toISOString(), departments: departments.length },
    });
    return { ok: true as const, id: survey.id };
  });
}

/** Who opening a survey now would ask: the departments (with heads to fill their form) and the people to answer. */
export async function openSurveyReach() {
  return db.$transaction(async (tx) => {
    const departments = await tx.department.findMany({ where: { kind: "DEPARTMENT" }, select: { id: true } });
    const heads = new Set<string>();
    for (const d of departments) for (const id of await headsOf(tx, d.id)) heads.add(id);
    return { departments: departments.length, heads: heads.size, people: (await respondents(tx)).length };
  });
}
