// The question bank's duplicate check without reading every stem: only the questions whose stem key (the
// expression index QuizQuestion_stem_key_idx, migration …_lists3_question_stem_key) equals a candidate's are
// read, and the rule (duplicatesIn, normaliseStem) decides among them. The key is coarser than the rule, so
// every question the rule calls a duplicate is among those read: the same duplicates as comparing with the
// whole bank (tests/integration/question-duplicates.test.ts holds the two to the same answers).
import { db, type Tx } from "~/utils/db.server";

import { duplicatesIn } from "./question-review-rules";

type Stemmed = { id: string; stem: string };

/** The bank's questions that may say the same as one of `stems` (a superset of the duplicates, by key). */
export async function bankQuestionsLike(stems: string[], client: Tx | typeof db = db): Promise<Stemmed[]> {
  if (stems.length === 0) return [];
  return client.$queryRaw<Stemmed[]>`
    SELECT id, stem FROM "QuizQuestion"
     WHERE question_stem_key(stem) IN (SELECT question_stem_key(s) FROM unnest(${stems}::text[]) AS s)`;
}

/** For each candidate, the bank's other questions with the same stem once normalised (as duplicatesIn against
 * the whole bank); `alsoAmong`: more questions to compare with (an import's other new rows). */
export async function bankDuplicates(
  candidates: Stemmed[],
  alsoAmong: Stemmed[] = [],
  client: Tx | typeof db = db,
): Promise<Map<string, Stemmed[]>> {
  if (candidates.length === 0) return new Map();
  const bank = await bankQuestionsLike(
    candidates.map((c) => c.stem),
    client,
  );
  return duplicatesIn(candidates, [...bank, ...alsoAmong]);
}
