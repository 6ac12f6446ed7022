import { can, type Permission, type RoleName } from "~/utils/permissions";

// Every page the navigation can show; a later capability adds its entry here.
export const NAV_GROUPS = ["main", "training", "certification", "cases", "admin"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];
export type NavItem = { to: string; labelKey: string; icon: string; group: NavGroup; permission?: Permission };

export const NAV_ITEMS: NavItem[] = [
  { to: "/home", labelKey: "nav.home", group: "main", icon: "home" },
  { to: "/people", labelKey: "nav.people", group: "admin", icon: "people", permission: "read:person" },
  { to: "/departments", labelKey: "nav.departments", group: "admin", icon: "tree", permission: "manage:department" },
  { to: "/rooms", labelKey: "nav.rooms", group: "admin", icon: "tree", permission: "manage:room" },
  {
    to: "/trainers",
    labelKey: "nav.trainers",
    group: "admin",
    icon: "people",
    permission: "manage:external-trainer",
  },
  { to: "/needs", labelKey: "nav.needs", group: "training", icon: "survey", permission: "read:needs-survey" },
  {
    to: "/questionnaire",
    labelKey: "nav.questionnaire",
    group: "training",
    icon: "form",
    permission: "answer:needs-questionnaire",
  },
  { to: "/plans", labelKey: "nav.plans", group: "training", icon: "calendar", permission: "read:annual-plan" },
  {
    to: "/monthly-plans",
    labelKey: "nav.monthlyPlans",
    group: "training",
    icon: "calendar",
    permission: "read:monthly-plan",
  },
  // Everyone has a calendar: an agent's shows the sessions they attend.
  { to: "/calendar", labelKey: "nav.calendar", group: "training", icon: "calendar" },
  { to: "/courses", labelKey: "nav.courses", group: "training", icon: "form", permission: "read:course" },
  {
    to: "/preparation",
    labelKey: "nav.preparation",
    group: "training",
    icon: "form",
    permission: "read:course",
  },
  {
    to: "/training-day",
    labelKey: "nav.trainingDay",
    group: "training",
    icon: "calendar",
    permission: "prepare:course",
  },
  // The internal lecturers the training manager marks (the course form's lecturer picker offers them).
  { to: "/lecturers", labelKey: "nav.lecturers", group: "training", icon: "people", permission: "mark:lecturer" },
  // Leave forms: every employee asks for their own; heads decide and clerks receive on the same page.
  { to: "/leave", labelKey: "nav.leave", group: "training", icon: "form", permission: "request:leave" },
  // Make-ups (step 011): the clerk's and training manager's tracking; every trainee's own offers.
  { to: "/make-ups", labelKey: "nav.makeUps", group: "training", icon: "form", permission: "read:make-ups" },
  { to: "/my-make-ups", labelKey: "nav.myMakeUps", group: "training", icon: "calendar", permission: "attend:training" },
  // Step 012: closing rosters into the archive, everyone's training file, assessments and evaluations.
  { to: "/archive", labelKey: "nav.archive", group: "training", icon: "form", permission: "close:roster" },
  {
    to: "/training-files",
    labelKey: "nav.trainingFiles",
    group: "training",
    icon: "people",
    permission: "read:training-file",
  },
  { to: "/assessments", labelKey: "nav.assessments", group: "training", icon: "badge", permission: "read:assessment" },
  {
    to: "/evaluations",
    labelKey: "nav.evaluations",
    group: "training",
    icon: "survey",
    permission: "read:course-evaluation",
  },
  { to: "/dashboard", labelKey: "nav.dashboard", group: "main", icon: "calendar", permission: "read:dashboard" },
  { to: "/budget", labelKey: "nav.budget", group: "training", icon: "bank", permission: "read:training-budget" },
  { to: "/quiz", labelKey: "nav.quiz", group: "certification", icon: "quiz", permission: "take:quiz" },
  { to: "/quiz/rules", labelKey: "nav.callRules", group: "certification", icon: "rules", permission: "read:rule" },
  {
    to: "/quiz/questions",
    labelKey: "nav.questionBank",
    group: "certification",
    icon: "bank",
    permission: "manage:quiz",
  },
  { to: "/rule-loop", labelKey: "nav.ruleLoop", group: "certification", icon: "rules", permission: "read:rule-loop" },
  {
    to: "/certification",
    labelKey: "nav.certification",
    group: "certification",
    icon: "badge",
    permission: "read:certification",
  },
  { to: "/cases", labelKey: "nav.cases", group: "cases", icon: "inbox", permission: "read:case" },
  { to: "/cases/import", labelKey: "nav.caseImport", group: "cases", icon: "form", permission: "import:case" },
  { to: "/cases/slur-words", labelKey: "nav.slurWords", group: "cases", icon: "rules", permission: "manage:quiz" },
  { to: "/api-keys", labelKey: "nav.apiKeys", group: "admin", icon: "gear", permission: "manage:api-key" },
  { to: "/outbox", labelKey: "nav.outbox", group: "admin", icon: "inbox", permission: "read:outbox" },
  { to: "/jobs", labelKey: "nav.jobs", group: "admin", icon: "log", permission: "read:jobs" },
  { to: "/audit", labelKey: "nav.audit", group: "admin", icon: "log", permission: "read:audit" },
  { to: "/settings", labelKey: "nav.settings", group: "admin", icon: "gear", permission: "manage:settings" },
];

/** Only what the roles may use, grouped in the order of NAV_GROUPS. */
export function navFor(roles: readonly RoleName[]): NavItem[] {
  const allowed = NAV_ITEMS.filter((item) => !item.permission || can(roles, item.permission));
  return NAV_GROUPS.flatMap((group) => allowed.filter((item) => item.group === group));
}
