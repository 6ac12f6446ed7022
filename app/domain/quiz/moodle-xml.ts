// Moodle XML question files (Moodle's "Export questions" → "Moodle XML format"), read with fast-xml-parser.
// Kept: multichoice (single or multiple answer), truefalse, the general feedback, per-answer feedback
// (merged into the explanation) and tags/categories naming a rule. Everything else is listed.
import { XMLParser } from "fast-xml-parser";

import { messageKey } from "~/utils/validation";

import {
  hasImage,
  plainText,
  ruleIdsIn,
  unsupportedType,
  type ReadQuestion,
  type ReadResult,
  type Unsupported,
} from "./question-import-rules";

type Node = Record<string, unknown>;
const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  isArray: (name) => ["question", "answer", "tag"].includes(name),
  processEntities: true,
  htmlEntities: true,
});

const text = (node: unknown): string => {
  if (node === null || node === undefined) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  const n = node as Node;
  return text(n.text ?? n["#text"] ?? "");
};

export function readMoodleXml(xml: string): ReadResult {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch {
    return { ok: false, error: "quiz.import.errors.unreadable" };
  }
  const quiz = doc.quiz as Node | undefined;
  if (!quiz) return { ok: false, error: "quiz.import.errors.notMoodle" };
  const questions: ReadQuestion[] = [];
  const unsupported: Unsupported[] = [];
  const notes: Unsupported[] = [];
  let category: string[] = [];
  for (const [i, q] of ((quiz.question as Node[]) ?? []).entries()) {
    const type = String(q["@type"] ?? "");
    const name = plainText(text(q.name)) || `#${i + 1}`;
    if (type === "category") {
      category = ruleIdsIn([text(q.category)]);
      continue;
    }
    if (type !== "multichoice" && type !== "truefalse") {
      unsupported.push(unsupportedType(name, type));
      continue;
    }
    const stemHtml = text(q.questiontext);
    if (hasImage(stemHtml)) notes.push({ where: name, message: "quiz.import.unsupported.image" });
    const answers = (q.answer as Node[] | undefined) ?? [];
    const fractions = answers.map((a) => Number(a["@fraction"] ?? 0));
    if (fractions.some((f) => f > 0 && f < 100) && type === "multichoice" && String(q.single) === "true")
      notes.push({ where: name, message: "quiz.import.unsupported.partialCredit" });
    const feedback = answers.map((a, k) => ({ k, fb: plainText(text(a.feedback)) })).filter((a) => a.fb);
    if (feedback.length) notes.push({ where: name, message: "quiz.import.unsupported.answerFeedback" });
    const tags = ((q.tags as Node | undefined)?.tag as Node[] | undefined)?.map((t) => text(t)) ?? [];
    const general = plainText(text(q.generalfeedback));
    const letters = (k: number) => String.fromCharCode(65 + k);
    const explanation = [general, ...feedback.map((f) => `${letters(f.k)}. ${f.fb}`)].filter(Boolean).join("\n");
    const options = answers.map((a, k) => ({ text: plainText(text(a)), correct: fractions[k] > 0 }));
    const isTf = type === "truefalse";
    questions.push({
      where: name,
      kind: isTf ? "TRUE_FALSE" : String(q.single) === "false" ? "MULTIPLE" : "SINGLE",
      stem: plainText(stemHtml),
      explanation,
      // Moodle stores true/false answers as "true"/"false": shown in TrainGate's words.
      options: isTf
        ? options.map((o) => ({
            ...o,
            text: o.text.toLowerCase() === "true" ? "正确" : o.text.toLowerCase() === "false" ? "错误" : o.text,
          }))
        : options,
      ruleHints: ruleIdsIn(tags).length ? ruleIdsIn(tags) : category,
    });
  }
  if (questions.length === 0 && unsupported.length === 0)
    return { ok: false, error: messageKey("quiz.import.errors.empty") };
  return { ok: true, questions, unsupported, notes };
}
