// Builders shared by the demo seed and the tests, so fixtures look like the demo company.
import type { Tx } from "../../app/utils/db.server";
import type { RoleName } from "../../app/utils/permissions";

type DepartmentKind = "COMPANY" | "DEPARTMENT" | "TEAM";
type PersonStatus = "ACTIVE" | "NEW_HIRE" | "TRANSFERRING" | "LEFT";

export async function makeDepartment(
  tx: Tx,
  input: { code: string; name: string; kind?: DepartmentKind; parentId?: string | null; sortOrder?: number },
) {
  return tx.department.create({
    data: {
      code: input.code,
      name: input.name,
      kind: input.kind ?? "DEPARTMENT",
      parentId: input.parentId ?? null,
      sortOrder: input.sortOrder ?? 0,
    },
  });
}

export type PersonFixture = {
  employeeNo: string;
  name: string;
  departmentId: string;
  post?: string;
  phone?: string | null;
  email?: string | null;
  hireDate?: Date | null;
  status?: PersonStatus;
  passwordHash?: string | null;
  mustChangePassword?: boolean;
  roles?: Array<RoleName | { role: RoleName; departmentId: string }>;
};

export async function makePerson(tx: Tx, input: PersonFixture) {
  return tx.person.create({
    data: {
      employeeNo: input.employeeNo,
      name: input.name,
      departmentId: input.departmentId,
      post: input.post ?? "催收员",
      phone: input.phone ?? null,
      email: input.email ?? null,
      hireDate: input.hireDate ?? null,
      status: input.status ?? "ACTIVE",
      passwordHash: input.passwordHash ?? null,
      mustChangePassword: input.mustChangePassword ?? false,
      roles: {
        create: (input.roles ?? ["EMPLOYEE"]).map((r) =>
          typeof r === "string" ? { role: r } : { role: r.role, departmentId: r.departmentId },
        ),
      },
    },
  });
}
