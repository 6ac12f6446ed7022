-- The stored certification (ADR 0024) is rewritten row by row far more often than rows are added: every
-- trigger mark (dirty, generation + 1) and every recompute (the first board view of a day rewrites every
-- row whose recheckAt has come). Packed full, a page had no room for a row's new version, so almost every
-- update went to another page (5,000 updates, 253 HOT on the bench company) and the table spread 5,000
-- rows over 2,851 pages, which the board's counts read in full. With half of each page free, a row's new
-- version fits beside the old one: the update is HOT (no index entry: the status index and the key keep
-- pointing at the same line) and the next read of the page prunes the old version in place, so the table
-- stays about twice its live size. Storage parameters cannot be said in the Prisma schema, hence this
-- hand-written migration.
ALTER TABLE "CertificationState" SET (fillfactor = 50);

-- The setting applies to pages written from now on; rewrite the table once so its existing rows are packed
-- at that fill too (a few thousand small rows: it holds the table's lock for a moment, at deploy time).
-- CLUSTER rather than VACUUM FULL, which cannot run inside the migration's transaction.
CLUSTER "CertificationState" USING "CertificationState_pkey";
