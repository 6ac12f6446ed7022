import { autoAssignCaseWork } from "~/domain/quiz/assign-quiz.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";

import { personColumns, type PersonForm } from "./people.schema";

export type SavePersonOutcome = { ok: true; id: string } | { ok: false; field?: keyof PersonForm; error: string };

// Audit summaries never hold full phone numbers.
const auditView = (p: ReturnType<typeof personColumns>) => ({
  ...p,
  phone: p.phone ? "(set)" : null,
  hireDate: p.hireDate?.toISOString().slice(0, 10) ?? null,
});

/** The employee number must be nobody else's, and the department must exist. */
async function refusal(
  tx: Tx,
  data: ReturnType<typeof personColumns>,
  selfId?: string,
): Promise<SavePersonOutcome | null> {
  if (
    await tx.person.findFirst({
      where: { employeeNo: data.employeeNo, NOT: selfId ? { id: selfId } : undefined },
      select: { id: true },
    })
  ) {
    return { ok: false, field: "employeeNo", error: "people.employeeNoTaken" };
  }
  if (!(await tx.department.findUnique({ where: { id: data.departmentId }, select: { id: true } }))) {
    return { ok: false, field: "departmentId", error: "validation.invalidChoice" };
  }
  return null;
}

export async function createPerson(actor: NonNullable<AuditActor>, input: PersonForm): Promise<SavePersonOutcome> {
  const data = personColumns(input);
  return db.$transaction(async (tx) => {
    const refused = await refusal(tx, data);
    if (refused) return refused;
    const person = await tx.person.create({
      data: { ...data, mustChangePassword: true, roles: { create: [{ role: "EMPLOYEE" }] } },
    });
    await autoAssignCaseWork(tx, [{ personId: person.id, before: null, after: data }]);
    await writeAudit(tx, {
      actor,
      action: "person.created",
      entityType: "Person",
      entityId: person.id,
      summary: { after: auditView(data) },
      reason: input.reason,
    });
    return { ok: true as const, id: person.id };
  });
}

/**
 * Saves an edit only if nobody changed the person since the form was opened (updatedAt matches):
 * of two administrators editing at once, exactly one wins.
 */
export async function updatePerson(
  actor: NonNullable<AuditActor>,
  id: string,
  input: PersonForm,
  expectedUpdatedAt: string,
): Promise<SavePersonOutcome> {
  const data = personColumns(input);
  return db.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { id } });
    if (!before) return { ok: false as const, error: "errors.notFound" };
    const refused = await refusal(tx, data, id);
    if (refused) return refused;
    const updated = await tx.person.updateMany({ where: { id, updatedAt: new Date(expectedUpdatedAt) }, data });
    if (updated.count === 0) return { ok: false as const, error: "errors.conflict" };
    if (data.status === "LEFT") await tx.session.deleteMany({ where: { personId: id } });
    await autoAssignCaseWork(tx, [{ personId: id, before, after: data }]);
    await writeAudit(tx, {
      actor,
      action: "person.updated",
      entityType: "Person",
      entityId: id,
      summary: { before: auditView(personColumns(before)), after: auditView(data) },
      reason: input.reason,
    });
    return { ok: true as const, id };
  });
}
