// GIFT question files, parsed by gift-pegjs (the maintained PEG grammar of the GIFT format).
// Kept: multiple choice (one or several right answers), true/false, general and per-answer feedback
// (merged into the explanation), "// [tag:B3]" tags and $CATEGORY paths naming a rule. The rest is listed.
import { parse, type GIFTQuestion, type TextFormat } from "gift-pegjs";

import { messageKey } from "~/utils/validation";

import {
  plainText,
  ruleIdsIn,
  unsupportedType,
  hasImage,
  type ReadQuestion,
  type ReadResult,
  type Unsupported,
} from "./question-import-rules";

const plain = (t: TextFormat | null | undefined) =>
  t ? plainText(t.format === "markdown" ? t.text : t.text.replace(/\\([:{}=~#])/g, "$1")) : "";

export function readGift(source: string): ReadResult {
  let parsed: GIFTQuestion[];
  try {
    parsed = parse(source.replace(/\r\n?/g, "\n"));
  } catch (error) {
    const line = (error as { location?: { start?: { line?: number } } }).location?.start?.line ?? 0;
    return { ok: false, error: messageKey("quiz.import.errors.giftSyntax", { line }) };
  }
  const questions: ReadQuestion[] = [];
  const unsupported: Unsupported[] = [];
  const notes: Unsupported[] = [];
  let category: string[] = [];
  for (const [i, q] of parsed.entries()) {
    if (q.type === "Category") {
      category = ruleIdsIn([q.title]);
      continue;
    }
    const where = q.title || `#${i + 1}`;
    if (q.type !== "MC" && q.type !== "TF") {
      unsupported.push(unsupportedType(where, q.type));
      continue;
    }
    if (hasImage(q.stem.text)) notes.push({ where, message: "quiz.import.unsupported.image" });
    const hints = ruleIdsIn(q.tags ?? []).length ? ruleIdsIn(q.tags ?? []) : category;
    const general = plain(q.globalFeedback);
    if (q.type === "TF") {
      const feedback = [plain(q.trueFeedback), plain(q.falseFeedback)].filter(Boolean);
      if (feedback.length) notes.push({ where, message: "quiz.import.unsupported.answerFeedback" });
      questions.push({
        where,
        kind: "TRUE_FALSE",
        stem: plain(q.stem),
        explanation: [general, ...feedback].filter(Boolean).join("\n"),
        options: [
          { text: "正确", correct: q.isTrue },
          { text: "错误", correct: !q.isTrue },
        ],
        ruleHints: hints,
      });
      continue;
    }
    // Weighted answers (~%50%…) are right when their weight is positive; there is no partial credit here.
    const weighted = q.choices.some((c) => c.weight !== null);
    const options = q.choices.map((c) => ({
      text: plain(c.text),
      correct: weighted ? (c.weight ?? 0) > 0 : c.isCorrect,
    }));
    if (
      q.choices.some((c) => c.weight !== null && c.weight > 0 && c.weight < 100) &&
      options.filter((o) => o.correct).length === 1
    )
      notes.push({ where, message: "quiz.import.unsupported.partialCredit" });
    const feedback = q.choices.map((c, k) => ({ k, fb: plain(c.feedback) })).filter((c) => c.fb);
    if (feedback.length) notes.push({ where, message: "quiz.import.unsupported.answerFeedback" });
    questions.push({
      where,
      kind: options.filter((o) => o.correct).length > 1 ? "MULTIPLE" : "SINGLE",
      stem: plain(q.stem),
      explanation: [general, ...feedback.map((f) => `${String.fromCharCode(65 + f.k)}. ${f.fb}`)]
        .filter(Boolean)
        .join("\n"),
      options,
      ruleHints: hints,
    });
  }
  if (questions.length === 0 && unsupported.length === 0) return { ok: false, error: "quiz.import.errors.empty" };
  return { ok: true, questions, unsupported, notes };
}
