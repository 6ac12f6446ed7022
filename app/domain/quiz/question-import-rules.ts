// Pure: what every question import (xlsx, Moodle XML, GIFT) produces, and the shared checks.
import { decodeHTML } from "entities";

import { messageKey } from "~/utils/validation";

import { checkQuestion, type QuestionInput, type QuestionKindName } from "./question.schema";

/** One question read from a file, before its rule tags are resolved. `where` is a row number or a question name. */
export type ReadQuestion = {
  where: string;
  id?: string;
  kind: QuestionKindName;
  stem: string;
  explanation: string;
  options: Array<{ text: string; correct: boolean; feedback?: string }>;
  ruleHints: string[];
  active?: boolean;
};
/** Something in the file TrainGate cannot hold: it is listed to the user, never silently dropped. */
export type Unsupported = { where: string; message: string };
export type ReadResult =
  | { ok: true; questions: ReadQuestion[]; unsupported: Unsupported[]; notes: Unsupported[] }
  | { ok: false; error: string };
export type ImportError = { where: string; field: string; message: string };

const RULE_ID = /^(B(1[0-7]|[1-9])|OPS[1-4]|REC[1-3])$/i;

/** Rule ids named in tags, a category path ("$course$/B3") or a cell ("B3, B8"). */
export function ruleIdsIn(texts: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const text of texts)
    for (const part of (text ?? "").split(/[\s,，、;；/|]+/)) if (RULE_ID.test(part)) out.add(part.toUpperCase());
  return [...out];
}

/** Plain text from Moodle/GIFT HTML: tags removed, then every HTML entity decoded (named, decimal, hex). */
export function plainText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "");
  return decodeHTML(text)
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Content that needs a file the import cannot carry: an image, audio or video, or a Moodle file reference. */
export const needsMedia = (html: string) =>
  /<(img|audio|video|source|object|embed)\b|@@PLUGINFILE@@|<file\b|!\[[^\]]*\]\(/i.test(html);

export type WeightGrading =
  | { ok: true; kind: "SINGLE" | "MULTIPLE"; correct: boolean[]; partialDropped: boolean }
  | { ok: false; reason: string };

/**
 * Answer weights (percent, negative allowed) graded as Moodle grades them. A single-answer question has a
 * 100 % answer, which is the one right option; a multiple-answer question's positive weights add up to
 * 100 %, and those options are the right ones. Zero and negative weights are wrong options. Anything
 * else gives credit TrainGate cannot hold (all or nothing per question), so the question is refused.
 * `declared` is Moodle XML's <single>; GIFT has none, and the weights decide.
 */
export function gradeByWeight(weights: number[], declared: "single" | "multiple" | null): WeightGrading {
  const full = weights.map((w) => Math.abs(w - 100) < 0.01);
  const positive = weights.map((w) => w > 0);
  const fullCount = full.filter(Boolean).length;
  const positiveSum = weights.filter((w) => w > 0).reduce((a, b) => a + b, 0);
  if (declared !== "multiple" && fullCount > 0) {
    if (fullCount > 1) return { ok: false, reason: "quiz.import.unsupported.severalFull" };
    return { ok: true, kind: "SINGLE", correct: full, partialDropped: weights.some((w) => w > 0 && w < 100) };
  }
  // Moodle stores a third as 33.33333; three of them are a whole.
  if (declared !== "single" && positiveSum > 0 && Math.abs(positiveSum - 100) < 0.1)
    return { ok: true, kind: "MULTIPLE", correct: positive, partialDropped: false };
  return { ok: false, reason: "quiz.import.unsupported.partialCredit" };
}

/** Question types TrainGate cannot hold, by the name the reader knows them (GIFT's and Moodle XML's words). */
const TYPE_NAMES: Record<string, string> = {
  short: "shortanswer",
  shortanswer: "shortanswer",
  numerical: "numerical",
  essay: "essay",
  matching: "matching",
  randomsamatch: "matching",
  description: "description",
  cloze: "cloze",
  multianswer: "cloze",
  gapselect: "cloze",
  ddwtos: "dragdrop",
  ddimageortext: "dragdrop",
  ddmarker: "dragdrop",
  calculated: "calculated",
  calculatedsimple: "calculated",
  calculatedmulti: "calculated",
  random: "random",
};
/** Every question checked; rules come from its hints, else the rule chosen on the import form. */
export function checkImported(
  questions: ReadQuestion[],
  knownRuleIds: ReadonlySet<string>,
  defaultRuleId: string | null,
  requireExplanation = false,
) {
  const errors: ImportError[] = [];
  const valid: Array<{ id?: string; where: string; value: QuestionInput }> = [];
  for (const q of questions) {
    const ruleIds = q.ruleHints.length ? q.ruleHints : defaultRuleId ? [defaultRuleId] : [];
    if (ruleIds.length === 0) {
      errors.push({ where: q.where, field: "ruleIds", message: "quiz.import.errors.noRule" });
      continue;
    }
    const checked = checkQuestion(
      {
        kind: q.kind,
        stem: q.stem,
        explanation: q.explanation || (requireExplanation ? "" : "(none)"),
        options: q.options.map((o) => ({ text: o.text, correct: o.correct })),
        ruleIds,
        active: q.active ?? true,
      },
      knownRuleIds,
    );
    if (!checked.ok)
      for (const [field, message] of Object.entries(checked.errors)) errors.push({ where: q.where, field, message });
    else
      valid.push({
        id: q.id,
        where: q.where,
        value: {
          ...checked.value,
          explanation: q.explanation,
          options: checked.value.options.map((o, k) => ({ ...o, feedback: q.options[k].feedback || undefined })),
        },
      });
  }
  return { errors, valid };
}

/** A question of a type TrainGate cannot hold, named in the reader's language (简答题, not "Short"). */
export function unsupportedType(where: string, type: string): Unsupported {
  const name = TYPE_NAMES[type.toLowerCase()];
  return {
    where,
    message: name
      ? `quiz.import.unsupported.types.${name}`
      : messageKey("quiz.import.unsupported.otherType", { type: type.slice(0, 40) }),
  };
}
