-- CreateTable
CREATE TABLE "TrainingBudget" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountFen" INTEGER,
    "amountSetById" TEXT,
    "amountSetAt" TIMESTAMP(3),
    "capFen" INTEGER,
    "capSetById" TEXT,
    "capSetAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingBudget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmitAcknowledgement" (
    "id" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "concerns" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorEmployeeNo" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmitAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingBudget_year_key" ON "TrainingBudget"("year");

-- CreateIndex
CREATE UNIQUE INDEX "SubmitAcknowledgement_approvalId_revision_key" ON "SubmitAcknowledgement"("approvalId", "revision");

-- AddForeignKey
ALTER TABLE "SubmitAcknowledgement" ADD CONSTRAINT "SubmitAcknowledgement_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE CASCADE ON UPDATE CASCADE;
