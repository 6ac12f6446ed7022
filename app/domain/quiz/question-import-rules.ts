// Pure: what every question import (xlsx, Moodle XML, GIFT) produces, and the shared checks.
import { messageKey } from "~/utils/validation";

import { checkQuestion, type QuestionInput, type QuestionKindName } from "./question.schema";

/** One question read from a file, before its rule tags are resolved. `where` is a row number or a question name. */
export type ReadQuestion = {
  where: string;
  id?: string;
  kind: QuestionKindName;
  stem: string;
  explanation: string;
  options: Array<{ text: string; correct: boolean }>;
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

/** Plain text from Moodle/GIFT HTML: tags removed, entities decoded, whitespace tidied. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export const hasImage = (html: string) => /<img\b|@@PLUGINFILE@@|<file\b/i.test(html);

/** Every question checked; rules come from its hints, else the rule chosen on the import form. */
export function checkImported(
  questions: ReadQuestion[],
  knownRuleIds: ReadonlySet<string>,
  defaultRuleId: string | null,
  requireExplanation = false,
) {
  const errors: ImportError[] = [];
  const valid: Array<{ id?: string; value: QuestionInput }> = [];
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
        options: q.options,
        ruleIds,
        active: q.active ?? true,
      },
      knownRuleIds,
    );
    if (!checked.ok)
      for (const [field, message] of Object.entries(checked.errors)) errors.push({ where: q.where, field, message });
    else valid.push({ id: q.id, value: { ...checked.value, explanation: q.explanation } });
  }
  return { errors, valid };
}

export const unsupportedType = (where: string, type: string): Unsupported => ({
  where,
  message: messageKey("quiz.import.unsupported.type", { type }),
});
