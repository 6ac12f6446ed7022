-- CreateEnum
CREATE TYPE "QuizQuestionKind" AS ENUM ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'SCENARIO');

-- CreateEnum
CREATE TYPE "AttemptMode" AS ENUM ('FULL', 'REQUIZ');

-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('OPEN', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "QuizAssignmentReason" AS ENUM ('NEW_HIRE', 'TRANSFER', 'MANUAL');

-- CreateTable
CREATE TABLE "CallRule" (
    "id" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CallRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallRuleVersion" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "textZh" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "redLine" BOOLEAN NOT NULL,
    "changeNote" TEXT,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "CallRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizQuestion" (
    "id" TEXT NOT NULL,
    "kind" "QuizQuestionKind" NOT NULL,
    "stem" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizOption" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "isCorrect" BOOLEAN NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "QuizOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizQuestionRule" (
    "questionId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,

    CONSTRAINT "QuizQuestionRule_pkey" PRIMARY KEY ("questionId","ruleId")
);

-- CreateTable
CREATE TABLE "Quiz" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "grantsCertification" BOOLEAN NOT NULL DEFAULT false,
    "timeLimitMinutes" INTEGER NOT NULL,
    "passPercent" INTEGER NOT NULL,
    "attemptsPerDay" INTEGER NOT NULL,
    "cooldownMinutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quiz_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizRuleDraw" (
    "quizId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "QuizRuleDraw_pkey" PRIMARY KEY ("quizId","ruleId")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "mode" "AttemptMode" NOT NULL,
    "status" "AttemptStatus" NOT NULL DEFAULT 'OPEN',
    "openKey" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "autoSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "passPercent" INTEGER NOT NULL,
    "ruleVersions" JSONB NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "correctCount" INTEGER,
    "scorePercent" INTEGER,
    "passed" BOOLEAN,
    "redLineMissed" BOOLEAN,
    "missedRuleIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAttemptQuestion" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "optionOrder" TEXT[],
    "multiple" BOOLEAN NOT NULL,
    "selected" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "answeredAt" TIMESTAMP(3),
    "correct" BOOLEAN,
    "ruleIds" TEXT[],
    "redLine" BOOLEAN NOT NULL,

    CONSTRAINT "QuizAttemptQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAssignment" (
    "id" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "reason" "QuizAssignmentReason" NOT NULL,
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "QuizAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallRuleVersion_ruleId_version_key" ON "CallRuleVersion"("ruleId", "version");

-- CreateIndex
CREATE INDEX "QuizOption_questionId_idx" ON "QuizOption"("questionId");

-- CreateIndex
CREATE INDEX "QuizQuestionRule_ruleId_idx" ON "QuizQuestionRule"("ruleId");

-- CreateIndex
CREATE UNIQUE INDEX "Quiz_code_key" ON "Quiz"("code");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_openKey_key" ON "QuizAttempt"("openKey");

-- CreateIndex
CREATE INDEX "QuizAttempt_personId_quizId_startedAt_idx" ON "QuizAttempt"("personId", "quizId", "startedAt");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_status_submittedAt_idx" ON "QuizAttempt"("quizId", "status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttemptQuestion_attemptId_position_key" ON "QuizAttemptQuestion"("attemptId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAssignment_quizId_personId_key" ON "QuizAssignment"("quizId", "personId");

-- AddForeignKey
ALTER TABLE "CallRuleVersion" ADD CONSTRAINT "CallRuleVersion_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "CallRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizOption" ADD CONSTRAINT "QuizOption_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuizQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizQuestionRule" ADD CONSTRAINT "QuizQuestionRule_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuizQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizQuestionRule" ADD CONSTRAINT "QuizQuestionRule_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "CallRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizRuleDraw" ADD CONSTRAINT "QuizRuleDraw_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizRuleDraw" ADD CONSTRAINT "QuizRuleDraw_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "CallRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttemptQuestion" ADD CONSTRAINT "QuizAttemptQuestion_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttemptQuestion" ADD CONSTRAINT "QuizAttemptQuestion_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuizQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAssignment" ADD CONSTRAINT "QuizAssignment_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAssignment" ADD CONSTRAINT "QuizAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
