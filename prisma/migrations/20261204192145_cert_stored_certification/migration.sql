-- CreateTable
CREATE TABLE "CertificationState" (
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'never',
    "cleared" BOOLEAN NOT NULL DEFAULT false,
    "validUntil" TIMESTAMP(3),
    "certifiedAt" TIMESTAMP(3),
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "staleRules" JSONB NOT NULL DEFAULT '[]',
    "computedAt" TIMESTAMP(3),
    "recheckAt" TIMESTAMP(3),
    "inputsKey" TEXT NOT NULL DEFAULT '',
    "dirty" BOOLEAN NOT NULL DEFAULT true,
    "generation" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CertificationState_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE INDEX "CertificationState_status_idx" ON "CertificationState"("status");

-- AddForeignKey
ALTER TABLE "CertificationState" ADD CONSTRAINT "CertificationState_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (ADR 0024): whatever writes a person's own certification inputs marks their stored
-- certification dirty in the same transaction, so no writer (the app, a job, an import, psql) can forget.
-- The mark is an upsert: a person without a row gets a dirty one, which a recompute that started earlier
-- then waits for (its insert of the same key blocks) instead of storing what it read before the change.
CREATE FUNCTION "cert_mark_dirty"(person_id TEXT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "CertificationState" ("personId", "dirty", "generation") VALUES (person_id, true, 1)
    ON CONFLICT ("personId") DO UPDATE
        SET "dirty" = true, "generation" = "CertificationState"."generation" + 1;
$$;

-- Submitted attempts (of any quiz: marking more than needed only costs a recompute).
CREATE FUNCTION "cert_attempt_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD."status" = 'SUBMITTED' THEN PERFORM "cert_mark_dirty"(OLD."personId"); END IF;
    IF TG_OP <> 'DELETE' AND NEW."status" = 'SUBMITTED' THEN PERFORM "cert_mark_dirty"(NEW."personId"); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "QuizAttempt_cert_insert" AFTER INSERT ON "QuizAttempt"
    FOR EACH ROW WHEN (NEW."status" = 'SUBMITTED') EXECUTE FUNCTION "cert_attempt_changed"();
-- Saving an answer to an open attempt does not fire it.
CREATE TRIGGER "QuizAttempt_cert_update" AFTER UPDATE ON "QuizAttempt"
    FOR EACH ROW WHEN (OLD."status" = 'SUBMITTED' OR NEW."status" = 'SUBMITTED')
    EXECUTE FUNCTION "cert_attempt_changed"();
CREATE TRIGGER "QuizAttempt_cert_delete" AFTER DELETE ON "QuizAttempt"
    FOR EACH ROW WHEN (OLD."status" = 'SUBMITTED') EXECUTE FUNCTION "cert_attempt_changed"();

-- The person's status and disabling (a new person gets a dirty row at once).
CREATE FUNCTION "cert_person_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "cert_mark_dirty"(NEW."id");
    RETURN NULL;
END;
$$;
CREATE TRIGGER "Person_cert_insert" AFTER INSERT ON "Person"
    FOR EACH ROW EXECUTE FUNCTION "cert_person_changed"();
CREATE TRIGGER "Person_cert_update" AFTER UPDATE ON "Person"
    FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."disabledAt" IS DISTINCT FROM NEW."disabledAt")
    EXECUTE FUNCTION "cert_person_changed"();

-- Pre-job assessments, their approval's state and its decisions (the sign-off's instant).
CREATE FUNCTION "cert_assessment_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM "cert_mark_dirty"(OLD."personId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "cert_mark_dirty"(NEW."personId"); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "PreJobAssessment_cert" AFTER INSERT OR UPDATE OR DELETE ON "PreJobAssessment"
    FOR EACH ROW EXECUTE FUNCTION "cert_assessment_changed"();

CREATE FUNCTION "cert_approval_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "cert_mark_dirty"(a."personId") FROM "PreJobAssessment" a WHERE a."approvalId" = NEW."id";
    RETURN NULL;
END;
$$;
CREATE FUNCTION "cert_decision_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM "cert_mark_dirty"(a."personId") FROM "PreJobAssessment" a WHERE a."approvalId" = OLD."approvalId";
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM "cert_mark_dirty"(a."personId") FROM "PreJobAssessment" a WHERE a."approvalId" = NEW."approvalId";
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "Approval_cert" AFTER UPDATE ON "Approval"
    FOR EACH ROW WHEN (NEW."subjectType" = 'PreJobAssessment' AND OLD."state" IS DISTINCT FROM NEW."state")
    EXECUTE FUNCTION "cert_approval_changed"();
CREATE TRIGGER "ApprovalDecision_cert" AFTER INSERT OR UPDATE OR DELETE ON "ApprovalDecision"
    FOR EACH ROW EXECUTE FUNCTION "cert_decision_changed"();

-- Everyone already there: a dirty row each, computed on first read or by the certification-ends job.
INSERT INTO "CertificationState" ("personId") SELECT "id" FROM "Person";
