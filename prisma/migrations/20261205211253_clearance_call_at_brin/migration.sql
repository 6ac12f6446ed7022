-- The call log only grows, in time order: a BRIN index on "at" serves a range of times for far less work per
-- INSERT than the B-tree did (docs/benchmarks.md, session 18).
-- DropIndex
DROP INDEX "ClearanceCall_at_idx";

-- CreateIndex
CREATE INDEX "ClearanceCall_at_idx" ON "ClearanceCall" USING BRIN ("at");
