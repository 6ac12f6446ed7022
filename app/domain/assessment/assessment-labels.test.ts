// The assessment's workflow steps are labelled wherever a person meets them: notices, to-dos, audit, buttons.
import { describe, expect, it } from "vitest";

import { createI18n, LOCALES } from "~/utils/i18n";

describe.each(LOCALES)("assessment labels in %s", (locale) => {
  const i18n = createI18n(locale);
  const has = (key: string) => i18n.exists(key, { fallbackLng: [] });
  it.each([
    "assessment.notices.filed",
    "assessment.notices.revised",
    "assessment.notices.APPROVE",
    "assessment.notices.REJECT",
    "todo.kinds.assessment.review",
    "todo.kinds.assessment.revise",
    "todo.kinds.assessment.approved",
    "workflow.subjects.PreJobAssessment.APPROVE",
    "workflow.subjects.PreJobAssessment.REJECT",
    "audit.entities.PreJobAssessment",
    ...["created", "revised", "submitted", "approved", "rejected"].map((v) => `audit.actions.assessment.${v}`),
    "certification.status.assessmentDue",
    "certification.reasons.assessmentMissing",
    "certification.reasons.assessmentNotPassed",
    "clearance.reasons.assessmentMissing",
    "clearance.reasons.assessmentNotPassed",
    "cases.gate.assessmentMissing",
    "cases.gate.assessmentNotPassed",
    "quiz.my.notCleared.assessmentDue",
  ])("%s", (key) => expect(has(key)).toBe(true));
});
