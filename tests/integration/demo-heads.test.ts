// The demo company has a head for every department, 总经办, 培训部 and 客服部 included, so a
// survey's forms, confirmations and reminders reach someone in each.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

describe("the demo company's department heads", () => {
  it("every department has one: G0001 heads 总经办, T0001 培训部, K0001 客服部", async () => {
    const departments = await db.department.findMany({
      where: { kind: "DEPARTMENT" },
      select: {
        name: true,
        headRoles: { where: { role: "DEPARTMENT_HEAD" }, select: { person: { select: { employeeNo: true } } } },
      },
      orderBy: { sortOrder: "asc" },
    });
    expect(departments.filter((d) => d.headRoles.length === 0).map((d) => d.name)).toEqual([]);
    const heads = Object.fromEntries(departments.map((d) => [d.name, d.headRoles.map((h) => h.person.employeeNo)]));
    expect(heads).toMatchObject({ 总经办: ["G0001"], 培训部: ["T0001"], 客服部: ["K0001"] });
  });
});
