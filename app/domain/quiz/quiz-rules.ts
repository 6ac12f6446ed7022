// Pure quiz rules: drawing questions from a blueprint, shuffling, scoring, and who may start now.
import { isPass } from "~/domain/certification/certification-rules";
import { companyDay } from "~/utils/company-calendar";

/** A small deterministic PRNG (mulberry32) seeded from a string, so one attempt's draw can be replayed in tests. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export type PoolQuestion = { id: string; ruleIds: string[] };
export type RuleDraw = { ruleId: string; count: number };

/** How many of a person's latest attempts the draw tries not to repeat questions from. */
export const RECENT_ATTEMPTS_AVOIDED = 3;

/**
 * Questions a person saw recently: question id → how many attempts ago (1 = the last one). A question
 * asked in several of them counts at its latest.
 */
export function recentlySeen(attempts: ReadonlyArray<{ attemptsAgo: number; questionId: string }>) {
  const seen = new Map<string, number>();
  for (const a of attempts) seen.set(a.questionId, Math.min(a.attemptsAgo, seen.get(a.questionId) ?? Infinity));
  return seen;
}

/**
 * Draws `count` questions for each rule of the blueprint, never the same question twice (a question
 * tagged with two rules serves the first rule that draws it), and shuffles the whole set.
 * A rule with too few questions gives what it has; `short` says which and by how many.
 * Questions the person has not seen in their recent attempts come first; when a rule's bank is too
 * small for that, the ones seen longest ago fill the gap (so the draw stays complete).
 */
export function drawQuestions(
  pool: readonly PoolQuestion[],
  draws: readonly RuleDraw[],
  random: () => number,
  seen: ReadonlyMap<string, number> = new Map(),
) {
  const taken = new Set<string>();
  const picked: Array<{ questionId: string; forRule: string }> = [];
  const short: Array<{ ruleId: string; missing: number }> = [];
  // Unseen first, then seen longest ago; the sort is stable, so each group stays shuffled.
  const freshness = (id: string) => seen.get(id) ?? Number.MAX_SAFE_INTEGER;
  for (const draw of draws) {
    if (draw.count <= 0) continue;
    const candidates = shuffle(
      pool.filter((q) => q.ruleIds.includes(draw.ruleId) && !taken.has(q.id)),
      random,
    ).sort((a, b) => freshness(b.id) - freshness(a.id));
    const chosen = candidates.slice(0, draw.count);
    for (const q of chosen) {
      taken.add(q.id);
      picked.push({ questionId: q.id, forRule: draw.ruleId });
    }
    if (chosen.length < draw.count) short.push({ ruleId: draw.ruleId, missing: draw.count - chosen.length });
  }
  return { questions: shuffle(picked, random), short };
}

/** Where each rule's questions sit in the pool (ascending positions): built once per copy of the pool. */
export function indexPoolByRule(pool: ReadonlyArray<{ ruleIds: readonly string[] }>): Map<string, number[]> {
  const byRule = new Map<string, number[]>();
  pool.forEach((q, position) => {
    for (const ruleId of new Set(q.ruleIds)) {
      const positions = byRule.get(ruleId);
      if (positions) positions.push(position);
      else byRule.set(ruleId, [position]);
    }
  });
  return byRule;
}

/**
 * The pool's questions tagged with any of `ruleIds`, in the pool's order: the same list as filtering the whole
 * pool (so a draw is the same for the same seed), reading only those rules' questions instead of the bank's.
 */
export function poolForRules<Q>(
  pool: readonly Q[],
  byRule: ReadonlyMap<string, readonly number[]>,
  ruleIds: readonly string[],
): Q[] {
  const positions = new Set<number>();
  for (const ruleId of new Set(ruleIds)) for (const position of byRule.get(ruleId) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b).map((position) => pool[position]);
}

/** Right only when exactly the correct options are chosen (multiple choice has no partial credit). */
export function isCorrect(correctOptionIds: readonly string[], selected: readonly string[]): boolean {
  if (correctOptionIds.length !== selected.length) return false;
  const want = new Set(correctOptionIds);
  return selected.every((id) => want.has(id));
}

export type ScoredQuestion = { ruleIds: string[]; redLine: boolean; correctOptionIds: string[]; selected: string[] };

export function scoreAttempt(questions: readonly ScoredQuestion[], passPercent: number) {
  const results = questions.map((q) => isCorrect(q.correctOptionIds, q.selected));
  const correctCount = results.filter(Boolean).length;
  const scorePercent = questions.length === 0 ? 0 : Math.floor((correctCount * 100) / questions.length);
  const missed = questions.filter((_, i) => !results[i]);
  const redLineMissed = missed.some((q) => q.redLine);
  const missedRuleIds = [...new Set(missed.flatMap((q) => q.ruleIds))];
  return {
    results,
    correctCount,
    scorePercent,
    redLineMissed,
    missedRuleIds,
    passed: isPass({ scorePercent, passPercent, redLineMissed }),
  };
}

/**
 * A person's attempts at a quiz as the start weighs them: the open one first (found by its key, or else an open
 * one among the newest, for rows written without a key), then the newest, each once.
 */
export function openFirst<T extends { id: string; status: string }>(newest: readonly T[], open: T | undefined): T[] {
  const first = open ?? newest.find((a) => a.status === "OPEN");
  return first ? [first, ...newest.filter((a) => a.id !== first.id)] : [...newest];
}

export type StartPolicy = { attemptsPerDay: number; cooldownMinutes: number };
export type PastAttempt = { startedAt: Date; submittedAt: Date | null; passed: boolean | null };
export type StartCheck = { ok: true } | { ok: false; reason: "dailyLimit" | "cooldown"; until: Date };

/**
 * Daily limit counts attempts started on the company's calendar day; the cooldown runs from the last failed
 * submission.
 */
export function canStart(past: readonly PastAttempt[], policy: StartPolicy, at: Date, timeZone: string): StartCheck {
  const day = companyDay(at, timeZone);
  const today = past.filter((a) => a.startedAt >= day.start).length;
  if (policy.attemptsPerDay > 0 && today >= policy.attemptsPerDay)
    return { ok: false, reason: "dailyLimit", until: day.end };
  const lastFailed = past
    .filter((a) => a.submittedAt && a.passed === false)
    .sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime())[0];
  if (lastFailed && policy.cooldownMinutes > 0) {
    const until = cooldownEndsAt(lastFailed.submittedAt!, policy.cooldownMinutes);
    if (until > at) return { ok: false, reason: "cooldown", until };
  }
  return { ok: true };
}

/** When the cooldown after a failed attempt handed in at `submittedAt` ends. */
export function cooldownEndsAt(submittedAt: Date, cooldownMinutes: number): Date {
  return new Date(submittedAt.getTime() + cooldownMinutes * 60_000);
}

/** Seconds left on the server's timer (never negative). */
export function secondsLeft(deadlineAt: Date, at: Date): number {
  return Math.max(0, Math.ceil((deadlineAt.getTime() - at.getTime()) / 1000));
}
