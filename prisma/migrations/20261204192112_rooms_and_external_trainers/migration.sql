-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "trainerId" TEXT;

-- AlterTable
ALTER TABLE "CourseSession" ADD COLUMN     "roomId" TEXT;

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "equipment" TEXT NOT NULL DEFAULT '',
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalTrainer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalTrainer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Room_nameKey_key" ON "Room"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalTrainer_name_organisation_key" ON "ExternalTrainer"("name", "organisation");

-- CreateIndex
CREATE INDEX "Course_trainerId_idx" ON "Course"("trainerId");

-- CreateIndex
CREATE INDEX "CourseSession_roomId_idx" ON "CourseSession"("roomId");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "ExternalTrainer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: every place a company-held session (not 外部培训 / 集团培训) was typed at becomes a room, spellings
-- that differ only in spaces, case or a leading "培训室" ("A301", "培训室 A301", "a301 ") being one room
-- (the same key as roomKey() in app/domain/scheduling/room-rules.ts). The room is named by its longest
-- spelling (then the most used, then the first in order), seats as many as the largest course held there,
-- and keeps an id derived from its key, so the migration gives the same result on every copy. Sessions
-- are linked to their room; the place they print and were invited at is left as typed (no invite changes).
WITH places AS (
  SELECT s."id" AS "sessionId",
         btrim(regexp_replace(s."location", '[\s\u3000]+', ' ', 'g')) AS "spelling",
         lower(regexp_replace(s."location", '[\s\u3000]+', '', 'g')) AS "bare",
         c."capacity"
  FROM "CourseSession" s
  JOIN "Course" c ON c."id" = s."courseId"
  JOIN "MonthlyPlanItem" i ON i."id" = c."monthlyItemId"
  WHERE i."category" NOT IN ('EXTERNAL', 'GROUP') AND btrim(s."location") <> ''
), keyed AS (
  SELECT *, CASE WHEN "bare" LIKE '培训室_%' THEN substr("bare", 4) ELSE "bare" END AS "key" FROM places
), spellings AS (
  SELECT "key", "spelling", count(*) AS "uses" FROM keyed GROUP BY "key", "spelling"
), named AS (
  SELECT DISTINCT ON ("key") "key", "spelling" FROM spellings
  ORDER BY "key", char_length("spelling") DESC, "uses" DESC, "spelling"
)
INSERT INTO "Room" ("id", "name", "nameKey", "capacity", "updatedAt")
SELECT 'room' || substr(md5(n."key"), 1, 21), n."spelling", n."key",
       (SELECT max(k."capacity") FROM keyed k WHERE k."key" = n."key"), CURRENT_TIMESTAMP
FROM named n;

UPDATE "CourseSession" s SET "roomId" = r."id"
FROM "Course" c, "MonthlyPlanItem" i, "Room" r
WHERE c."id" = s."courseId" AND i."id" = c."monthlyItemId" AND i."category" NOT IN ('EXTERNAL', 'GROUP')
  AND btrim(s."location") <> ''
  AND r."nameKey" = CASE
    WHEN lower(regexp_replace(s."location", '[\s\u3000]+', '', 'g')) LIKE '培训室_%'
      THEN substr(lower(regexp_replace(s."location", '[\s\u3000]+', '', 'g')), 4)
    ELSE lower(regexp_replace(s."location", '[\s\u3000]+', '', 'g'))
  END;

-- Data: every external trainer a course named (name and institution) joins the list, with the contact
-- given most recently, and the courses are linked to them.
INSERT INTO "ExternalTrainer" ("id", "name", "organisation", "contact", "updatedAt")
SELECT DISTINCT ON (t."name", t."organisation")
       'trainer' || substr(md5(t."name" || '|' || t."organisation"), 1, 18), t."name", t."organisation", t."contact",
       CURRENT_TIMESTAMP
FROM (
  SELECT btrim(c."externalLecturer") AS "name", btrim(coalesce(c."externalOrg", '')) AS "organisation",
         btrim(coalesce(c."externalContact", '')) AS "contact", c."createdAt", c."id"
  FROM "Course" c
  WHERE c."lecturerKind" = 'EXTERNAL' AND btrim(coalesce(c."externalLecturer", '')) <> ''
) t
ORDER BY t."name", t."organisation", t."createdAt" DESC, t."id";

UPDATE "Course" c SET "trainerId" = t."id"
FROM "ExternalTrainer" t
WHERE c."lecturerKind" = 'EXTERNAL' AND t."name" = btrim(c."externalLecturer")
  AND t."organisation" = btrim(coalesce(c."externalOrg", ''));
