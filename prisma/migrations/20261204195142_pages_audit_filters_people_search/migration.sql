-- Trigram indexes for the people search (pg_trgm: in PostgreSQL's contrib, a trusted extension since 13,
-- so the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "AuditEntry_action_id_idx" ON "AuditEntry"("action", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorEmployeeNo_id_idx" ON "AuditEntry"("actorEmployeeNo", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_id_idx" ON "AuditEntry"("entityType", "id");

-- CreateIndex
CREATE INDEX "Person_name_trgm_idx" ON "Person" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_employeeNo_trgm_idx" ON "Person" USING GIN ("employeeNo" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_post_trgm_idx" ON "Person" USING GIN ("post" gin_trgm_ops);
