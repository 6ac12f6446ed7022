-- CreateEnum
CREATE TYPE "AttendanceMark" AS ENUM ('PRESENT', 'PRESENT_PAPER', 'LATE', 'ABSENT', 'EXCUSED');

-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('QR', 'KIOSK', 'CLERK');

-- CreateEnum
CREATE TYPE "LeaveReason" AS ENUM ('ILLNESS', 'FAMILY', 'BUSINESS_TRIP', 'WORK_CONFLICT', 'OTHER');

-- CreateTable
CREATE TABLE "Attendance" (
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "mark" "AttendanceMark" NOT NULL,
    "source" "AttendanceSource" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "markedById" TEXT,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("sessionId","personId")
);

-- CreateTable
CREATE TABLE "LeaveRequest" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "reasonKind" "LeaveReason" NOT NULL,
    "reasonText" TEXT NOT NULL,
    "attachmentName" TEXT,
    "attachmentType" TEXT,
    "attachmentSize" INTEGER,
    "attachment" BYTEA,
    "approvalId" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LeaveRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MakeUp" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "missedSessionId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MakeUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attendance_personId_idx" ON "Attendance"("personId");

-- CreateIndex
CREATE INDEX "Attendance_sessionId_at_idx" ON "Attendance"("sessionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveRequest_approvalId_key" ON "LeaveRequest"("approvalId");

-- CreateIndex
CREATE INDEX "LeaveRequest_personId_idx" ON "LeaveRequest"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveRequest_sessionId_personId_key" ON "LeaveRequest"("sessionId", "personId");

-- CreateIndex
CREATE INDEX "MakeUp_sessionId_idx" ON "MakeUp"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "MakeUp_personId_missedSessionId_key" ON "MakeUp"("personId", "missedSessionId");

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MakeUp" ADD CONSTRAINT "MakeUp_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MakeUp" ADD CONSTRAINT "MakeUp_missedSessionId_fkey" FOREIGN KEY ("missedSessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MakeUp" ADD CONSTRAINT "MakeUp_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
