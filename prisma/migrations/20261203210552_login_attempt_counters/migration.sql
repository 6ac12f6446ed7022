-- DropTable
DROP TABLE "LoginFailure";

-- CreateTable
CREATE TABLE "LoginAttemptCounter" (
    "employeeNo" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginAttemptCounter_pkey" PRIMARY KEY ("employeeNo","source")
);

-- CreateTable
CREATE TABLE "LoginSourceThrottle" (
    "source" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginSourceThrottle_pkey" PRIMARY KEY ("source")
);
