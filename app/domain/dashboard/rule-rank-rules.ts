// Pure: the call-script rules missed most in quizzes and breached most in case work.
export type RuleCount = { ruleId: string; count: number; asked?: number };
export type RuleTitle = { ruleId: string; titleZh: string; titleEn: string | null };

/** The top `n` by count (ties by rule id, so the order never flickers), with titles and a miss rate where asked. */
export function topRules(counts: readonly RuleCount[], titles: readonly RuleTitle[], n = 5) {
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId, "en", { numeric: true }))
    .slice(0, n)
    .map((c) => {
      const t = titles.find((x) => x.ruleId === c.ruleId);
      return {
        ruleId: c.ruleId,
        count: c.count,
        rate: c.asked ? Math.round((c.count / c.asked) * 100) : null,
        titleZh: t?.titleZh ?? c.ruleId,
        titleEn: t?.titleEn ?? null,
      };
    });
}
