// 《培训需求调查问卷》: questions set up by the training manager, answered once per person.
import { db } from "~/utils/db.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { closeTodos } from "~/domain/todo/todo.server";
import { isPastDeadline, readAnswers } from "./needs-rules";
import type { QuestionInput } from "./needs.schema";

type Person = { id: string; employeeNo: string; departmentId: string };
export type AnswerOutcome = { ok: true } | { ok: false; error: string; errors?: Record<string, string>; status: 400 | 404 | 409 };

export async function answerQuestionnaire(person: Person, surveyId: string, values: Record<string, string | string[]>): Promise<AnswerOutcome> {
  const survey = await db.needsSurvey.findUnique({ where: { id: surveyId }, include: { questions: { orderBy: { position: "asc" } } } });
  if (!survey) return { ok: false, error: "errors.notFound", status: 404 };
  if (survey.status !== "OPEN" || isPastDeadline(survey, now())) return { ok: false, error: "needs.questionnaireClosed", status: 409 };
  const { answers, errors } = readAnswers(survey.questions, values);
  if (Object.keys(errors).length > 0) return { ok: false, error: "needs.answerErrors", errors, status: 400 };
  try {
    await db.$transaction(async (tx) => {
      const response = await tx.questionnaireResponse.create({ data: { surveyId, personId: person.id, departmentId: person.departmentId, submittedAt: now() } });
      await tx.questionAnswer.createMany({ data: answers.map((a) => ({ ...a, responseId: response.id })) });
      await closeTodos(tx, { sourceType: "NeedsSurvey", sourceId: surveyId, personId: person.id });
      await writeAudit(tx, { actor: person, action: "questionnaire.answered", entityType: "QuestionnaireResponse", entityId: response.id, summary: { year: survey.year, answers: answers.length } });
    });
  } catch (error) {
    // One response per person and survey: a repeated post finds the first one.
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: "needs.alreadyAnswered", status: 409 };
    throw error;
  }
  return { ok: true };
}

type Manager = { id: string; employeeNo: string };

// Questions change only until the first answer arrives, so every answer means what it meant when given.
async function questionsLocked(surveyId: string) {
  return (await db.questionnaireResponse.count({ where: { surveyId } })) > 0;
}

export async function addQuestion(actor: Manager, surveyId: string, input: QuestionInput) {
  if (await questionsLocked(surveyId)) return { ok: false as const, error: "needs.questionsLocked" };
  return db.$transaction(async (tx) => {
    const survey = await tx.needsSurvey.findUnique({ where: { id: surveyId }, select: { year: true, status: true } });
    if (!survey || survey.status !== "OPEN") return { ok: false as const, error: survey ? "needs.surveyClosed" : "errors.notFound" };
    const last = await tx.surveyQuestion.aggregate({ where: { surveyId }, _max: { position: true } });
    const options = input.kind === "SINGLE" || input.kind === "MULTIPLE" ? input.options : [];
    const question = await tx.surveyQuestion.create({ data: { surveyId, position: (last._max.position ?? 0) + 1, kind: input.kind, text: input.text, options, required: input.required } });
    await writeAudit(tx, { actor, action: "questionnaire.questionAdded", entityType: "SurveyQuestion", entityId: question.id, summary: { year: survey.year, kind: input.kind, text: input.text, options } });
    return { ok: true as const };
  });
}

export async function deleteQuestion(actor: Manager, surveyId: string, questionId: string) {
  if (await questionsLocked(surveyId)) return { ok: false as const, error: "needs.questionsLocked" };
  return db.$transaction(async (tx) => {
    const question = await tx.surveyQuestion.findFirst({ where: { id: questionId, surveyId } });
    if (!question) return { ok: false as const, error: "errors.notFound" };
    await tx.surveyQuestion.delete({ where: { id: questionId } });
    await writeAudit(tx, { actor, action: "questionnaire.questionDeleted", entityType: "SurveyQuestion", entityId: questionId, summary: { text: question.text } });
    return { ok: true as const };
  });
}
