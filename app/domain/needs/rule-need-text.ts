// The words of a need or a requirement drawn from a rule's figures, in the reader's language. Pure.
import type { TFunction } from "i18next";

import { namesWithin, percent } from "~/domain/rule-loop/rule-loop-rules";
import type { RuleEvidence } from "~/domain/rule-loop/rule-needs-panel.server";
import { pickLocalized } from "~/utils/localized";

type Evidence = Omit<RuleEvidence, "window"> & { from: string; to: string };

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function ruleTitle(t: TFunction, language: string, e: Pick<Evidence, "rule">) {
  return `${e.rule.id} ${pickLocalized(language, e.rule.titleZh, e.rule.titleEn)}`;
}

/** What the figures say, e.g. "近 12 个月（…）答错 5/20 题（25%），违规被拦截 3 次，涉及 4 人". */
export function evidenceText(t: TFunction, e: Evidence) {
  const rate = percent(e.missRate);
  // A rule no quiz asked about in the period is cited by its breaches alone, not as "0/0 wrong".
  if (e.answered === 0)
    return t("ruleLoop.needs.evidenceNoQuiz", {
      from: e.from,
      to: e.to,
      breaches: e.breaches,
      people: e.concerned.length,
    });
  return t("ruleLoop.needs.evidence", {
    from: e.from,
    to: e.to,
    wrong: e.wrong,
    answered: e.answered,
    rate: rate === null ? t("ruleLoop.noAnswers") : t("ruleLoop.percent", { value: rate }),
    breaches: e.breaches,
    people: e.concerned.length,
  });
}

/** The need item's fields (as the needs form's schema produces them) for a department's rule of concern. */
export function ruleNeed(t: TFunction, language: string, e: Evidence) {
  const title = ruleTitle(t, language, e);
  const names = e.concerned.map((p) => p.name);
  return {
    topic: cut(t("ruleLoop.needs.topic", { rule: title }), 100),
    category: "INTERNAL" as const,
    targetPeople: namesWithin(names, 200, (shown, rest) =>
      rest > 0
        ? t("ruleLoop.needs.targetMore", { names: shown.join(t("training.listSeparator")), count: names.length })
        : t("ruleLoop.needs.target", { names: shown.join(t("training.listSeparator")) }),
    ),
    headcount: Math.max(1, names.length),
    // A refresher early in the year, before the year's first quiz round; the head can move it.
    months: [3],
    hours: 30,
    delivery: "INTERNAL" as const,
    cost: 0,
    priority: e.rule.redLine ? ("HIGH" as const) : ("MEDIUM" as const),
    reason: cut(t("ruleLoop.needs.reason", { evidence: evidenceText(t, e) }), 1000),
    problemArea: cut(t("ruleLoop.needs.problemArea", { rule: title }), 500),
  };
}

/** The general manager's requirement line for a rule, company-wide. */
export function ruleRequirement(t: TFunction, language: string, e: Evidence) {
  return t("ruleLoop.needs.requirementLine", { rule: ruleTitle(t, language, e), evidence: evidenceText(t, e) });
}
