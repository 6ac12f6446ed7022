// Importing questions from .xlsx, Moodle XML or GIFT: all or nothing. Every question is checked first;
// any error means nothing is saved. Content the format holds that TrainGate cannot represent is
// listed, and the import goes ahead only once the training manager has confirmed skipping it.
import { decodeText } from "~/domain/people/people-file.server";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { readGift } from "./gift";
import { readMoodleXml } from "./moodle-xml";
import { checkImported, type ImportError, type ReadResult, type Unsupported } from "./question-import-rules";
import { readQuestionsXlsx } from "./question-xlsx.server";
import { forgetQuizCatalogue } from "./quiz-catalogue.server";
import { insertQuestions, replaceQuestion } from "./save-question.server";

export const MAX_QUESTION_FILE_BYTES = 5_000_000;
export type QuestionFile = { name: string; bytes: Uint8Array };
export type ImportFormat = "xlsx" | "moodle" | "gift";
export type QuestionImportOutcome =
  | {
      ok: true;
      format: ImportFormat;
      created: number;
      updated: number;
      unsupported: Unsupported[];
      notes: Unsupported[];
    }
  | {
      ok: false;
      error?: string;
      errors: ImportError[];
      unsupported: Unsupported[];
      notes: Unsupported[];
      needsConfirmation?: boolean;
    };

export function formatOf(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".xml")) return "moodle";
  if (name.endsWith(".gift") || name.endsWith(".txt")) return "gift";
  return null;
}

export async function importQuestions(
  actor: { id: string; employeeNo: string },
  file: QuestionFile,
  options: { defaultRuleId: string | null; skipUnsupported: boolean },
): Promise<QuestionImportOutcome> {
  const none = { errors: [] as ImportError[], unsupported: [] as Unsupported[], notes: [] as Unsupported[] };
  const format = formatOf(file.name);
  if (!format) return { ok: false, error: "quiz.import.errors.fileType", ...none };
  if (file.bytes.byteLength > MAX_QUESTION_FILE_BYTES)
    return { ok: false, error: "quiz.import.errors.tooLarge", ...none };
  const read: ReadResult & { rowErrors?: ImportError[] } =
    format === "xlsx"
      ? await readQuestionsXlsx(file.bytes)
      : format === "moodle"
        ? readMoodleXml(decodeText(file.bytes))
        : readGift(decodeText(file.bytes));
  if (!read.ok) return { ok: false, error: read.error, ...none };

  const rules = await db.callRule.findMany({ select: { id: true } });
  const known = new Set(rules.map((r) => r.id));
  const defaultRule =
    format === "xlsx" ? null : options.defaultRuleId && known.has(options.defaultRuleId) ? options.defaultRuleId : null;
  const checked = checkImported(read.questions, known, defaultRule, format === "xlsx");
  const errors = [...(read.rowErrors ?? []), ...checked.errors];
  const ids = checked.valid.map((v) => v.id).filter((id): id is string => Boolean(id));
  const existing = new Set(
    (await db.quizQuestion.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((q) => q.id),
  );
  for (const q of read.questions)
    if (q.id && !existing.has(q.id))
      errors.push({ where: q.where, field: "编号", message: "quiz.import.errors.unknownId" });
  const listed = { unsupported: read.unsupported, notes: read.notes };
  if (errors.length) return { ok: false, errors, ...listed };
  if (read.unsupported.length && !options.skipUnsupported)
    return { ok: false, errors: [], needsConfirmation: true, ...listed };

  const fresh = checked.valid.filter((v) => !v.id).map((v) => v.value);
  const updates = checked.valid.filter((v) => v.id);
  await db
    .$transaction(
      async (tx) => {
        if (fresh.length) await insertQuestions(tx, fresh, format);
        for (const u of updates) await replaceQuestion(tx, u.id!, u.value);
        await writeAudit(tx, {
          actor,
          action: "quiz.questions_imported",
          entityType: "QuizQuestion",
          summary: {
            format,
            fileName: file.name.slice(0, 200),
            created: fresh.length,
            updated: updates.length,
            skipped: read.unsupported.map((u) => `${u.where}: ${u.message}`).slice(0, 100),
          },
        });
      },
      { timeout: 60_000 },
    )
    .finally(forgetQuizCatalogue);
  return { ok: true, format, created: fresh.length, updated: updates.length, ...listed };
}
