// Rebuilds RuleTally from the raw answers: for writers that bypass the hand-in (seeds, the bench
// generator, test fixtures that write answers directly). The hand-in itself keeps the tally in step.
import { db, type Tx } from "~/utils/db.server";

export async function rebuildRuleTally(client: Pick<Tx, "$executeRaw"> = db): Promise<void> {
  await client.$executeRaw`SELECT "rule_tally_rebuild"()`;
}
