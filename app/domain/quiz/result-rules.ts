// Pure rules for the result page: when the correct answers may be shown, and what a failed attempt
// shows instead (the rules that were missed, with how many questions each).
import type { ShowAnswers } from "~/domain/settings/settings.schema";

/**
 * The correct options and explanations are shown only after a pass, or to a person who holds the
 * certification anyway; never when the company chose "never". A failed attempt by anyone else shows
 * none, so the bank cannot be harvested by failing on purpose.
 */
export function mayShowAnswers(input: { passed: boolean; certified: boolean; showAnswers: ShowAnswers }): boolean {
  if (input.showAnswers === "never") return false;
  return input.passed || input.certified;
}

/** How many missed questions each rule had (a question tagged with two rules counts for both). */
export function missedPerRule(missed: ReadonlyArray<{ ruleIds: readonly string[] }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of missed) for (const id of new Set(q.ruleIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
