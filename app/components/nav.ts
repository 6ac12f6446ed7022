import { can, type Permission, type RoleName } from "~/utils/permissions";

// Every page the navigation can show; a later capability adds its entry here.
export type NavItem = { to: string; labelKey: string; icon: string; permission?: Permission };

export const NAV_ITEMS: NavItem[] = [
  { to: "/home", labelKey: "nav.home", icon: "home" },
  { to: "/people", labelKey: "nav.people", icon: "people", permission: "read:person" },
  { to: "/departments", labelKey: "nav.departments", icon: "tree", permission: "manage:department" },
  { to: "/needs", labelKey: "nav.needs", icon: "survey", permission: "read:needs-survey" },
  { to: "/questionnaire", labelKey: "nav.questionnaire", icon: "form", permission: "answer:needs-questionnaire" },
  { to: "/plans", labelKey: "nav.plans", icon: "calendar", permission: "read:annual-plan" },
  { to: "/monthly-plans", labelKey: "nav.monthlyPlans", icon: "calendar", permission: "read:monthly-plan" },
  { to: "/calendar", labelKey: "nav.calendar", icon: "calendar", permission: "read:monthly-plan" },
  { to: "/courses", labelKey: "nav.courses", icon: "form", permission: "read:course" },
  { to: "/budget", labelKey: "nav.budget", icon: "bank", permission: "read:training-budget" },
  { to: "/quiz", labelKey: "nav.quiz", icon: "quiz", permission: "take:quiz" },
  { to: "/quiz/rules", labelKey: "nav.callRules", icon: "rules", permission: "read:rule" },
  { to: "/quiz/questions", labelKey: "nav.questionBank", icon: "bank", permission: "manage:quiz" },
  { to: "/certification", labelKey: "nav.certification", icon: "badge", permission: "read:certification" },
  { to: "/cases", labelKey: "nav.cases", icon: "inbox", permission: "read:case" },
  { to: "/cases/slur-words", labelKey: "nav.slurWords", icon: "rules", permission: "manage:quiz" },
  { to: "/api-keys", labelKey: "nav.apiKeys", icon: "gear", permission: "manage:api-key" },
  { to: "/audit", labelKey: "nav.audit", icon: "log", permission: "read:audit" },
  { to: "/settings", labelKey: "nav.settings", icon: "gear", permission: "manage:settings" },
];

/** Only what the roles may use. */
export function navFor(roles: readonly RoleName[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(roles, item.permission));
}
