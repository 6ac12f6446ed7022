// Moodle XML question files (Moodle's "Export questions" → "Moodle XML format"), read with fast-xml-parser.
// Kept: multichoice graded by its answer fractions as Moodle grades them, truefalse, the general feedback
// (the explanation), per-answer feedback (kept with its option) and tags/categories naming a rule.
// Everything else is listed with the reason: other types, credit TrainGate cannot hold, stems needing a file.
import { XMLParser } from "fast-xml-parser";

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
    const answers = (q.answer as Node[] | undefined) ?? [];
    const stemHtml = text(q.questiontext);
    const hasFile = (node: unknown) => Boolean(node && typeof node === "object" && "file" in node);
    if ([stemHtml, ...answers.map((a) => text(a))].some(needsMedia) || hasFile(q.questiontext)) {
      unsupported.push({ where: name, message: "quiz.import.unsupported.media" });
      continue;
    }
    const fractions = answers.map((a) => Number(a["@fraction"] ?? 0));
    const isTf = type === "truefalse";
    const graded = gradeByWeight(fractions, isTf || String(q.single) !== "false" ? "single" : "multiple");
    if (!graded.ok) {
      unsupported.push({ where: name, message: graded.reason });
      continue;
    }
    if (graded.partialDropped) notes.push({ where: name, message: "quiz.import.notes.partialDropped" });
    const tags = ((q.tags as Node | undefined)?.tag as Node[] | undefined)?.map((t) => text(t)) ?? [];
    const options = answers.map((a, k) => ({
      text: plainText(text(a)),
      correct: graded.correct[k],
      feedback: plainText(text(a.feedback)),
    }));
    questions.push({
      where: name,
      kind: isTf ? "TRUE_FALSE" : graded.kind,
      stem: plainText(stemHtml),
      explanation: plainText(text(q.generalfeedback)),
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
