// Importing a case batch (委案) into a collection department the importer may use: every row is
// checked first, then one transaction saves the batch, its cases (numbers encrypted) and one audit
// entry. All or nothing. Any other department (outside the importer's scope, or without collection
// staff) is refused and audited, and nothing is read from the file.
import { readPeopleFile, type UploadedFile } from "~/domain/people/people-file.server";
import { Prisma } from "~/generated/prisma/client";
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { maskIdNumber } from "~/utils/mask";

import { encryptNumber } from "./case-crypto.server";
import { caseNumbersIn, checkCaseRows, MAX_CASE_ROWS, type CaseImportError } from "./case-import-rules";
import { maskCardNumber } from "./case-numbers";
import { caseImportDepartments } from "./case-queries.server";

export type CaseImportOutcome =
  { ok: true; batchId: string; created: number } | { ok: false; errors: CaseImportError[]; refused?: true };
const wholeFile = (message: string): CaseImportOutcome => ({ ok: false, errors: [{ row: 0, column: "", message }] });

type Actor = { id: string; employeeNo: string };

/** `scope`: the department ids the importer's import:case scope covers (null: every department). */
export async function importCaseBatch(
  actor: Actor,
  scope: string[] | null,
  departmentId: string,
  file: UploadedFile,
): Promise<CaseImportOutcome> {
  if (!(await caseImportDepartments(scope)).some((d) => d.id === departmentId))
    return refuse(actor, departmentId, file);
  const read = await readPeopleFile(file, MAX_CASE_ROWS);
  // The people file reader's messages name the file, not people: they fit here too.
  if (!read.ok) return wholeFile(read.error);
  // A batch never overwrites a case: numbers already here are reported by row, in the same pass as
  // every other error of the file (looked up first, from the file's case number column).
  const named = caseNumbersIn(read.rows);
  const existing = named.length
    ? await db.collectionCase.findMany({ where: { caseNo: { in: named } }, select: { caseNo: true } })
    : [];
  const checked = checkCaseRows(read.rows, new Set(existing.map((c) => c.caseNo)));
  if (!checked.ok) return checked;
  const rows = checked.rows;
  const at = now();
  try {
    return await db.$transaction(
      async (tx) => {
        const banks = [...new Set(rows.map((r) => r.clientBank))];
        const batch = await tx.caseBatch.create({
          data: {
            clientBank: banks.join("、").slice(0, 200),
            fileName: file.name.slice(0, 200),
            departmentId,
            importedById: actor.id,
            importedAt: at,
            caseCount: rows.length,
          },
          select: { id: true },
        });
        await tx.collectionCase.createMany({
          data: rows.map((r) => ({
            caseNo: r.caseNo,
            batchId: batch.id,
            clientBank: r.clientBank,
            debtorName: r.debtorName,
            idNumberEnc: encryptNumber(r.idNumber),
            idNumberMasked: maskIdNumber(r.idNumber),
            cardNumberEnc: encryptNumber(r.cardNumber),
            cardNumberMasked: maskCardNumber(r.cardNumber),
            amountOwedFen: r.amountOwedFen,
            overdueDays: r.overdueDays,
            phones: r.phones,
            address: r.address,
            mandateDueDate: r.mandateDueDate,
            departmentId,
          })),
        });
        await writeAudit(tx, {
          actor,
          action: "caseBatch.imported",
          entityType: "CaseBatch",
          entityId: batch.id,
          summary: { cases: rows.length, banks, fileName: file.name.slice(0, 200), departmentId },
        });
        return { ok: true as const, batchId: batch.id, created: rows.length };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    // Another import took one of these case numbers meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return wholeFile("cases.import.conflict");
    throw error;
  }
}

async function refuse(actor: Actor, departmentId: string, file: UploadedFile): Promise<CaseImportOutcome> {
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: "caseBatch.importRefused",
      entityType: "Department",
      entityId: departmentId,
      summary: { reason: "departmentNotAllowed", fileName: file.name.slice(0, 200) },
    }),
  );
  return { ok: false, refused: true, errors: [{ row: 0, column: "", message: "cases.import.departmentRefused" }] };
}
