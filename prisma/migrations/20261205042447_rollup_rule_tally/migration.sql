-- CreateTable
CREATE TABLE "RuleTally" (
    "day" DATE NOT NULL,
    "departmentId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "answeredWrong" INTEGER NOT NULL DEFAULT 0,
    "asked" INTEGER NOT NULL DEFAULT 0,
    "askedWrong" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RuleTally_pkey" PRIMARY KEY ("day","departmentId","ruleId")
);

-- CreateIndex
CREATE INDEX "QuizAttempt_status_submittedAt_idx" ON "QuizAttempt"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "QuizAttemptQuestion_answeredAt_idx" ON "QuizAttemptQuestion"("answeredAt");

-- The day an instant (a UTC "timestamp" like every column here) counts on: its date in UTC+8. Fixed on
-- purpose, not the company's time-zone setting: a changed setting must not misfile the days already
-- counted. Readers sum whole days and read raw rows for the part days at a window's ends (ADR 0027).
CREATE FUNCTION "rule_tally_day"(at TIMESTAMP(3)) RETURNS DATE
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (at + INTERVAL '8 hours')::date $$;

-- Each person's contributions, counted from the raw answers: per day and rule, the scored answers (by
-- "answeredAt") and the questions of submitted attempts (by "submittedAt"). NULL: everyone.
CREATE FUNCTION "rule_tally_of_people"(person_ids TEXT[])
    RETURNS TABLE ("day" DATE, "personId" TEXT, "ruleId" TEXT, answered BIGINT, "answeredWrong" BIGINT,
                   asked BIGINT, "askedWrong" BIGINT)
    LANGUAGE sql STABLE
    AS $$
    SELECT x.day, x."personId", x."ruleId", SUM(x.an), SUM(x.aw), SUM(x.sk), SUM(x.sw)
    FROM (
      SELECT "rule_tally_day"(q."answeredAt") AS day, a."personId", r."ruleId",
             1 AS an, (q.correct = false)::int AS aw, 0 AS sk, 0 AS sw
        FROM "QuizAttemptQuestion" q JOIN "QuizAttempt" a ON a.id = q."attemptId"
        CROSS JOIN LATERAL unnest(q."ruleIds") AS r("ruleId")
       WHERE q.correct IS NOT NULL AND q."answeredAt" IS NOT NULL
         AND (person_ids IS NULL OR a."personId" = ANY(person_ids))
      UNION ALL
      SELECT "rule_tally_day"(a."submittedAt"), a."personId", r."ruleId",
             0, 0, 1, (q.correct = false)::int
        FROM "QuizAttemptQuestion" q JOIN "QuizAttempt" a ON a.id = q."attemptId"
        CROSS JOIN LATERAL unnest(q."ruleIds") AS r("ruleId")
       WHERE a.status = 'SUBMITTED' AND a."submittedAt" IS NOT NULL
         AND (person_ids IS NULL OR a."personId" = ANY(person_ids))
    ) x
    GROUP BY x.day, x."personId", x."ruleId"
    $$;

-- Adds (sign 1) or takes away (sign -1) people's contributions under a department, rows in key order.
CREATE FUNCTION "rule_tally_move"(person_ids TEXT[], department_id TEXT, sign INT) RETURNS void
    LANGUAGE sql
    AS $$
    INSERT INTO "RuleTally" AS t (day, "departmentId", "ruleId", answered, "answeredWrong", asked, "askedWrong")
    SELECT c.day, department_id, c."ruleId", sign * SUM(c.answered), sign * SUM(c."answeredWrong"),
           sign * SUM(c.asked), sign * SUM(c."askedWrong")
      FROM "rule_tally_of_people"(person_ids) c
     GROUP BY c.day, c."ruleId"
     ORDER BY c.day, c."ruleId"
    ON CONFLICT (day, "departmentId", "ruleId") DO UPDATE SET
      answered = t.answered + EXCLUDED.answered, "answeredWrong" = t."answeredWrong" + EXCLUDED."answeredWrong",
      asked = t.asked + EXCLUDED.asked, "askedWrong" = t."askedWrong" + EXCLUDED."askedWrong"
    $$;

-- "Their department today": a person who moves takes their whole history along. (A person with quiz
-- attempts cannot be deleted: the certification trigger refuses it, so no attempt leaves the tally.)
CREATE FUNCTION "rule_tally_person_changed"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
      PERFORM "rule_tally_move"(ARRAY[OLD.id], OLD."departmentId", -1);
      PERFORM "rule_tally_move"(ARRAY[NEW.id], NEW."departmentId", 1);
      RETURN NEW;
    END
    $$;

CREATE TRIGGER "Person_rule_tally_move" AFTER UPDATE OF "departmentId" ON "Person"
    FOR EACH ROW WHEN (OLD."departmentId" IS DISTINCT FROM NEW."departmentId")
    EXECUTE FUNCTION "rule_tally_person_changed"();

-- Rebuilt from the raw answers (the backfill; seeds and the bench generator call it after bulk writes).
CREATE FUNCTION "rule_tally_rebuild"() RETURNS void
    LANGUAGE sql
    AS $$
    DELETE FROM "RuleTally";
    INSERT INTO "RuleTally" (day, "departmentId", "ruleId", answered, "answeredWrong", asked, "askedWrong")
    SELECT c.day, p."departmentId", c."ruleId", SUM(c.answered), SUM(c."answeredWrong"), SUM(c.asked),
           SUM(c."askedWrong")
      FROM "rule_tally_of_people"(NULL) c JOIN "Person" p ON p.id = c."personId"
     GROUP BY c.day, p."departmentId", c."ruleId";
    $$;

SELECT "rule_tally_rebuild"();
