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
  // Steps 001–003: needs survey and annual plan.
  "read:needs-survey",
  "manage:needs-survey",
  "write:department-needs",
  "answer:needs-questionnaire",
  "read:needs-answers",
  "set:needs-requirements",
  "mark:need-outcome",
  "read:annual-plan",
  "draft:annual-plan",
  "approve:annual-plan",
  // Call-script quizzes and the case-work certification (docs/decisions/0007).
  "take:quiz",
  "read:rule",
  "manage:quiz",
  "read:certification",
  // Steps 004–007: monthly plans, course plans and the training budget.
  "read:monthly-plan",
  "draft:monthly-plan",
  "approve:monthly-plan",
  "read:course",
  "draft:course",
  "approve:course",
  "read:training-budget",
  // The year's training budget (the training manager) and its cap (the general manager, 4.5).
  "set:training-budget",
  "set:training-budget-cap",
  // Steps 008–010: preparing an approved course, the heads' confirmation, notices and the session day.
  "prepare:course",
  "override:course-checklist",
  "confirm:course-attendees",
  // Mail leaves through the outbox (docs/decisions/0017); the administrator reads and resends it.
  "read:outbox",
  "manage:outbox",
  // Attendance and leave (step 011, docs/decisions/0018).
  "attend:training",
  "run:sign-in",
  "mark:attendance",
  "request:leave",
  "approve:leave",
  "receive:leave",
  "read:make-ups",
  // Step 012 (docs/decisions/0019): the archive, the pre-job assessment, course evaluations, the rule loop
  // and the leaders' dashboards.
  "close:roster",
  "read:training-file",
  "assess:new-hire",
  "sign-off:assessment",
  "read:assessment",
  "answer:course-survey",
  "read:course-evaluation",
  "read:rule-loop",
  "read:dashboard",
  // Case work and the clearance API (docs/decisions/0009).
  "read:case",
  "import:case",
  "assign:case",
  "work:case",
  "reveal:case-number",
  "manage:api-key",
  // Background jobs (docs/decisions/0021): the administrator watches them and runs one now.
  "read:jobs",
  "run:jobs",
  // The scheduling lists (docs/decisions/0025): the company's rooms and the external trainers.
  "manage:room",
  "manage:external-trainer",
  // Who lectures in-house training: the LECTURER role, marked by the training manager (and the administrator).
  "mark:lecturer",
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
    "manage:api-key": "any",
    "read:outbox": "any",
    "manage:outbox": "any",
    // Loads the banks' case batches into any collection department, without reading the cases.
    "import:case": "any",
    "read:jobs": "any",
    "run:jobs": "any",
    "manage:room": "any",
    "manage:external-trainer": "any",
    "mark:lecturer": "any",
  },
  GENERAL_MANAGER: {
    "read:person": "any",
    "read:audit": "any",
    "read:needs-survey": "any",
    "read:needs-answers": "any",
    "set:needs-requirements": "any",
    "read:annual-plan": "any",
    "read:certification": "any",
    "read:monthly-plan": "any",
    "read:course": "any",
    "read:training-budget": "any",
    "set:training-budget-cap": "any",
    "read:training-file": "any",
    "read:assessment": "any",
    "read:course-evaluation": "any",
    "read:rule-loop": "any",
    "read:dashboard": "any",
  },
  APPROVING_LEADER: {
    "read:person": "any",
    "read:needs-survey": "any",
    "read:needs-answers": "any",
    "read:annual-plan": "any",
    "approve:annual-plan": "any",
    "read:certification": "any",
    "read:monthly-plan": "any",
    "approve:monthly-plan": "any",
    "read:course": "any",
    "read:training-budget": "any",
    "read:training-file": "any",
    "read:assessment": "any",
    "read:course-evaluation": "any",
    "read:rule-loop": "any",
    "read:dashboard": "any",
  },
  TRAINING_MANAGER: {
    "read:person": "any",
    "read:needs-survey": "any",
    "manage:needs-survey": "any",
    "mark:need-outcome": "any",
    "write:department-needs": "any",
    "read:needs-answers": "any",
    "read:annual-plan": "any",
    "draft:annual-plan": "any",
    "manage:quiz": "any",
    "read:certification": "any",
    "read:monthly-plan": "any",
    "draft:monthly-plan": "any",
    "read:course": "any",
    "approve:course": "any",
    "read:training-budget": "any",
    "set:training-budget": "any",
    "override:course-checklist": "any",
    "run:sign-in": "any",
    "mark:attendance": "any",
    "receive:leave": "any",
    "read:make-ups": "any",
    "close:roster": "any",
    "read:training-file": "any",
    "assess:new-hire": "any",
    "read:assessment": "any",
    "read:course-evaluation": "any",
    "read:rule-loop": "any",
    "read:dashboard": "any",
    "mark:lecturer": "any",
  },
  TRAINING_CLERK: {
    "read:person": "any",
    "read:needs-survey": "any",
    "read:annual-plan": "any",
    "read:monthly-plan": "any",
    "read:course": "any",
    "draft:course": "any",
    "read:training-budget": "any",
    "prepare:course": "any",
    "run:sign-in": "any",
    "mark:attendance": "any",
    "receive:leave": "any",
    "read:make-ups": "any",
    "close:roster": "any",
    "read:training-file": "any",
    "read:assessment": "any",
    "read:course-evaluation": "any",
    "read:rule-loop": "any",
  },
  DEPARTMENT_HEAD: {
    "read:person": "department",
    "read:needs-survey": "department",
    "write:department-needs": "department",
    "read:needs-answers": "department",
    "read:annual-plan": "any",
    "read:certification": "department",
    "read:monthly-plan": "any",
    "read:course": "department",
    "confirm:course-attendees": "department",
    "approve:leave": "department",
    "read:case": "department",
    "import:case": "department",
    "assign:case": "department",
    "reveal:case-number": "department",
    "read:training-file": "department",
    // The supervisor of the department's new hires scores them and signs the form off.
    "assess:new-hire": "department",
    "sign-off:assessment": "department",
    "read:assessment": "department",
    "read:rule-loop": "department",
    "read:dashboard": "department",
  },
  LECTURER: {
    // Only the new hires of the courses they lecture, and their own courses' evaluations.
    "assess:new-hire": "own",
    "read:assessment": "own",
    "read:course-evaluation": "own",
  },
  EMPLOYEE: {
    "answer:needs-questionnaire": "own",
    "take:quiz": "own",
    "attend:training": "own",
    "request:leave": "own",
    "read:rule": "any",
    "read:case": "own",
    "work:case": "own",
    "reveal:case-number": "own",
    "read:training-file": "own",
    "answer:course-survey": "own",
  },
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

/** The roles holding a permission over every department: those told when only they can act. */
export function rolesWithAnyScope(permission: Permission): RoleName[] {
  return ROLES.filter((role) => GRANTS[role][permission] === "any");
}
