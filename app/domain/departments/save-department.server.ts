import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { wouldCreateCycle } from "~/utils/department-tree";

import type { DepartmentForm } from "./department.schema";

export type SaveDepartmentOutcome =
  { ok: true; id: string } | { ok: false; field?: keyof DepartmentForm; error: string };

export async function saveDepartment(
  actor: NonNullable<AuditActor>,
  id: string | null,
  input: DepartmentForm,
): Promise<SaveDepartmentOutcome> {
  const data = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    parentId: input.parentId ?? null,
    sortOrder: input.sortOrder,
  };
  if (data.kind !== "COMPANY" && !data.parentId)
    return { ok: false, field: "parentId", error: "departments.parentRequired" };
  return db.$transaction(async (tx) => {
    const all = await tx.department.findMany({ select: { id: true, parentId: true, name: true, code: true } });
    if (all.some((d) => d.code === data.code && d.id !== id))
      return { ok: false as const, field: "code" as const, error: "departments.codeTaken" };
    if (data.parentId && !all.some((d) => d.id === data.parentId))
      return { ok: false as const, field: "parentId" as const, error: "validation.invalidChoice" };
    if (id && wouldCreateCycle(all, id, data.parentId))
      return { ok: false as const, field: "parentId" as const, error: "departments.cycle" };
    if (id) {
      const before = await tx.department.findUnique({ where: { id } });
      if (!before) return { ok: false as const, error: "errors.notFound" };
      await tx.department.update({ where: { id }, data });
      await writeAudit(tx, {
        actor,
        action: "department.updated",
        entityType: "Department",
        entityId: id,
        summary: {
          before: { code: before.code, name: before.name, kind: before.kind, parentId: before.parentId },
          after: data,
        },
        reason: input.reason,
      });
      return { ok: true as const, id };
    }
    const created = await tx.department.create({ data });
    await writeAudit(tx, {
      actor,
      action: "department.created",
      entityType: "Department",
      entityId: created.id,
      summary: { after: data },
      reason: input.reason,
    });
    return { ok: true as const, id: created.id };
  });
}

/** Only an empty department (no people, no sub-departments) can be removed. */
export async function deleteDepartment(
  actor: NonNullable<AuditActor>,
  id: string,
  reason?: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  return db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({
      where: { id },
      include: { _count: { select: { people: true, children: true, headRoles: true } } },
    });
    if (!department) return { ok: false as const, error: "errors.notFound" };
    if (department._count.people + department._count.children + department._count.headRoles > 0)
      return { ok: false as const, error: "departments.notEmpty" };
    await tx.department.delete({ where: { id } });
    await writeAudit(tx, {
      actor,
      action: "department.deleted",
      entityType: "Department",
      entityId: id,
      summary: { before: { code: department.code, name: department.name } },
      reason,
    });
    return { ok: true as const };
  });
}
