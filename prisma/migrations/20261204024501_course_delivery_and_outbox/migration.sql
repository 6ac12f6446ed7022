-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('PREPARING', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "HeadConfirmationState" AS ENUM ('PENDING', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "CourseSession" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CourseDelivery" (
    "courseId" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'PREPARING',
    "institutionContact" TEXT,
    "agreedFeeFen" INTEGER,
    "bringItems" TEXT NOT NULL DEFAULT '',
    "confirmBy" TIMESTAMPTZ(3),
    "lecturerNotifiedAt" TIMESTAMPTZ(3),
    "overrideReason" TEXT,
    "overrideById" TEXT,
    "overrideAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CourseDelivery_pkey" PRIMARY KEY ("courseId")
);

-- CreateTable
CREATE TABLE "PreparationItem" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "key" TEXT,
    "label" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" TEXT,
    "doneByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreparationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeadConfirmation" (
    "courseId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "state" "HeadConfirmationState" NOT NULL DEFAULT 'PENDING',
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedById" TEXT,
    "confirmedByName" TEXT,
    "remindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HeadConfirmation_pkey" PRIMARY KEY ("courseId","departmentId")
);

-- CreateTable
CREATE TABLE "SessionInvite" (
    "uid" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "sessionId" TEXT,
    "sequence" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "location" TEXT NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "remindedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionInvite_pkey" PRIMARY KEY ("uid","personId")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "toPersonId" TEXT,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "icsMethod" TEXT,
    "ics" TEXT,
    "sourceType" TEXT,
    "sourceId" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "smtpMessageId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CourseDelivery_state_idx" ON "CourseDelivery"("state");

-- CreateIndex
CREATE INDEX "PreparationItem_courseId_idx" ON "PreparationItem"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "PreparationItem_courseId_key_key" ON "PreparationItem"("courseId", "key");

-- CreateIndex
CREATE INDEX "HeadConfirmation_departmentId_state_idx" ON "HeadConfirmation"("departmentId", "state");

-- CreateIndex
CREATE INDEX "SessionInvite_courseId_idx" ON "SessionInvite"("courseId");

-- CreateIndex
CREATE INDEX "SessionInvite_personId_idx" ON "SessionInvite"("personId");

-- CreateIndex
CREATE INDEX "SessionInvite_startsAt_idx" ON "SessionInvite"("startsAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_sourceType_sourceId_idx" ON "OutboxMessage"("sourceType", "sourceId");

-- CreateIndex
CREATE INDEX "OutboxMessage_toPersonId_idx" ON "OutboxMessage"("toPersonId");

-- AddForeignKey
ALTER TABLE "CourseDelivery" ADD CONSTRAINT "CourseDelivery_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreparationItem" ADD CONSTRAINT "PreparationItem_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadConfirmation" ADD CONSTRAINT "HeadConfirmation_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadConfirmation" ADD CONSTRAINT "HeadConfirmation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionInvite" ADD CONSTRAINT "SessionInvite_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionInvite" ADD CONSTRAINT "SessionInvite_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_toPersonId_fkey" FOREIGN KEY ("toPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Courses approved before steps 008–010 existed start preparing, with the standard checklist of their
-- kind (the keys of app/domain/delivery/preparation-rules.ts).
INSERT INTO "CourseDelivery" ("courseId", "updatedAt")
SELECT c."id", CURRENT_TIMESTAMP FROM "Course" c JOIN "Approval" a ON a."id" = c."approvalId" WHERE a."state" = 'APPROVED';

INSERT INTO "PreparationItem" ("id", "courseId", "key", "sortOrder")
SELECT 'prep_' || md5(c."id" || k.key), c."id", k.key, k.ord
FROM "Course" c
JOIN "Approval" a ON a."id" = c."approvalId" AND a."state" = 'APPROVED'
JOIN (VALUES ('INTERNAL', 'venue', 1), ('INTERNAL', 'equipment', 2), ('INTERNAL', 'materials', 3), ('INTERNAL', 'signInSheet', 4),
             ('EXTERNAL', 'institutionContacted', 1), ('EXTERNAL', 'timeConfirmed', 2), ('EXTERNAL', 'placeConfirmed', 3), ('EXTERNAL', 'feeConfirmed', 4))
  AS k(kind, key, ord) ON k.kind = c."lecturerKind"::text;
