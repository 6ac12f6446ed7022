import { randomBytes } from "node:crypto";

import { hashPassword } from "~/domain/auth/password.server";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { EmployeeNoSchema } from "./people.schema";

/**
 * The first administrator of a production install (no demo data there): a one-time password that
 * must be changed at first sign-in. Creates the company's root department when there is none.
 */
export async function bootstrapAdmin(input: { employeeNo: string; name: string; companyName: string }) {
  const employeeNo = EmployeeNoSchema.parse(input.employeeNo);
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    if (await tx.person.findUnique({ where: { employeeNo } })) throw new Error(`${employeeNo} already exists`);
    const company =
      (await tx.department.findFirst({ where: { parentId: null } })) ??
      (await tx.department.create({ data: { code: "HQ", name: input.companyName, kind: "COMPANY" } }));
    const person = await tx.person.create({
      data: {
        employeeNo,
        name: input.name,
        departmentId: company.id,
        post: "系统管理员",
        passwordHash,
        mustChangePassword: true,
        roles: { create: [{ role: "ADMIN" }, { role: "EMPLOYEE" }] },
      },
    });
    await writeAudit(tx, {
      actor: null,
      action: "person.created",
      entityType: "Person",
      entityId: person.id,
      summary: { after: { employeeNo, roles: ["ADMIN"] } },
      reason: "bootstrap",
    });
  });
  return { employeeNo, password };
}
