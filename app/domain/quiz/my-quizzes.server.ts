// The agent's quiz page: the quizzes open to them, whether they may start now, and their certification.
import { getCaseWorkClearance } from "~/domain/certification/certification-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { listMyAttempts } from "./attempt-queries.server";
import { canStart } from "./quiz-rules";
import { renderText } from "./rule-text";
import { finaliseExpiredAttempts } from "./submit-attempt.server";

export async function myQuizPage(personId: string) {
  await finaliseExpiredAttempts({ personId });
  const at = now();
  const [quizzes, attempts, certification, settings] = await Promise.all([
    db.quiz.findMany({
      where: { active: true },
      orderBy: [{ grantsCertification: "desc" }, { code: "asc" }],
      select: {
        id: true,
        title: true,
        titleEn: true,
        grantsCertification: true,
        timeLimitMinutes: true,
        passPercent: true,
        attemptsPerDay: true,
        cooldownMinutes: true,
        draws: { select: { count: true } },
      },
    }),
    listMyAttempts(personId),
    getCaseWorkClearance(personId),
    getSettings(),
  ]);
  const past = await db.quizAttempt.findMany({
    where: { personId, startedAt: { gte: new Date(at.getTime() - 2 * 86_400_000) } },
    select: { quizId: true, startedAt: true, submittedAt: true, passed: true },
  });
  const stale = certification?.staleRules ?? [];
  const changed = stale.length
    ? await db.callRuleVersion.findMany({
        where: { OR: stale.map((s) => ({ ruleId: s.ruleId, version: s.toVersion })) },
        select: {
          ruleId: true,
          version: true,
          titleZh: true,
          titleEn: true,
          textZh: true,
          textEn: true,
          changeNote: true,
        },
      })
    : [];
  return {
    certification,
    changedRules: changed.map((r) => ({
      ...r,
      textZh: renderText(r.textZh, settings.companyName),
      textEn: renderText(r.textEn, settings.companyName),
      lapsesAt: stale.find((s) => s.ruleId === r.ruleId)?.lapsesAt ?? null,
    })),
    quizzes: quizzes.map(({ draws, ...q }) => {
      const open = attempts.find((a) => a.quizId === q.id && a.status === "OPEN");
      const check = canStart(
        past.filter((p) => p.quizId === q.id),
        q,
        at,
        settings.timeZone,
      );
      return {
        ...q,
        questionCount: draws.reduce((n, d) => n + d.count, 0),
        openAttemptId: open?.id ?? null,
        blocked: check.ok ? null : { reason: check.reason, until: check.until },
      };
    }),
    attempts,
  };
}
