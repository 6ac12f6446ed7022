-- CreateIndex
CREATE INDEX "LoginAttemptCounter_windowStart_idx" ON "LoginAttemptCounter"("windowStart");

-- CreateIndex
CREATE INDEX "LoginSourceThrottle_windowStart_idx" ON "LoginSourceThrottle"("windowStart");
