-- DropIndex
DROP INDEX "QuizAttempt_quizId_status_submittedAt_idx";

-- CreateIndex
CREATE INDEX "QuizAttempt_personId_startedAt_idx" ON "QuizAttempt"("personId", "startedAt");
