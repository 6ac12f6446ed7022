-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_status_submittedAt_personId_missedRuleId_idx" ON "QuizAttempt"("quizId", "status", "submittedAt", "personId", "missedRuleIds");

-- CreateIndex
CREATE INDEX "QuizAttempt_status_deadlineAt_idx" ON "QuizAttempt"("status", "deadlineAt");
