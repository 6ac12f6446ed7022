-- CreateIndex
CREATE INDEX "CollectionCase_mandateDueDate_caseNo_idx" ON "CollectionCase"("mandateDueDate", "caseNo");
