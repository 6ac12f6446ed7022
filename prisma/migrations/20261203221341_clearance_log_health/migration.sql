-- CreateTable
CREATE TABLE "ClearanceLogHealth" (
    "id" TEXT NOT NULL,
    "lastWriteAt" TIMESTAMP(3),
    "droppedRows" INTEGER NOT NULL DEFAULT 0,
    "lastDropAt" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3),

    CONSTRAINT "ClearanceLogHealth_pkey" PRIMARY KEY ("id")
);
