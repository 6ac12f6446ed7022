-- CreateEnum
CREATE TYPE "TrainingCategory" AS ENUM ('NEW_HIRE', 'INTERNAL', 'TRANSFER', 'EXTERNAL', 'GROUP');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('INTERNAL', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "NeedPriority" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "NeedsSurveyStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "NeedsFormStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('SINGLE', 'MULTIPLE', 'TEXT', 'RATING');

-- CreateEnum
CREATE TYPE "LecturerType" AS ENUM ('INTERNAL', 'EXTERNAL', 'GROUP');

-- CreateEnum
CREATE TYPE "ApprovalState" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "ApprovalAction" AS ENUM ('SUBMIT', 'APPROVE', 'REJECT', 'REOPEN');

-- CreateTable
CREATE TABLE "NeedsSurvey" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "requirements" TEXT,
    "status" "NeedsSurveyStatus" NOT NULL DEFAULT 'OPEN',
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NeedsSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentNeedsForm" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "status" "NeedsFormStatus" NOT NULL DEFAULT 'DRAFT',
    "reopened" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DepartmentNeedsForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedItem" (
    "id" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "category" "TrainingCategory" NOT NULL,
    "targetPeople" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "months" INTEGER[],
    "hoursTenths" INTEGER NOT NULL,
    "delivery" "DeliveryMode" NOT NULL,
    "costFen" INTEGER NOT NULL,
    "priority" "NeedPriority" NOT NULL,
    "reason" TEXT NOT NULL,
    "problemArea" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NeedItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "QuestionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "options" TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuestionnaireResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionAnswer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choices" INTEGER[],
    "text" TEXT,
    "rating" INTEGER,

    CONSTRAINT "QuestionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlan" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "TrainingCategory" NOT NULL,
    "months" INTEGER[],
    "targetPeople" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,
    "hoursTenths" INTEGER NOT NULL,
    "delivery" "DeliveryMode" NOT NULL,
    "lecturerType" "LecturerType" NOT NULL,
    "budgetFen" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItemNeed" (
    "planItemId" TEXT NOT NULL,
    "needItemId" TEXT NOT NULL,

    CONSTRAINT "PlanItemNeed_pkey" PRIMARY KEY ("planItemId","needItemId")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "state" "ApprovalState" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "submittedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalDecision" (
    "id" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" "ApprovalAction" NOT NULL,
    "fromState" "ApprovalState" NOT NULL,
    "toState" "ApprovalState" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorEmployeeNo" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "reason" TEXT,
    "snapshot" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NeedsSurvey_year_key" ON "NeedsSurvey"("year");

-- CreateIndex
CREATE INDEX "DepartmentNeedsForm_departmentId_idx" ON "DepartmentNeedsForm"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentNeedsForm_surveyId_departmentId_key" ON "DepartmentNeedsForm"("surveyId", "departmentId");

-- CreateIndex
CREATE INDEX "NeedItem_formId_idx" ON "NeedItem"("formId");

-- CreateIndex
CREATE INDEX "SurveyQuestion_surveyId_position_idx" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_surveyId_departmentId_idx" ON "QuestionnaireResponse"("surveyId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireResponse_surveyId_personId_key" ON "QuestionnaireResponse"("surveyId", "personId");

-- CreateIndex
CREATE INDEX "QuestionAnswer_questionId_idx" ON "QuestionAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionAnswer_responseId_questionId_key" ON "QuestionAnswer"("responseId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_year_key" ON "AnnualPlan"("year");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_approvalId_key" ON "AnnualPlan"("approvalId");

-- CreateIndex
CREATE INDEX "PlanItem_planId_idx" ON "PlanItem"("planId");

-- CreateIndex
CREATE INDEX "PlanItemNeed_needItemId_idx" ON "PlanItemNeed"("needItemId");

-- CreateIndex
CREATE INDEX "Approval_subjectType_state_idx" ON "Approval"("subjectType", "state");

-- CreateIndex
CREATE INDEX "ApprovalDecision_approvalId_at_idx" ON "ApprovalDecision"("approvalId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalDecision_approvalId_revision_action_key" ON "ApprovalDecision"("approvalId", "revision", "action");

-- AddForeignKey
ALTER TABLE "DepartmentNeedsForm" ADD CONSTRAINT "DepartmentNeedsForm_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "NeedsSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentNeedsForm" ADD CONSTRAINT "DepartmentNeedsForm_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedItem" ADD CONSTRAINT "NeedItem_formId_fkey" FOREIGN KEY ("formId") REFERENCES "DepartmentNeedsForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "NeedsSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "NeedsSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionAnswer" ADD CONSTRAINT "QuestionAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "QuestionnaireResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionAnswer" ADD CONSTRAINT "QuestionAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemNeed" ADD CONSTRAINT "PlanItemNeed_planItemId_fkey" FOREIGN KEY ("planItemId") REFERENCES "PlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemNeed" ADD CONSTRAINT "PlanItemNeed_needItemId_fkey" FOREIGN KEY ("needItemId") REFERENCES "NeedItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE CASCADE ON UPDATE CASCADE;
