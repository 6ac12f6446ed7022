-- CreateEnum
CREATE TYPE "TrainingOutcome" AS ENUM ('PRESENT', 'LATE', 'ABSENT', 'EXCUSED');

-- CreateEnum
CREATE TYPE "AssessmentResult" AS ENUM ('PASS', 'EXTEND', 'FAIL');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "quizId" TEXT;

-- CreateTable
CREATE TABLE "RosterClosure" (
    "sessionId" TEXT NOT NULL,
    "closedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedById" TEXT NOT NULL,

    CONSTRAINT "RosterClosure_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "outcome" "TrainingOutcome" NOT NULL,
    "minutes" INTEGER NOT NULL,
    "makeUpOwed" BOOLEAN NOT NULL DEFAULT false,
    "makeUpForSessionId" TEXT,
    "courseTitle" TEXT NOT NULL,
    "category" "TrainingCategory" NOT NULL,
    "lecturerName" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "quizScorePercent" INTEGER,
    "quizPassed" BOOLEAN,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "amendedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecordAmendment" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "fromOutcome" "TrainingOutcome" NOT NULL,
    "toOutcome" "TrainingOutcome" NOT NULL,
    "fromMinutes" INTEGER NOT NULL,
    "toMinutes" INTEGER NOT NULL,

    CONSTRAINT "TrainingRecordAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionScan" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreJobAssessment" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "courseId" TEXT,
    "attendanceScore" INTEGER NOT NULL,
    "quizScore" INTEGER NOT NULL,
    "practiceScore" INTEGER NOT NULL,
    "attitudeScore" INTEGER NOT NULL,
    "result" "AssessmentResult" NOT NULL,
    "comments" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "assessedAt" TIMESTAMPTZ(3) NOT NULL,
    "approvalId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PreJobAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseSurveyInvite" (
    "courseId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "invitedAt" TIMESTAMPTZ(3) NOT NULL,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "CourseSurveyInvite_pkey" PRIMARY KEY ("courseId","personId")
);

-- CreateTable
CREATE TABLE "CourseEvaluation" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "lecturerName" TEXT NOT NULL,
    "courseScore" INTEGER NOT NULL,
    "lecturerScore" INTEGER NOT NULL,
    "venueScore" INTEGER NOT NULL,
    "usefulnessScore" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CourseEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseRule" (
    "courseId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,

    CONSTRAINT "CourseRule_pkey" PRIMARY KEY ("courseId","ruleId")
);

-- CreateIndex
CREATE INDEX "TrainingRecord_personId_startsAt_idx" ON "TrainingRecord"("personId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingRecord_courseId_idx" ON "TrainingRecord"("courseId");

-- CreateIndex
CREATE INDEX "TrainingRecord_departmentId_startsAt_idx" ON "TrainingRecord"("departmentId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingRecord_startsAt_idx" ON "TrainingRecord"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_sessionId_personId_key" ON "TrainingRecord"("sessionId", "personId");

-- CreateIndex
CREATE INDEX "TrainingRecordAmendment_recordId_at_idx" ON "TrainingRecordAmendment"("recordId", "at");

-- CreateIndex
CREATE INDEX "SessionScan_sessionId_idx" ON "SessionScan"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PreJobAssessment_approvalId_key" ON "PreJobAssessment"("approvalId");

-- CreateIndex
CREATE INDEX "PreJobAssessment_personId_assessedAt_idx" ON "PreJobAssessment"("personId", "assessedAt");

-- CreateIndex
CREATE INDEX "CourseSurveyInvite_personId_idx" ON "CourseSurveyInvite"("personId");

-- CreateIndex
CREATE INDEX "CourseEvaluation_courseId_idx" ON "CourseEvaluation"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseEvaluation_courseId_personId_key" ON "CourseEvaluation"("courseId", "personId");

-- CreateIndex
CREATE INDEX "CourseRule_ruleId_idx" ON "CourseRule"("ruleId");

-- AddForeignKey
ALTER TABLE "RosterClosure" ADD CONSTRAINT "RosterClosure_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecordAmendment" ADD CONSTRAINT "TrainingRecordAmendment_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "TrainingRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionScan" ADD CONSTRAINT "SessionScan_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreJobAssessment" ADD CONSTRAINT "PreJobAssessment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreJobAssessment" ADD CONSTRAINT "PreJobAssessment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreJobAssessment" ADD CONSTRAINT "PreJobAssessment_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSurveyInvite" ADD CONSTRAINT "CourseSurveyInvite_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSurveyInvite" ADD CONSTRAINT "CourseSurveyInvite_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEvaluation" ADD CONSTRAINT "CourseEvaluation_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEvaluation" ADD CONSTRAINT "CourseEvaluation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseRule" ADD CONSTRAINT "CourseRule_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseRule" ADD CONSTRAINT "CourseRule_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "CallRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE SET NULL ON UPDATE CASCADE;
