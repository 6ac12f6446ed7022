// Pure: which role may do what, and over which scope. Checked on the server by requirePermission.
export const ROLES = [
  "ADMIN",
  "GENERAL_MANAGER",
  "APPROVING_LEADER",
  "TRAINING_MANAGER",
  "TRAINING_CLERK",
  "DEPARTMENT_HEAD",
  "LECTURER",
  "EMPLOYEE",
] as const;
export type RoleName = (typeof ROLES)[number];

export type Scope = "own" | "department" | "any";

export const PERMISSIONS = [
  "read:person",
  "write:person",
  "import:person",
  "assign:role",
  "manage:department",
  "read:audit",
  "manage:settings",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<RoleName, Partial<Record<Permission, Scope>>> = {
  ADMIN: {
    "read:person": "any",
    "write:person": "any",
    "import:person": "any",
    "assign:role": "any",
    "manage:department": "any",
    "read:audit": "any",
    "manage:settings": "any",
  },
  GENERAL_MANAGER: { "read:person": "any", "read:audit": "any" },
  APPROVING_LEADER: { "read:person": "any" },
  TRAINING_MANAGER: { "read:person": "any" },
  TRAINING_CLERK: { "read:person": "any" },
  DEPARTMENT_HEAD: { "read:person": "department" },
  LECTURER: {},
  EMPLOYEE: {},
};

const WIDTH: Record<Scope, number> = { own: 1, department: 2, any: 3 };

/** The widest scope any of the roles grants for the permission, or null when none does. */
export function scopeFor(roles: readonly RoleName[], permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    const scope = GRANTS[role][permission];
    if (scope && (!best || WIDTH[scope] > WIDTH[best])) best = scope;
  }
  return best;
}

export function can(roles: readonly RoleName[], permission: Permission): boolean {
  return scopeFor(roles, permission) !== null;
}
