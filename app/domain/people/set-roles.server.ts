import { stillLecturing } from "~/domain/scheduling/mark-lecturer.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import type { RoleName } from "~/utils/permissions";

export type SetRolesOutcome = { ok: true } | { ok: false; field?: string; error: string };

/** Replaces a person's roles; a department head must name the department they head. */
export async function setRoles(
  actor: NonNullable<AuditActor>,
  personId: string,
  input: { roles: RoleName[]; headOfDepartmentId?: string; reason?: string },
): Promise<SetRolesOutcome> {
  const roles = [...new Set(input.roles)];
  if (roles.includes("DEPARTMENT_HEAD") && !input.headOfDepartmentId)
    return { ok: false, field: "headOfDepartmentId", error: "people.headNeedsDepartment" };
  if (personId === actor.id && !roles.includes("ADMIN"))
    return { ok: false, field: "roles", error: "people.cannotDropOwnAdmin" };
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({
      where: { id: personId },
      select: { id: true, name: true, roles: { select: { role: true, departmentId: true } } },
    });
    if (!person) return { ok: false as const, error: "errors.notFound" };
    // Taking the LECTURER role back is unmarking a lecturer: not while they lecture a course not yet held.
    if (person.roles.some((r) => r.role === "LECTURER") && !roles.includes("LECTURER")) {
      const refused = await stillLecturing(tx, person);
      if (refused) return { ok: false as const, field: "roles", error: refused };
    }
    if (input.headOfDepartmentId && roles.includes("DEPARTMENT_HEAD")) {
      if (!(await tx.department.findUnique({ where: { id: input.headOfDepartmentId }, select: { id: true } }))) {
        return { ok: false as const, field: "headOfDepartmentId", error: "validation.invalidChoice" };
      }
    }
    await tx.roleAssignment.deleteMany({ where: { personId } });
    await tx.roleAssignment.createMany({
      data: roles.map((role) => ({
        personId,
        role,
        departmentId: role === "DEPARTMENT_HEAD" ? input.headOfDepartmentId! : null,
      })),
    });
    await writeAudit(tx, {
      actor,
      action: "person.roles_changed",
      entityType: "Person",
      entityId: personId,
      summary: {
        before: person.roles,
        after: roles.map((role) => ({
          role,
          departmentId: role === "DEPARTMENT_HEAD" ? input.headOfDepartmentId : null,
        })),
      },
      reason: input.reason,
    });
    return { ok: true as const };
  });
}
