// Who a department head means by what they typed in the case list's "assign to" field. A department
// has hundreds of agents (~600 on a large one), so the page no longer carries them all in a select:
// the head types an employee number or a name (the page suggests matches as they type, from
// cases.agents[.json]), and the action resolves the text here. Without client JavaScript the same
// text field works alone. Pure: the candidates are read by the domain, the choice is made here.
export type AgentOption = { id: string; employeeNo: string; name: string; certification: string; cleared: boolean };

type Candidate = { id: string; employeeNo: string; name: string };

const wordsOf = (text: string) => text.trim().split(/\s+/).filter(Boolean);

/** "B00002 王伟" (what a picked suggestion fills in), "王伟 B00002", "B00002" or "王伟". */
export function agentQuery(text: string): { employeeNos: string[]; names: string[] } {
  const words = wordsOf(text);
  if (words.length === 0) return { employeeNos: [], names: [] };
  const employeeNos = [...new Set([words[0], words[words.length - 1]].map((w) => w.toUpperCase()))];
  const names = [...new Set([words.join(" "), words.slice(1).join(" "), words.slice(0, -1).join(" ")])].filter(Boolean);
  return { employeeNos, names };
}

export type AgentPick =
  { ok: true; id: string } | { ok: false; reason: "none" } | { ok: false; reason: "ambiguous"; count: number };

/**
 * An employee number settles it, if the rest of the text (when there is any) is that person's name: a
 * number typed beside someone else's name is a slip, not a choice. A name alone must be one person's.
 */
export function pickAgent(text: string, candidates: readonly Candidate[]): AgentPick {
  const words = wordsOf(text);
  if (words.length === 0) return { ok: false, reason: "none" };
  const byNumber = (word: string, rest: string[]) =>
    candidates.filter((c) => c.employeeNo === word.toUpperCase() && (rest.length === 0 || c.name === rest.join(" ")));
  const numbered = [...byNumber(words[0], words.slice(1)), ...byNumber(words[words.length - 1], words.slice(0, -1))];
  const ids = [...new Set(numbered.map((c) => c.id))];
  if (ids.length === 1) return { ok: true, id: ids[0] };
  const named = candidates.filter((c) => c.name === words.join(" "));
  if (named.length === 1) return { ok: true, id: named[0].id };
  if (named.length > 1) return { ok: false, reason: "ambiguous", count: named.length };
  return { ok: false, reason: "none" };
}

/** The words of a suggestion search: every word must match a person's number (from its start) or name. */
export function agentSearchWords(q: string): string[] {
  return wordsOf(q).slice(0, 4);
}
