-- CreateIndex
CREATE INDEX "RuleTally_ruleId_day_idx" ON "RuleTally"("ruleId", "day");
