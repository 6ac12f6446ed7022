// Starting (or resuming) an attempt. One open attempt per person and quiz is enforced by the unique
// openKey column: of 20 parallel starts one insert wins and the others resume the winner's attempt.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { getSettings } from "~/domain/settings/settings.server";
import { getCaseWorkClearance } from "~/domain/certification/certification-queries.server";
import { canStart, drawQuestions, seededRandom, shuffle } from "./quiz-rules";
import { currentRuleFlags } from "./rule-queries.server";
import { finaliseExpiredAttempts } from "./submit-attempt.server";

export type StartOutcome = { ok: true; attemptId: string; resumed: boolean } | { ok: false; error: string; until?: Date };

// The re-quiz asks this many questions per changed rule (or all the bank has).
const REQUIZ_PER_RULE = 2;

export async function startAttempt(person: { id: string }, quizId: string, mode: "FULL" | "REQUIZ"): Promise<StartOutcome> {
  const quiz = await db.quiz.findFirst({ where: { id: quizId, active: true }, select: { id: true, timeLimitMinutes: true, passPercent: true, attemptsPerDay: true, cooldownMinutes: true, grantsCertification: true, draws: { select: { ruleId: true, count: true } } } });
  if (!quiz) return { ok: false, error: "errors.notFound" };
  await finaliseExpiredAttempts({ personId: person.id, quizId });
  const openKey = `${person.id}:${quizId}`;
  const open = await db.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
  if (open) return { ok: true, attemptId: open.id, resumed: true };

  const at = now();
  const [past, settings] = await Promise.all([
    db.quizAttempt.findMany({ where: { personId: person.id, quizId }, orderBy: { startedAt: "desc" }, take: 50, select: { startedAt: true, submittedAt: true, passed: true } }),
    getSettings(),
  ]);
  const check = canStart(past, quiz, at, settings.timeZone);
  if (!check.ok) return { ok: false, error: `quiz.refused.${check.reason}`, until: check.until };

  let draws = quiz.draws;
  if (mode === "REQUIZ") {
    if (!quiz.grantsCertification) return { ok: false, error: "quiz.refused.nothingToRequiz" };
    const cert = await getCaseWorkClearance(person.id);
    const stale = cert?.staleRules ?? [];
    if (!cert?.certifiedAt || cert.status === "expired" || stale.length === 0) return { ok: false, error: "quiz.refused.nothingToRequiz" };
    draws = stale.map((s) => ({ ruleId: s.ruleId, count: REQUIZ_PER_RULE }));
  }
  const ruleIds = draws.filter((d) => d.count > 0).map((d) => d.ruleId);
  const [pool, flags] = await Promise.all([
    db.quizQuestion.findMany({
      where: { active: true, rules: { some: { ruleId: { in: ruleIds } } } },
      select: { id: true, kind: true, rules: { select: { ruleId: true } }, options: { select: { id: true }, orderBy: { sortOrder: "asc" } } },
    }),
    currentRuleFlags(),
  ]);
  const attemptId = randomUUID();
  const random = seededRandom(attemptId);
  const byId = new Map(pool.map((q) => [q.id, q]));
  const { questions } = drawQuestions(pool.map((q) => ({ id: q.id, ruleIds: q.rules.map((r) => r.ruleId) })), draws, random);
  if (questions.length === 0) return { ok: false, error: "quiz.refused.noQuestions" };

  const rows = questions.map((picked, position) => {
    const q = byId.get(picked.questionId)!;
    const tags = q.rules.map((r) => r.ruleId);
    // True/false keeps 正确 before 错误; every other kind shows its options in a per-attempt order.
    const order = q.kind === "TRUE_FALSE" ? q.options.map((o) => o.id) : shuffle(q.options.map((o) => o.id), random);
    return { attemptId, questionId: q.id, position, optionOrder: order, multiple: q.kind === "MULTIPLE", ruleIds: tags, redLine: tags.some((id) => flags.get(id)?.redLine) };
  });
  const ruleVersions = Object.fromEntries(ruleIds.map((id) => [id, flags.get(id)?.version ?? 1]));
  try {
    await db.$transaction([
      db.quizAttempt.create({
        data: { id: attemptId, quizId, personId: person.id, mode, openKey, startedAt: at, deadlineAt: new Date(at.getTime() + quiz.timeLimitMinutes * 60_000), passPercent: quiz.passPercent, ruleVersions, questionCount: rows.length },
      }),
      db.quizAttemptQuestion.createMany({ data: rows }),
    ]);
  } catch (error) {
    // Someone (this agent in another tab) opened one meanwhile: resume theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
      if (winner) return { ok: true, attemptId: winner.id, resumed: true };
    }
    throw error;
  }
  return { ok: true, attemptId, resumed: false };
}
