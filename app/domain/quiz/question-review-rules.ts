// Pure: when two questions say the same thing. Imported questions wait for review, and a stem that
// matches one already in the bank is flagged so the reviewer does not activate a duplicate by accident.

/** A stem as compared: full-width forms as half-width (NFKC), whitespace collapsed, trimmed, case ignored. */
export function normaliseStem(stem: string): string {
  return stem.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

type Stemmed = { id: string; stem: string };

/** For each candidate, the other questions of the bank whose stem is the same once normalised. */
export function duplicatesIn(candidates: Stemmed[], bank: Stemmed[]): Map<string, Stemmed[]> {
  const byStem = new Map<string, Stemmed[]>();
  for (const q of bank) {
    const key = normaliseStem(q.stem);
    byStem.set(key, [...(byStem.get(key) ?? []), q]);
  }
  const out = new Map<string, Stemmed[]>();
  for (const c of candidates) {
    const same = (byStem.get(normaliseStem(c.stem)) ?? []).filter((q) => q.id !== c.id);
    if (same.length) out.set(c.id, same);
  }
  return out;
}

export type StoredQuestion = {
  kind: string;
  stem: string;
  explanation: string;
  options: Array<{ text: string; isCorrect: boolean }>;
  ruleIds: string[];
};
export type IncomingQuestion = {
  kind: string;
  stem: string;
  explanation: string;
  options: Array<{ text: string; correct: boolean }>;
  ruleIds: string[];
};

/**
 * Whether an imported row changes what an agent is asked or marked on: the kind, stem, explanation,
 * options (text, order, which are right) or rules. Such a change goes back to review, like a new
 * question: an answer key edited in a spreadsheet must not reach live quizzes unseen.
 */
export function contentChanged(stored: StoredQuestion, incoming: IncomingQuestion): boolean {
  const same = (a: string, b: string) => a.trim() === b.trim();
  if (stored.kind !== incoming.kind || !same(stored.stem, incoming.stem)) return true;
  if (!same(stored.explanation, incoming.explanation)) return true;
  if (stored.options.length !== incoming.options.length) return true;
  if (
    stored.options.some(
      (o, i) => !same(o.text, incoming.options[i].text) || o.isCorrect !== incoming.options[i].correct,
    )
  )
    return true;
  const rules = (ids: string[]) => [...new Set(ids)].sort().join(",");
  return rules(stored.ruleIds) !== rules(incoming.ruleIds);
}
