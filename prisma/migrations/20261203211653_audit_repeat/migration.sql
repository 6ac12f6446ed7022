-- CreateTable
CREATE TABLE "AuditRepeat" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "repeats" INTEGER NOT NULL DEFAULT 0,
    "carried" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AuditRepeat_pkey" PRIMARY KEY ("key")
);
