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
