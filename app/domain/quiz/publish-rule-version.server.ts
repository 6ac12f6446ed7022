// A new version of a call-script rule. Everyone whose certification covered the older version is told
// through their to-do list (re-quiz before the grace period ends); the lapse itself is computed by the
// certification function from the version's effective date, so no job has to run at the deadline.
import { z } from "zod";

import { caseWorkQuizId, certificationsFor } from "~/domain/certification/certification-queries.server";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { addTodos } from "~/utils/todo.server";

import { forgetQuizCatalogue, notifyQuizChange } from "./quiz-catalogue.server";

export const RuleVersionSchema = z.object({
  titleZh: z.string().trim().min(2).max(60),
  titleEn: z.string().trim().min(2).max(120),
  textZh: z.string().trim().min(4).max(2000),
  textEn: z.string().trim().min(4).max(3000),
  redLine: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  changeNote: z.string().trim().min(2).max(500),
});
export type RuleVersionInput = z.output<typeof RuleVersionSchema>;

export async function publishRuleVersion(
  actor: { id: string; employeeNo: string },
  ruleId: string,
  input: RuleVersionInput,
) {
  const rule = await db.callRule.findUnique({ where: { id: ruleId }, select: { currentVersion: true } });
  if (!rule) return { ok: false as const, error: "errors.notFound" };
  const at = now();
  const version = rule.currentVersion + 1;
  const notified = await db
    .$transaction(async (tx) => {
      // Conditional on the version read above: of two managers publishing at once, one wins.
      const bumped = await tx.callRule.updateMany({
        where: { id: ruleId, currentVersion: rule.currentVersion },
        data: { currentVersion: version },
      });
      if (bumped.count === 0) return null;
      await tx.callRuleVersion.create({ data: { ruleId, version, ...input, effectiveAt: at, createdById: actor.id } });
      await notifyQuizChange(tx);
      await writeAudit(tx, {
        actor,
        action: "rule.versioned",
        entityType: "CallRule",
        entityId: ruleId,
        summary: { version, redLine: input.redLine },
        reason: input.changeNote,
      });
      return version;
    })
    .finally(forgetQuizCatalogue);
  if (notified === null) return { ok: false as const, error: "errors.conflict" };
  const affected = await notifyAffected();
  return { ok: true as const, version, affected };
}

/** Adds (or refreshes) a re-quiz to-do for everyone still cleared whose certification misses a rule change. */
export async function notifyAffected() {
  const quizId = await caseWorkQuizId();
  if (!quizId) return 0;
  const people = await db.person.findMany({
    where: { status: { not: "LEFT" }, quizAttempts: { some: { quizId, passed: true, mode: "FULL" } } },
    select: { id: true, status: true, disabledAt: true },
  });
  const certs = await certificationsFor(people);
  const due = [...certs].filter(([, c]) => c.cleared && c.staleRules.length > 0);
  await addTodos(
    db,
    due.map(([personId, c]) => ({
      personId,
      kind: "quizRequiz",
      sourceType: "Quiz",
      sourceId: quizId,
      href: "/quiz",
      params: { rules: c.staleRules.map((s) => s.ruleId).join("、") },
      dueAt: new Date(Math.min(...c.staleRules.map((s) => s.lapsesAt.getTime()))),
    })),
  );
  return due.length;
}
