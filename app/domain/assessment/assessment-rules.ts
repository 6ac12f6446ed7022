// Pure: who may assess a new hire, and the suggestions the form starts from. No I/O.
import { scopeFor, type RoleName } from "~/utils/permissions";

export type Assessor = { id: string; roles: readonly RoleName[] };

/** What decides who may assess this new hire. */
export type NewHire = {
  id: string;
  /** The active heads of their department or a department above it. */
  headIds: readonly string[];
  /** The lecturers of the onboarding (NEW_HIRE) courses they attend. */
  lecturerIds: readonly string[];
};

/**
 * The form is scored by the new hire's lecturer (of an onboarding course they attend), their supervisor (the
 * head of their department or one above it) or the training manager; never by the new hire.
 */
export function mayAssess(assessor: Assessor, hire: NewHire): boolean {
  if (assessor.id === hire.id) return false;
  if (scopeFor(assessor.roles, "assess:new-hire") === "any") return true;
  if (assessor.roles.includes("DEPARTMENT_HEAD") && hire.headIds.includes(assessor.id)) return true;
  return assessor.roles.includes("LECTURER") && hire.lecturerIds.includes(assessor.id);
}

/** Attendance as the archive recorded it: minutes credited over minutes scheduled, 0–100; null without records. */
export function attendanceSuggestion(
  records: ReadonlyArray<{ minutes: number; startsAt: Date; endsAt: Date }>,
): number | null {
  const scheduled = records.reduce(
    (sum, r) => sum + Math.max(0, (r.endsAt.getTime() - r.startsAt.getTime()) / 60_000),
    0,
  );
  if (scheduled <= 0) return null;
  const credited = records.reduce((sum, r) => sum + r.minutes, 0);
  return Math.max(0, Math.min(100, Math.round((credited / scheduled) * 100)));
}

/** The rules quiz: the best submitted score of the certification quiz; null when never taken. */
export function quizSuggestion(attempts: ReadonlyArray<{ scorePercent: number | null }>): number | null {
  const scores = attempts.map((a) => a.scorePercent).filter((s): s is number => s !== null);
  return scores.length ? Math.max(...scores) : null;
}

export const ASSESSMENT_TABS = ["toAssess", "signOff", "all"] as const;
export type AssessmentTab = (typeof ASSESSMENT_TABS)[number];

/** The tabs a person has: new hires they may assess, forms waiting for their sign-off, and every form they may read. */
export function assessmentTabs(roles: readonly RoleName[]): AssessmentTab[] {
  return ASSESSMENT_TABS.filter(
    (tab) =>
      (tab === "toAssess" && scopeFor(roles, "assess:new-hire") !== null) ||
      (tab === "signOff" && scopeFor(roles, "sign-off:assessment") !== null) ||
      tab === "all",
  );
}

/** Where a form stands, as the lists show it. */
export type FormStanding = "waiting" | "returned" | "signedOff";
export function formStanding(state: "DRAFT" | "SUBMITTED" | "APPROVED"): FormStanding {
  return state === "APPROVED" ? "signedOff" : state === "SUBMITTED" ? "waiting" : "returned";
}
