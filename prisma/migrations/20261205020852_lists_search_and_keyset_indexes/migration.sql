-- Lists (docs/lists-audit.md): keyset order of the question bank and of a question's written answers, and
-- trigram indexes for the question bank's and the outbox's searches.
-- CreateIndex
CREATE INDEX "OutboxMessage_toAddress_trgm_idx" ON "OutboxMessage" USING GIN ("toAddress" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "OutboxMessage_toName_trgm_idx" ON "OutboxMessage" USING GIN ("toName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "QuestionAnswer_questionId_id_idx" ON "QuestionAnswer"("questionId", "id");

-- CreateIndex
CREATE INDEX "QuizQuestion_createdAt_id_idx" ON "QuizQuestion"("createdAt", "id");

-- CreateIndex
CREATE INDEX "QuizQuestion_stem_trgm_idx" ON "QuizQuestion" USING GIN ("stem" gin_trgm_ops);
