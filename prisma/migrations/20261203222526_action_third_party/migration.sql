-- AlterTable
ALTER TABLE "CaseAction" ADD COLUMN     "contactKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "thirdParty" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "CaseAction_caseId_contactKey_at_idx" ON "CaseAction"("caseId", "contactKey", "at");

-- Records saved before: a third-party contact by its type or relation; the contact's name in letters and digits.
UPDATE "CaseAction"
SET "thirdParty" = ("type" = 'CALL_THIRD_PARTY' OR "relation" <> 'SELF'),
    "contactKey" = lower(regexp_replace(normalize("contactName", NFKC), '[[:space:][:punct:]]', '', 'g'));

-- The default list of insults (app/domain/cases/default-slur-words.ts); words already listed stay as they are.
INSERT INTO "CaseSlurWord" ("word") VALUES
  ('老赖'),
  ('赖皮'),
  ('赖账鬼'),
  ('无赖'),
  ('死皮赖脸'),
  ('骗子'),
  ('穷鬼'),
  ('穷光蛋'),
  ('败家子'),
  ('王八蛋'),
  ('王八羔子'),
  ('混蛋'),
  ('混账'),
  ('垃圾'),
  ('人渣'),
  ('败类'),
  ('废物'),
  ('饭桶'),
  ('窝囊废'),
  ('畜生'),
  ('畜牲'),
  ('禽兽'),
  ('杂种'),
  ('狗东西'),
  ('狗日的'),
  ('贱人'),
  ('贱货'),
  ('下贱'),
  ('不要脸'),
  ('臭不要脸'),
  ('没良心'),
  ('丧尽天良'),
  ('无耻'),
  ('流氓'),
  ('泼妇'),
  ('傻逼'),
  ('傻子'),
  ('白痴'),
  ('蠢货'),
  ('蠢猪'),
  ('脑残'),
  ('智障'),
  ('神经病'),
  ('猪狗不如'),
  ('找死'),
  ('去死'),
  ('该死'),
  ('不得好死'),
  ('死全家'),
  ('老不死'),
  ('滚蛋'),
  ('走着瞧'),
  ('弄死')
ON CONFLICT ("word") DO NOTHING;
