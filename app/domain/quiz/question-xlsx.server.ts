// The question bank as an .xlsx workbook: exported by the training manager, edited in Excel, imported back.
// A row with an 编号 (id) updates that question; a row without one adds a new question.
import ExcelJS from "exceljs";

import { cellText } from "~/domain/people/people-file.server";
import { db } from "~/utils/db.server";
import { unquoteFormulaText } from "~/utils/spreadsheet-text";
import { messageKey } from "~/utils/validation";
import { workbookStream } from "~/utils/workbook.server";
import { inspectXlsx } from "~/utils/xlsx-guard";

import { ruleIdsIn, type ReadQuestion, type ReadResult } from "./question-import-rules";
import { MAX_OPTIONS, QUESTION_KINDS, type QuestionKindName } from "./question.schema";

const LETTERS = "ABCDEF".split("").slice(0, MAX_OPTIONS);
export const XLSX_HEADERS = [
  "编号",
  "题型",
  "题干",
  ...LETTERS.map((l) => `选项${l}`),
  "正确答案",
  "规范编号",
  "解析",
  "启用",
];
const KIND_NAMES: Record<QuestionKindName, string> = {
  SINGLE: "单选",
  MULTIPLE: "多选",
  TRUE_FALSE: "判断",
  SCENARIO: "情景",
};

const EXPORT_BATCH = 500;

/**
 * The whole bank as a streamed workbook, read in batches of EXPORT_BATCH questions in (createdAt, id)
 * order with a keyset cursor: the file goes out while the bank is read, never held whole.
 */
export function exportQuestionsXlsx(): ReadableStream<Uint8Array> {
  return workbookStream(async (workbook) => {
    const sheet = workbook.sheet(
      "题库",
      XLSX_HEADERS.map((header, i) => ({
        header,
        width: i === 2 || i === XLSX_HEADERS.length - 2 ? 50 : i === 0 ? 38 : 14,
      })),
    );
    let after: string | undefined;
    for (;;) {
      const questions = await db.quizQuestion.findMany({
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: EXPORT_BATCH,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        select: {
          id: true,
          kind: true,
          stem: true,
          explanation: true,
          active: true,
          rules: { select: { ruleId: true } },
          options: { orderBy: { sortOrder: "asc" }, select: { text: true, isCorrect: true } },
        },
      });
      for (const q of questions)
        sheet.add([
          q.id,
          KIND_NAMES[q.kind],
          q.stem,
          ...LETTERS.map((_, i) => q.options[i]?.text ?? ""),
          q.options.map((o, i) => (o.isCorrect ? LETTERS[i] : "")).join(""),
          q.rules.map((r) => r.ruleId).join(","),
          q.explanation,
          q.active ? "是" : "否",
        ]);
      if (questions.length < EXPORT_BATCH) break;
      after = questions[questions.length - 1].id;
      await workbook.drain();
    }
    sheet.done();
  });
}

function kindOf(value: string): QuestionKindName | null {
  const v = value.trim().toUpperCase();
  if ((QUESTION_KINDS as readonly string[]).includes(v)) return v as QuestionKindName;
  const found = Object.entries(KIND_NAMES).find(([, name]) => value.trim().startsWith(name));
  return found ? (found[0] as QuestionKindName) : null;
}

/** Rows into questions; problems a row can have on its own (kind, answer letters) are errors of that row. */
/**
 * A question bank of a few thousand questions is a few MB of XML once inflated (stems, six options, explanations);
 * past these limits the file is not a question bank, and exceljs would hold all of it.
 */
const MAX_INFLATED_BYTES = 30_000_000;
const MAX_SHEET_ROWS = 10_000;

export async function readQuestionsXlsx(
  bytes: Uint8Array,
): Promise<ReadResult & { rowErrors?: Array<{ where: string; field: string; message: string }> }> {
  const verdict = inspectXlsx(bytes, { maxUncompressedBytes: MAX_INFLATED_BYTES, maxRows: MAX_SHEET_ROWS });
  if (!verdict.ok)
    return {
      ok: false,
      error:
        verdict.reason === "tooLarge"
          ? messageKey("quiz.import.errors.inflatesTooLarge", { max: verdict.maxMb })
          : verdict.reason === "tooManyRows"
            ? messageKey("quiz.import.errors.tooManyRows", { max: MAX_SHEET_ROWS })
            : "quiz.import.errors.unreadable",
    };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    return { ok: false, error: "quiz.import.errors.unreadable" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, error: "quiz.import.errors.empty" };
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
  const col = (name: string) => header.indexOf(name);
  const missing = XLSX_HEADERS.filter((h) => h !== "编号" && h !== "启用" && !h.startsWith("选项") && col(h) < 0);
  if (missing.length)
    return { ok: false, error: messageKey("quiz.import.errors.missingColumns", { columns: missing.join("、") }) };
  const questions: ReadQuestion[] = [];
  const rowErrors: Array<{ where: string; field: string; message: string }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    // A text the export quoted (it began like a formula) comes back as it was.
    const cell = (name: string) =>
      col(name) < 0 ? "" : unquoteFormulaText(cellText(row.getCell(col(name) + 1).value)).trim();
    if (XLSX_HEADERS.every((h) => cell(h) === "")) return;
    const where = String(n);
    const kind = kindOf(cell("题型"));
    if (!kind) rowErrors.push({ where, field: "题型", message: "quiz.import.errors.kind" });
    const texts = LETTERS.map((l) => cell(`选项${l}`));
    const answer = cell("正确答案")
      .toUpperCase()
      .replace(/[\s,，、]/g, "");
    let correct: number[] = [];
    if (kind === "TRUE_FALSE" && /^(正确|对|T|TRUE|√)$/.test(answer)) correct = [0];
    else if (kind === "TRUE_FALSE" && /^(错误|错|F|FALSE|×)$/.test(answer)) correct = [1];
    else if (/^[A-F]+$/.test(answer)) correct = answer.split("").map((l) => LETTERS.indexOf(l));
    else rowErrors.push({ where, field: "正确答案", message: "quiz.import.errors.answer" });
    if (correct.some((i) => !texts[i]))
      rowErrors.push({ where, field: "正确答案", message: "quiz.import.errors.answerNoOption" });
    const tfTexts = kind === "TRUE_FALSE" && texts.every((t) => !t) ? ["正确", "错误"] : texts;
    questions.push({
      where,
      id: cell("编号") || undefined,
      kind: kind ?? "SINGLE",
      stem: cell("题干"),
      explanation: cell("解析"),
      options: tfTexts.map((text, i) => ({ text, correct: correct.includes(i) })).filter((o) => o.text !== ""),
      ruleHints: ruleIdsIn([cell("规范编号")]),
      active: !/^(否|N|NO|FALSE|0)$/i.test(cell("启用")),
    });
  });
  if (questions.length === 0) return { ok: false, error: "quiz.import.errors.empty" };
  return { ok: true, questions, unsupported: [], notes: [], rowErrors };
}
