-- CreateEnum
CREATE TYPE "CaseActionType" AS ENUM ('CALL_DEBTOR', 'CALL_THIRD_PARTY', 'FIELD_VISIT', 'LETTER');

-- CreateTable
CREATE TABLE "CaseBatch" (
    "id" TEXT NOT NULL,
    "clientBank" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL,
    "caseCount" INTEGER NOT NULL,

    CONSTRAINT "CaseBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionCase" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "clientBank" TEXT NOT NULL,
    "debtorName" TEXT NOT NULL,
    "idNumberEnc" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "cardNumberEnc" TEXT NOT NULL,
    "cardNumberMasked" TEXT NOT NULL,
    "amountOwedFen" INTEGER NOT NULL,
    "overdueDays" INTEGER NOT NULL,
    "phones" TEXT[],
    "address" TEXT NOT NULL,
    "mandateDueDate" DATE NOT NULL,
    "departmentId" TEXT NOT NULL,
    "assignedToId" TEXT,
    "assignedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectionCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseAction" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "type" "CaseActionType" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "numberDialled" TEXT,
    "numberKey" TEXT,
    "contactName" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "promiseAmountFen" INTEGER,
    "promiseDate" DATE,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseRuleBreach" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "personId" TEXT NOT NULL,
    "caseId" TEXT,
    "ruleId" TEXT NOT NULL,
    "actionType" "CaseActionType" NOT NULL,

    CONSTRAINT "CaseRuleBreach_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseSlurWord" (
    "word" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseSlurWord_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClearanceCall" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "apiKeyId" TEXT,
    "employeeNo" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "cleared" BOOLEAN NOT NULL,

    CONSTRAINT "ClearanceCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CollectionCase_caseNo_key" ON "CollectionCase"("caseNo");

-- CreateIndex
CREATE INDEX "CollectionCase_departmentId_idx" ON "CollectionCase"("departmentId");

-- CreateIndex
CREATE INDEX "CollectionCase_assignedToId_idx" ON "CollectionCase"("assignedToId");

-- CreateIndex
CREATE INDEX "CollectionCase_batchId_idx" ON "CollectionCase"("batchId");

-- CreateIndex
CREATE INDEX "CaseAction_caseId_at_idx" ON "CaseAction"("caseId", "at");

-- CreateIndex
CREATE INDEX "CaseAction_numberKey_at_idx" ON "CaseAction"("numberKey", "at");

-- CreateIndex
CREATE INDEX "CaseRuleBreach_at_idx" ON "CaseRuleBreach"("at");

-- CreateIndex
CREATE INDEX "CaseRuleBreach_personId_at_idx" ON "CaseRuleBreach"("personId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ClearanceCall_at_idx" ON "ClearanceCall"("at");

-- AddForeignKey
ALTER TABLE "CaseBatch" ADD CONSTRAINT "CaseBatch_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionCase" ADD CONSTRAINT "CollectionCase_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "CaseBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionCase" ADD CONSTRAINT "CollectionCase_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionCase" ADD CONSTRAINT "CollectionCase_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAction" ADD CONSTRAINT "CaseAction_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CollectionCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAction" ADD CONSTRAINT "CaseAction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRuleBreach" ADD CONSTRAINT "CaseRuleBreach_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
