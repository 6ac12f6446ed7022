-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "ok" BOOLEAN,
    "summary" JSONB,
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationEnd" (
    "personId" TEXT NOT NULL,
    "endedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "noticedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CertificationEnd_pkey" PRIMARY KEY ("personId","endedAt")
);

-- CreateIndex
CREATE INDEX "JobRun_kind_startedAt_idx" ON "JobRun"("kind", "startedAt");
