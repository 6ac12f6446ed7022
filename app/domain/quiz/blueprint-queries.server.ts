// Reads for the blueprint pages: the rules a quiz can draw from, and one quiz as its form shows it.
import { db } from "~/utils/db.server";

import { listRules } from "./rule-queries.server";

export type BlueprintRule = { id: string; titleZh: string; titleEn: string; redLine: boolean; available: number };

/** Every rule with the number of active questions it can draw from. */
export async function blueprintRules(): Promise<BlueprintRule[]> {
  const rules = await listRules();
  return rules.map((r) => ({
    id: r.id,
    titleZh: r.current.titleZh,
    titleEn: r.current.titleEn,
    redLine: r.current.redLine,
    available: r.questionCount,
  }));
}

export type DrawsCheck =
  | { ok: true; draws: Array<[ruleId: string, count: number]> }
  | { ok: false; field: "draws"; error: string; status: 400 };

/**
 * The draws a blueprint keeps: those on rules that exist, with at least one question. A blueprint
 * left with none would give a quiz without questions, so creating and saving one both refuse it.
 */
export async function checkDraws(draws: Record<string, number>): Promise<DrawsCheck> {
  const rules = new Set((await db.callRule.findMany({ select: { id: true } })).map((r) => r.id));
  const kept = Object.entries(draws).filter(([ruleId, count]) => rules.has(ruleId) && count > 0);
  return kept.length
    ? { ok: true, draws: kept }
    : { ok: false, field: "draws", error: "quiz.blueprint.errors.noQuestions", status: 400 };
}

/** Every quiz, for the question bank page's list of blueprints. */
export function listQuizzes() {
  return db.quiz.findMany({ orderBy: { code: "asc" }, select: { id: true, title: true, titleEn: true, active: true } });
}

/** The quiz's fields as the form posts them (draw_<ruleId> per rule), or null when there is no such quiz. */
export async function getBlueprint(quizId: string) {
  const quiz = await db.quiz.findUnique({ where: { id: quizId }, include: { draws: true } });
  if (!quiz) return null;
  const values: Record<string, string> = {
    title: quiz.title,
    titleEn: quiz.titleEn,
    timeLimitMinutes: String(quiz.timeLimitMinutes),
    passPercent: String(quiz.passPercent),
    attemptsPerDay: String(quiz.attemptsPerDay),
    cooldownMinutes: String(quiz.cooldownMinutes),
    active: quiz.active ? "on" : "",
  };
  for (const d of quiz.draws) values[`draw_${d.ruleId}`] = String(d.count);
  return { id: quiz.id, code: quiz.code, grantsCertification: quiz.grantsCertification, values };
}
