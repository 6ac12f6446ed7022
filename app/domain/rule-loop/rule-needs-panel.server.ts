// What next year's needs survey opens with: the rules most missed and most breached in the 12 months before
// it opened, for a department (its teams included) or the whole company.
import { getSettings } from "~/domain/settings/settings.server";
import { db } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";

import { ruleLoopYear } from "./rule-loop-page.server";
import { peopleConcerned, ruleCatalogue, ruleFigures, type Scope } from "./rule-loop-queries.server";
import { missRate, rulesOfConcern, yearBefore } from "./rule-loop-rules";

/** The people of a department and its teams. */
export async function departmentPeople(departmentId: string): Promise<string[]> {
  const departments = await db.department.findMany({ select: { id: true, parentId: true, name: true } });
  return subtreeIds(departments, [departmentId]);
}

export async function rulesToTrain(openedAt: Date, people: Scope) {
  const window = yearBefore(openedAt, (await getSettings()).timeZone);
  const rows = await ruleLoopYear(window, people, "breaches");
  return { window, ...rulesOfConcern(rows) };
}
export type RulesToTrain = Awaited<ReturnType<typeof rulesToTrain>>;

/** One rule's figures over the survey's look-back, with the people concerned: what a need or requirement cites. */
export async function ruleEvidence(ruleId: string, openedAt: Date, people: Scope) {
  const rule = (await ruleCatalogue()).find((r) => r.id === ruleId);
  if (!rule) return null;
  const window = yearBefore(openedAt, (await getSettings()).timeZone);
  const [figures, concerned] = await Promise.all([
    ruleFigures(window, people),
    peopleConcerned(ruleId, window, people),
  ]);
  const f = figures.get(ruleId);
  const answered = f?.answered ?? 0;
  const wrong = f?.wrong ?? 0;
  return {
    rule,
    window,
    answered,
    wrong,
    missRate: missRate(answered, wrong),
    breaches: f?.breaches ?? 0,
    concerned,
  };
}
export type RuleEvidence = NonNullable<Awaited<ReturnType<typeof ruleEvidence>>>;
