// GIFT question files, parsed by gift-pegjs (the maintained PEG grammar of the GIFT format).
// Kept: multiple choice graded by its answer weights as Moodle grades them, true/false, the general
// feedback (the explanation), per-answer feedback (kept with its option), "// [tag:B3]" tags and $CATEGORY
// paths naming a rule. Other question types, credit TrainGate cannot hold and stems that need a file are
// listed with the reason, never silently dropped.
import { parse, type GIFTQuestion, type TextFormat } from "gift-pegjs";

import { messageKey } from "~/utils/validation";

import {
  gradeByWeight,
  needsMedia,
  plainText,
  ruleIdsIn,
  unsupportedType,
  type ReadQuestion,
  type ReadResult,
  type Unsupported,
} from "./question-import-rules";

const plain = (t: TextFormat | null | undefined) =>
  t ? plainText(t.format === "markdown" ? t.text : t.text.replace(/\\([:{}=~#])/g, "$1")) : "";

/** The line a syntax error points at, quoted (cut short) so the author can find it. */
function syntaxError(source: string, error: unknown) {
  const line = (error as { location?: { start?: { line?: number } } }).location?.start?.line ?? 0;
  const text = (source.split("\n")[line - 1] ?? "").trim();
  return messageKey("quiz.import.errors.giftSyntax", {
    line,
    text: text.length > 80 ? `${text.slice(0, 80)}…` : text,
  });
}

export function readGift(raw: string): ReadResult {
  const source = raw.replace(/\r\n?/g, "\n");
  let parsed: GIFTQuestion[];
  try {
    parsed = parse(source);
  } catch (error) {
    return { ok: false, error: syntaxError(source, error) };
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
      // "The ___ is {=x}" is a fill-in-the-blank; gift-pegjs calls it "Short" too.
      const blank = q.type === "Short" && q.hasEmbeddedAnswers;
      unsupported.push(unsupportedType(where, blank ? "cloze" : q.type));
      continue;
    }
    const texts = [q.stem.text, ...(q.type === "MC" ? q.choices.map((c) => c.text.text) : [])];
    if (texts.some(needsMedia)) {
      unsupported.push({ where, message: "quiz.import.unsupported.media" });
      continue;
    }
    const hints = ruleIdsIn(q.tags ?? []).length ? ruleIdsIn(q.tags ?? []) : category;
    const explanation = plain(q.globalFeedback);
    if (q.type === "TF") {
      // GIFT writes {T#shown for the wrong answer#shown for the right answer}; gift-pegjs keeps them in that
      // order under the names trueFeedback and falseFeedback.
      const [wrong, right] = [plain(q.trueFeedback), plain(q.falseFeedback)];
      questions.push({
        where,
        kind: "TRUE_FALSE",
        stem: plain(q.stem),
        explanation,
        options: [
          { text: "正确", correct: q.isTrue, feedback: q.isTrue ? right : wrong },
          { text: "错误", correct: !q.isTrue, feedback: q.isTrue ? wrong : right },
        ],
        ruleHints: hints,
      });
      continue;
    }
    // "=" is a 100 % answer, "~" without a weight 0 %, "~%n%" n %.
    const weights = q.choices.map((c) => c.weight ?? (c.isCorrect ? 100 : 0));
    const graded = gradeByWeight(weights, null);
    if (!graded.ok) {
      unsupported.push({ where, message: graded.reason });
      continue;
    }
    if (graded.partialDropped) notes.push({ where, message: "quiz.import.notes.partialDropped" });
    questions.push({
      where,
      kind: graded.kind,
      stem: plain(q.stem),
      explanation,
      options: q.choices.map((c, k) => ({
        text: plain(c.text),
        correct: graded.correct[k],
        feedback: plain(c.feedback),
      })),
      ruleHints: hints,
    });
  }
  if (questions.length === 0 && unsupported.length === 0) return { ok: false, error: "quiz.import.errors.empty" };
  return { ok: true, questions, unsupported, notes };
}
