import { autoAssignCaseWork } from "~/domain/quiz/assign-quiz.server";
import { Prisma } from "~/generated/prisma/client";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";

import { readPeopleFile, type UploadedFile } from "./people-file.server";
import { checkImportRows, type ImportError, type ImportRow } from "./people-import-rules";
import { personColumns } from "./people.schema";

export type ImportActor = { id: string; employeeNo: string };
export type ImportOutcome =
  { ok: true; created: number; updated: number; unchanged: number } | { ok: false; errors: ImportError[] };

const wholeFile = (message: string): ImportOutcome => ({ ok: false, errors: [{ row: 0, column: "", message }] });

// Keeps each INSERT well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 1_000;

/** All or nothing: every row is checked first, then one transaction saves them with one audit entry. */
export async function importPeople(actor: ImportActor, file: UploadedFile): Promise<ImportOutcome> {
  const read = await readPeopleFile(file);
  if (!read.ok) return wholeFile(read.error);
  const departments = await db.department.findMany({ select: { id: true, code: true, name: true } });
  const checked = checkImportRows(read.rows, departments);
  if (!checked.ok) return checked;

  try {
    return await db.$transaction(
      async (tx) => {
        const counts = await savePeople(tx, checked.rows);
        await writeAudit(tx, {
          actor,
          action: "people.imported",
          entityType: "PersonImport",
          summary: { ...counts, fileName: file.name.slice(0, 200) },
        });
        return { ok: true as const, ...counts };
      },
      // 5,000 rows take longer than Prisma's 5-second default.
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    // Someone else created one of these employee numbers, or removed a department, meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2003"))
      return wholeFile("peopleImport.conflict");
    throw error;
  }
}

async function savePeople(tx: Tx, rows: ImportRow[]) {
  const existing = await tx.person.findMany({
    where: { employeeNo: { in: rows.map((r) => r.employeeNo) } },
    select: {
      id: true,
      employeeNo: true,
      name: true,
      departmentId: true,
      post: true,
      phone: true,
      email: true,
      hireDate: true,
      status: true,
    },
  });
  const byEmployeeNo = new Map(existing.map((p) => [p.employeeNo, p]));

  const fresh = rows.filter((r) => !byEmployeeNo.has(r.employeeNo));
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const created = await tx.person.createManyAndReturn({
      data: fresh.slice(i, i + CHUNK).map((r) => ({
        ...personColumns({ ...r, status: r.status ?? "ACTIVE" }),
        // No password yet: an administrator sets one, and the person changes it at first login.
        passwordHash: null,
        mustChangePassword: true,
      })),
      select: { id: true, post: true, status: true },
    });
    await tx.roleAssignment.createMany({ data: created.map((p) => ({ personId: p.id, role: "EMPLOYEE" as const })) });
    await autoAssignCaseWork(
      tx,
      created.map((p) => ({ personId: p.id, before: null, after: p })),
    );
  }

  let updated = 0;
  // Anyone moved into a collection post, or marked as transferring, is assigned the quiz, as the form does.
  const moves: Parameters<typeof autoAssignCaseWork>[1] = [];
  for (const row of rows) {
    const current = byEmployeeNo.get(row.employeeNo);
    if (!current) continue;
    const changes = changesFor(current, row);
    if (Object.keys(changes).length === 0) continue;
    await tx.person.update({ where: { id: current.id }, data: changes });
    updated++;
    if (changes.post !== undefined || changes.status !== undefined) {
      moves.push({
        personId: current.id,
        before: current,
        after: { post: row.post, status: row.status ?? current.status },
      });
    }
  }
  await autoAssignCaseWork(tx, moves);
  return { created: fresh.length, updated, unchanged: existing.length - updated };
}

type Current = {
  name: string;
  departmentId: string;
  post: string;
  phone: string | null;
  email: string | null;
  hireDate: Date | null;
  status: ImportRow["status"];
};

// Only what differs is written, so re-importing the same file changes nothing and counts nothing as updated.
function changesFor(current: Current, row: ImportRow): Prisma.PersonUncheckedUpdateInput {
  const changes: Prisma.PersonUncheckedUpdateInput = {};
  if (row.name !== current.name) changes.name = row.name;
  if (row.departmentId !== current.departmentId) changes.departmentId = row.departmentId;
  if (row.post !== current.post) changes.post = row.post;
  if (row.phone !== undefined && row.phone !== current.phone) changes.phone = row.phone;
  if (row.email !== undefined && row.email !== current.email) changes.email = row.email;
  if (row.hireDate !== undefined && row.hireDate?.getTime() !== current.hireDate?.getTime())
    changes.hireDate = row.hireDate;
  if (row.status !== undefined && row.status !== current.status) changes.status = row.status;
  return changes;
}
