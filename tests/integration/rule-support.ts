// A new wording of a call-script rule written straight to the tables (not through publishRuleVersion: no to-do
// items, no change-feed notice), as the clearance tests need it: the snapshot must find it on its own.
import { db } from "~/utils/db.server";

/** Publishes the next version of `ruleId` (its latest wording, revised), in force since `effectiveAt`. */
export async function reviseRule(ruleId: string, effectiveAt: Date) {
  const latest = await db.callRuleVersion.findFirstOrThrow({ where: { ruleId }, orderBy: { version: "desc" } });
  const { id: _, ...copy } = latest;
  const version = latest.version + 1;
  await db.callRuleVersion.create({ data: { ...copy, version, textZh: `${latest.textZh}（修订）`, effectiveAt } });
  await db.callRule.update({ where: { id: ruleId }, data: { currentVersion: version } });
}
