// Importing a case batch (委案): every row is checked first, then one transaction saves the batch,
// its cases (numbers encrypted) and one audit entry. All or nothing.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { writeAudit } from "~/utils/audit.server";
import { maskIdNumber } from "~/utils/mask";
import { readPeopleFile, type UploadedFile } from "~/domain/people/people-file.server";
import { checkCaseRows, type CaseImportError } from "./case-import-rules";
import { encryptNumber } from "./case-crypto.server";
import { maskCardNumber } from "./case-numbers";

export type CaseImportOutcome = { ok: true; batchId: string; created: number } | { ok: false; errors: CaseImportError[] };
const wholeFile = (message: string): CaseImportOutcome => ({ ok: false, errors: [{ row: 0, column: "", message }] });

export async function importCaseBatch(actor: { id: string; employeeNo: string }, departmentId: string, file: UploadedFile): Promise<CaseImportOutcome> {
  const read = await readPeopleFile(file);
  // The people file reader's messages name the file, not people: they fit here too.
  if (!read.ok) return wholeFile(read.error);
  let checked = checkCaseRows(read.rows, new Set());
  if (!checked.ok) return checked;
  // A batch never overwrites a case: numbers already here are reported by row, like any other error.
  const existing = await db.collectionCase.findMany({ where: { caseNo: { in: checked.rows.map((r) => r.caseNo) } }, select: { caseNo: true } });
  if (existing.length) checked = checkCaseRows(read.rows, new Set(existing.map((c) => c.caseNo)));
  if (!checked.ok) return checked;
  const rows = checked.rows;
  const at = now();
  try {
    return await db.$transaction(
      async (tx) => {
        const banks = [...new Set(rows.map((r) => r.clientBank))];
        const batch = await tx.caseBatch.create({ data: { clientBank: banks.join("、").slice(0, 200), fileName: file.name.slice(0, 200), departmentId, importedById: actor.id, importedAt: at, caseCount: rows.length }, select: { id: true } });
        await tx.collectionCase.createMany({
          data: rows.map((r) => ({
            caseNo: r.caseNo, batchId: batch.id, clientBank: r.clientBank, debtorName: r.debtorName,
            idNumberEnc: encryptNumber(r.idNumber), idNumberMasked: maskIdNumber(r.idNumber),
            cardNumberEnc: encryptNumber(r.cardNumber), cardNumberMasked: maskCardNumber(r.cardNumber),
            amountOwedFen: r.amountOwedFen, overdueDays: r.overdueDays, phones: r.phones, address: r.address, mandateDueDate: r.mandateDueDate, departmentId,
          })),
        });
        await writeAudit(tx, { actor, action: "caseBatch.imported", entityType: "CaseBatch", entityId: batch.id, summary: { cases: rows.length, banks, fileName: file.name.slice(0, 200), departmentId } });
        return { ok: true as const, batchId: batch.id, created: rows.length };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    // Another import took one of these case numbers meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return wholeFile("cases.import.conflict");
    throw error;
  }
}
