import { expect, it } from "vitest";

import { login } from "~/domain/auth/login.server";
import { db } from "~/utils/db.server";

import { bootstrapAdmin } from "./bootstrap-admin.server";

it("a production install gets its first administrator, who must change the one-time password", async () => {
  const { password } = await bootstrapAdmin({ employeeNo: "a9000", name: "王管理", companyName: "测试公司" });
  const result = await login({ employeeNo: "A9000", password, source: "192.0.2.1" });
  expect(result).toMatchObject({ ok: true, mustChangePassword: true });
  const person = await db.person.findUniqueOrThrow({ where: { employeeNo: "A9000" }, include: { roles: true } });
  expect(person.roles.map((r) => r.role).sort()).toEqual(["ADMIN", "EMPLOYEE"]);
  await expect(bootstrapAdmin({ employeeNo: "A9000", name: "重复", companyName: "测试公司" })).rejects.toThrow();
});
