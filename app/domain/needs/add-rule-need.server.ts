// "加为培训需求": a department head turns one of their department's most-missed or most-breached rules into a
// line of their needs form, prefilled from the figures. The line is saved (and audited) like any other.
import type { TFunction } from "i18next";

import { departmentPeople, ruleEvidence } from "~/domain/rule-loop/rule-needs-panel.server";
import { getSettings } from "~/domain/settings/settings.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";

import { saveNeedItem, type FormActor, type FormOutcome } from "./needs-form.server";
import { ruleNeed } from "./rule-need-text";

export async function addRuleNeed(
  actor: FormActor,
  scope: string[] | null,
  formId: string,
  ruleId: string,
  lang: { t: TFunction; language: string },
): Promise<FormOutcome> {
  const form = await db.departmentNeedsForm.findUnique({
    where: { id: formId },
    select: { departmentId: true, survey: { select: { openedAt: true } } },
  });
  if (!form || (scope && !scope.includes(form.departmentId)))
    return { ok: false, error: "errors.notFound", status: 404 };
  const evidence = await ruleEvidence(ruleId, form.survey.openedAt, await departmentPeople(form.departmentId));
  if (!evidence) return { ok: false, error: "errors.notFound", status: 404 };
  // Only a rule the department actually missed or breached becomes a need: the figures are its reason.
  if (evidence.concerned.length === 0) return { ok: false, error: "ruleLoop.needs.nothingToTrain", status: 400 };
  const { timeZone } = await getSettings();
  const day = (d: Date) => formatDate(d, lang.language, timeZone);
  const input = ruleNeed(lang.t, lang.language, {
    ...evidence,
    from: day(evidence.window.from),
    to: day(new Date(evidence.window.to.getTime() - 1)),
  });
  // The form's own use-case: its lock, its refusals (submitted, closed, past the deadline) and its audit entry.
  return saveNeedItem(actor, scope, formId, null, input);
}
