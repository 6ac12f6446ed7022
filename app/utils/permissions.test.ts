import { describe, expect, it } from "vitest";

import { can, PERMISSIONS, ROLES, scopeFor } from "./permissions";

// The foundation's administrative permissions; later capabilities test their own grants beside their code.
const FOUNDATION = [
  "read:person",
  "write:person",
  "import:person",
  "assign:role",
  "manage:department",
  "read:audit",
  "manage:settings",
] as const;

describe("permissions", () => {
  it("an administrator may do everything the foundation offers, over every department", () => {
    for (const permission of FOUNDATION) expect(scopeFor(["ADMIN"], permission)).toBe("any");
  });

  it("a department head reads people of their own department only, and changes nothing", () => {
    expect(scopeFor(["DEPARTMENT_HEAD"], "read:person")).toBe("department");
    for (const permission of FOUNDATION.filter((p) => p !== "read:person"))
      expect(can(["DEPARTMENT_HEAD"], permission)).toBe(false);
  });

  it("an agent (employee) and a lecturer hold none of the administrative permissions", () => {
    for (const permission of FOUNDATION) {
      expect(can(["EMPLOYEE"], permission)).toBe(false);
      expect(can(["LECTURER"], permission)).toBe(false);
    }
  });

  it("the general manager browses the audit log but cannot change people or settings", () => {
    expect(can(["GENERAL_MANAGER"], "read:audit")).toBe(true);
    expect(can(["GENERAL_MANAGER"], "write:person")).toBe(false);
    expect(can(["GENERAL_MANAGER"], "manage:settings")).toBe(false);
  });

  it("several roles give the widest scope among them", () => {
    expect(scopeFor(["DEPARTMENT_HEAD", "TRAINING_MANAGER"], "read:person")).toBe("any");
    expect(scopeFor(["EMPLOYEE", "DEPARTMENT_HEAD"], "read:person")).toBe("department");
  });

  it("every foundation permission is declared", () => {
    for (const permission of FOUNDATION) expect(PERMISSIONS).toContain(permission);
  });

  it.each(ROLES)("role %s is in the grant table", (role) => {
    expect(() => scopeFor([role], "read:person")).not.toThrow();
  });
});
