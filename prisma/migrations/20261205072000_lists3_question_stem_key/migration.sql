-- The question bank's duplicate check (app/domain/quiz/question-duplicates.server.ts) reads only the questions
-- whose stem has the same key as a candidate's, instead of every stem of the bank. Hand-written: Prisma does not
-- model expression indexes.
--
-- The key is coarser than the duplicate rule (normaliseStem in question-review-rules.ts: NFKC, whitespace
-- collapsed, trimmed, lower case), so that two stems the rule calls the same always share a key: of the NFKC
-- form, ASCII letters in lower case ("İ" lowers to "i" + a combining dot in JavaScript, so it counts as "i") and
-- the uncased letters of CJK (ideographs, kana, hangul) and digits, nothing else (whitespace, punctuation and
-- cased letters of other scripts, whose lower case this database's C locale would not know, are left out).
-- The rule itself still decides among the questions read. Not pg_trgm: under the C locale that the embedded
-- PostgreSQL and the tests use, Chinese text has no trigrams at all (show_trgm('请问') is {}), so `%` finds
-- nothing.
CREATE FUNCTION question_stem_key(stem text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace(
    lower(replace(normalize(stem, NFKC), 'İ', 'i')),
    '[^0-9a-z぀-ヿ㐀-䶿一-鿿가-힯]', '', 'g');

CREATE INDEX "QuizQuestion_stem_key_idx" ON "QuizQuestion" (question_stem_key("stem"));
