-- AlterTable
ALTER TABLE "QuizOption" ADD COLUMN     "feedback" TEXT;

-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "reviewPending" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "QuizQuestion_reviewPending_importBatchId_idx" ON "QuizQuestion"("reviewPending", "importBatchId");
