-- CreateEnum
CREATE TYPE "CourseLecturerKind" AS ENUM ('INTERNAL', 'EXTERNAL');

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "monthlyItemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "outline" TEXT NOT NULL,
    "lecturerKind" "CourseLecturerKind" NOT NULL,
    "lecturerId" TEXT,
    "externalLecturer" TEXT,
    "externalOrg" TEXT,
    "externalContact" TEXT,
    "lecturerFeeFen" INTEGER NOT NULL DEFAULT 0,
    "venueFeeFen" INTEGER NOT NULL DEFAULT 0,
    "materialsFeeFen" INTEGER NOT NULL DEFAULT 0,
    "externalFeeFen" INTEGER NOT NULL DEFAULT 0,
    "otherFeeFen" INTEGER NOT NULL DEFAULT 0,
    "approvalId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseSession" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "location" TEXT NOT NULL,

    CONSTRAINT "CourseSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseAttendee" (
    "courseId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "CourseAttendee_pkey" PRIMARY KEY ("courseId","personId")
);

-- CreateTable
CREATE TABLE "CourseMaterial" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CourseMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyPlan" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthlyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyPlanItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "planItemId" TEXT,
    "title" TEXT NOT NULL,
    "category" "TrainingCategory" NOT NULL,
    "targetPeople" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL,
    "budgetFen" INTEGER NOT NULL,
    "unplannedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthlyPlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Course_approvalId_key" ON "Course"("approvalId");

-- CreateIndex
CREATE INDEX "Course_monthlyItemId_idx" ON "Course"("monthlyItemId");

-- CreateIndex
CREATE INDEX "Course_lecturerId_idx" ON "Course"("lecturerId");

-- CreateIndex
CREATE INDEX "CourseSession_courseId_idx" ON "CourseSession"("courseId");

-- CreateIndex
CREATE INDEX "CourseSession_startsAt_endsAt_idx" ON "CourseSession"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "CourseAttendee_personId_idx" ON "CourseAttendee"("personId");

-- CreateIndex
CREATE INDEX "CourseMaterial_courseId_idx" ON "CourseMaterial"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyPlan_approvalId_key" ON "MonthlyPlan"("approvalId");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyPlan_year_month_key" ON "MonthlyPlan"("year", "month");

-- CreateIndex
CREATE INDEX "MonthlyPlanItem_planId_idx" ON "MonthlyPlanItem"("planId");

-- CreateIndex
CREATE INDEX "MonthlyPlanItem_planItemId_idx" ON "MonthlyPlanItem"("planItemId");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_monthlyItemId_fkey" FOREIGN KEY ("monthlyItemId") REFERENCES "MonthlyPlanItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_lecturerId_fkey" FOREIGN KEY ("lecturerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAttendee" ADD CONSTRAINT "CourseAttendee_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAttendee" ADD CONSTRAINT "CourseAttendee_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseMaterial" ADD CONSTRAINT "CourseMaterial_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyPlan" ADD CONSTRAINT "MonthlyPlan_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyPlanItem" ADD CONSTRAINT "MonthlyPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "MonthlyPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyPlanItem" ADD CONSTRAINT "MonthlyPlanItem_planItemId_fkey" FOREIGN KEY ("planItemId") REFERENCES "PlanItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
