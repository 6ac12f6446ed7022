-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_id_idx" ON "OutboxMessage"("createdAt", "id");

-- CreateIndex
CREATE INDEX "RosterClosure_closedAt_sessionId_idx" ON "RosterClosure"("closedAt", "sessionId");
