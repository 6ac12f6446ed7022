-- CreateEnum
CREATE TYPE "NeedOutcome" AS ENUM ('PENDING', 'ADOPTED', 'MERGED', 'NOT_ADOPTED');

-- AlterTable
ALTER TABLE "NeedItem" ADD COLUMN     "outcome" "NeedOutcome" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "outcomeAt" TIMESTAMP(3),
ADD COLUMN     "outcomeById" TEXT,
ADD COLUMN     "outcomeReason" TEXT;

-- AlterTable
ALTER TABLE "PlanItem" ADD COLUMN     "departmentId" TEXT,
ADD COLUMN     "headcount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lecturerId" TEXT,
ADD COLUMN     "lecturerName" TEXT;

-- CreateIndex
CREATE INDEX "PlanItem_departmentId_idx" ON "PlanItem"("departmentId");

-- CreateIndex
CREATE INDEX "PlanItem_lecturerId_idx" ON "PlanItem"("lecturerId");

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_lecturerId_fkey" FOREIGN KEY ("lecturerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing items: the people their needs ask for (items answering no need keep 0, "not stated").
UPDATE "PlanItem" p SET "headcount" = s.total
FROM (
  SELECT l."planItemId", SUM(n."headcount") AS total
  FROM "PlanItemNeed" l JOIN "NeedItem" n ON n."id" = l."needItemId"
  GROUP BY l."planItemId"
) s
WHERE s."planItemId" = p."id";

-- Existing links: a need answered by an item of its own is adopted; one answered together with others, merged.
UPDATE "NeedItem" n SET "outcome" = CASE
  WHEN EXISTS (
    SELECT 1 FROM "PlanItemNeed" l JOIN "PlanItemNeed" o ON o."planItemId" = l."planItemId" AND o."needItemId" <> n."id"
    WHERE l."needItemId" = n."id"
  ) THEN 'MERGED'::"NeedOutcome"
  ELSE 'ADOPTED'::"NeedOutcome"
END
WHERE EXISTS (SELECT 1 FROM "PlanItemNeed" l WHERE l."needItemId" = n."id");
