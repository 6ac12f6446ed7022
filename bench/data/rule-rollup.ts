// The rule tally (RuleTally, ADR 0027) of the generated company: the quiz history is copied in past the
// hand-in, so the tally is counted afresh from it once it is all written (and before people move).
import type { Ctx } from "./context";

export async function addRuleTally(ctx: Ctx) {
  await ctx.client.query(`SELECT "rule_tally_rebuild"()`);
  const { rows } = await ctx.client.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM "RuleTally"`);
  return { ruleTallyRows: rows[0].rows };
}
