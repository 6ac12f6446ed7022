// Every action of the one workflow is labelled wherever a person sees it: the panel, the history,
// each loop's notice after the post redirects, and the audit log.
import { describe, expect, it } from "vitest";

import { CourseSubject } from "~/domain/course/course-subject.server";
import { MonthlyPlanSubject } from "~/domain/monthly-plan/monthly-plan-subject.server";
import { AnnualPlanSubject } from "~/domain/plan/plan-subject.server";
import { createI18n, LOCALES } from "~/utils/i18n";

import { ACTION_VERBS, APPROVAL_ACTIONS } from "./approval-rules";

// The catalog area of each loop's page notices (`<area>.notices.<ACTION>`).
const loops = [
  { subject: AnnualPlanSubject, pageArea: "plan" },
  { subject: MonthlyPlanSubject, pageArea: "monthlyPlan" },
  { subject: CourseSubject, pageArea: "course" },
];

describe.each(LOCALES)("workflow labels in %s", (locale) => {
  const i18n = createI18n(locale);
  const has = (key: string) => i18n.exists(key, { fallbackLng: [] });

  it.each(APPROVAL_ACTIONS)("%s has a button and a history line", (action) => {
    expect(has(`workflow.actions.${action}`)).toBe(true);
    expect(has(`workflow.did.${action}`)).toBe(true);
  });

  it.each(loops.flatMap((loop) => APPROVAL_ACTIONS.map((action) => [loop.subject.auditArea, action, loop] as const)))(
    "%s: %s has a notice and an audit label",
    (_area, action, { subject, pageArea }) => {
      expect(has(`${pageArea}.notices.${action}`)).toBe(true);
      expect(has(`audit.actions.${subject.auditArea}.${ACTION_VERBS[action]}`)).toBe(true);
    },
  );
});
