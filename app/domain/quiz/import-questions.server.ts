// Importing questions from .xlsx, Moodle XML or GIFT: all or nothing. Every question is checked first;
// any error means nothing is saved. Content the format holds that TrainGate cannot represent is
// listed, and the import goes ahead only once the training manager has confirmed skipping it.
// New questions start inactive, waiting for review (one batch per file); a stem already in the bank is
// flagged here and again in the review list.
import { randomUUID } from "node:crypto";

import { decodeText } from "~/domain/people/people-file.server";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { messageKey } from "~/utils/validation";

import { readGift } from "./gift";
import { readMoodleXml } from "./moodle-xml";
import { bankDuplicates } from "./question-duplicates.server";
import { checkImported, type ImportError, type ReadResult, type Unsupported } from "./question-import-rules";
import { contentChanged } from "./question-review-rules";
import { readQuestionsXlsx } from "./question-xlsx.server";
import { forgetQuizCatalogue, notifyQuizChange } from "./quiz-catalogue.server";
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
      /** The review batch the new and changed questions wait in (null when nothing needs review). */
      batchId: string | null;
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

  const freshChecked = checked.valid.filter((v) => !v.id);
  const fresh = freshChecked.map((v) => v.value);
  const updates = checked.valid.filter((v) => v.id);
  const stored = await db.quizQuestion.findMany({
    where: { id: { in: updates.map((u) => u.id!) } },
    select: {
      id: true,
      kind: true,
      stem: true,
      explanation: true,
      options: { orderBy: { sortOrder: "asc" }, select: { text: true, isCorrect: true } },
      rules: { select: { ruleId: true } },
    },
  });
  const storedById = new Map(stored.map((q) => [q.id, { ...q, ruleIds: q.rules.map((r) => r.ruleId) }]));
  const changed = updates.filter((u) => contentChanged(storedById.get(u.id!)!, u.value));
  const batchId = fresh.length || changed.length ? randomUUID() : null;
  // Flagged against the bank and against the file's other new questions.
  const candidates = fresh.map((q, k) => ({ id: `new:${k}`, stem: q.stem }));
  const duplicates = await bankDuplicates(candidates, candidates);
  const duplicateNotes = [...duplicates].map(([id, same]) => ({
    where: freshChecked[Number(id.slice(4))].where,
    message: messageKey("quiz.import.notes.duplicate", { stem: same[0].stem.slice(0, 60) }),
  }));
  const reviewNotes = changed.map((u) => ({ where: u.where, message: "quiz.import.notes.changedToReview" }));
  const listedNotes = [...read.notes, ...duplicateNotes, ...reviewNotes];
  await db
    .$transaction(
      async (tx) => {
        if (fresh.length) await insertQuestions(tx, fresh, format, { batchId: batchId! });
        for (const u of updates) await replaceQuestion(tx, u.id!, u.value);
        if (changed.length)
          await tx.quizQuestion.updateMany({
            where: { id: { in: changed.map((u) => u.id!) } },
            data: { active: false, reviewPending: true, importBatchId: batchId },
          });
        await notifyQuizChange(tx);
        await writeAudit(tx, {
          actor,
          action: "quiz.questions_imported",
          entityType: "QuizQuestion",
          summary: {
            format,
            fileName: file.name.slice(0, 200),
            created: fresh.length,
            updated: updates.length,
            sentToReview: changed.length,
            batchId,
            duplicates: duplicateNotes.length,
            skipped: read.unsupported.map((u) => `${u.where}: ${u.message}`).slice(0, 100),
          },
        });
      },
      { timeout: 60_000 },
    )
    .finally(forgetQuizCatalogue);
  return {
    ok: true,
    format,
    created: fresh.length,
    updated: updates.length,
    batchId,
    unsupported: read.unsupported,
    notes: listedNotes,
  };
}
