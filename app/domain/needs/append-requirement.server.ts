// "加入总经理要求": the general manager appends a rule, with its company-wide figures, to the survey's
// requirements (4.5). The survey row is locked, so two appends at once both land.
import type { TFunction } from "i18next";

import { appendLine } from "~/domain/rule-loop/rule-loop-rules";
import { ruleEvidence } from "~/domain/rule-loop/rule-needs-panel.server";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";

import { ruleRequirement } from "./rule-need-text";

export const MAX_REQUIREMENTS = 2000;

export async function appendRequirement(
  actor: NonNullable<AuditActor>,
  surveyId: string,
  ruleId: string,
  lang: { t: TFunction; language: string },
) {
  const survey = await db.needsSurvey.findUnique({ where: { id: surveyId }, select: { openedAt: true } });
  if (!survey) return { ok: false as const, error: "errors.notFound", status: 404 as const };
  const evidence = await ruleEvidence(ruleId, survey.openedAt, null);
  if (!evidence) return { ok: false as const, error: "errors.notFound", status: 404 as const };
  const { timeZone } = await getSettings();
  const day = (d: Date) => formatDate(d, lang.language, timeZone);
  const line = ruleRequirement(lang.t, lang.language, {
    ...evidence,
    from: day(evidence.window.from),
    to: day(new Date(evidence.window.to.getTime() - 1)),
  });
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ requirements: string | null; status: string; year: number }>>`
      SELECT requirements, status::text AS status, year FROM "NeedsSurvey" WHERE id = ${surveyId} FOR UPDATE`;
    if (!row) return { ok: false as const, error: "errors.notFound", status: 404 as const };
    if (row.status !== "OPEN") return { ok: false as const, error: "needs.surveyClosed", status: 409 as const };
    const next = appendLine(row.requirements, line, MAX_REQUIREMENTS);
    if (next === null) return { ok: false as const, error: "ruleLoop.needs.requirementsFull", status: 400 as const };
    // The same line twice (a double click) changes nothing.
    if (next === (row.requirements ?? "").trimEnd()) return { ok: true as const };
    await tx.needsSurvey.update({ where: { id: surveyId }, data: { requirements: next } });
    await writeAudit(tx, {
      actor,
      action: "needsSurvey.requirementsSet",
      entityType: "NeedsSurvey",
      entityId: surveyId,
      summary: { year: row.year, ruleId, before: row.requirements, after: next },
    });
    return { ok: true as const };
  });
}
